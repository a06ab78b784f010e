import "server-only";
import type { TenantState } from "../model";
import { findJob, findServicePrincipal } from "./directory-lookup";
import { jsonResult, type GraphCall, type GraphResult } from "./graph-call";
import { contextUrl, quoteKey } from "./odata";

// GET handlers for a service principal's synchronization jobs and their schemas, served as Graph's JSON.
export const synchronizationRoutes = {
  listJobs(call: GraphCall, t: TenantState, spId: string): GraphResult {
    const sp = findServicePrincipal(t, spId);
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/jobs`,
      ),
      value: sp.jobs.map((j) => j.job),
    });
  },
  getJob(call: GraphCall, t: TenantState, spId: string, jobId: string): GraphResult {
    const sp = findServicePrincipal(t, spId);
    const job = findJob(sp, jobId);
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/jobs/$entity`,
      ),
      ...job.job,
    });
  },
  getSchema(call: GraphCall, t: TenantState, spId: string, jobId: string): GraphResult {
    const sp = findServicePrincipal(t, spId);
    const job = findJob(sp, jobId);
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/jobs(${quoteKey(job.job.id)})/schema/$entity`,
      ),
      ...job.schema,
    });
  },
};
