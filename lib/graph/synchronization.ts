import "server-only";
import type { GraphReader } from "./graph-reader";
import {
  synchronizationJobSchema,
  synchronizationSchemaSchema,
  type SynchronizationJob,
  type SynchronizationSchema,
} from "./graph-schemas";
import { graphPath } from "./graph-transport";
import { requireId } from "./query-input";
import { rulesOfSchema, type ProvisioningRule } from "./synchronization-rules";

const MAX_JOBS = 500;

/** A service principal's synchronization jobs, their schema and the rules provisioning on demand can use. */
export function createSynchronization(reader: GraphReader) {
  const jobPath = (spId: string, jobId: string, ...rest: string[]) =>
    graphPath(
      "servicePrincipals",
      requireId(spId, "service principal id"),
      "synchronization",
      "jobs",
      requireId(jobId, "job id"),
      ...rest,
    );

  async function getSchema(
    spId: string,
    jobId: string,
    signal?: AbortSignal,
  ): Promise<SynchronizationSchema> {
    return reader.one(
      synchronizationSchemaSchema,
      `the schema of job ${jobId}`,
      jobPath(spId, jobId, "schema"),
      { signal },
    );
  }

  return {
    async listJobs(spId: string, signal?: AbortSignal): Promise<SynchronizationJob[]> {
      const path = graphPath(
        "servicePrincipals",
        requireId(spId, "service principal id"),
        "synchronization",
        "jobs",
      );
      return (
        await reader.all(synchronizationJobSchema, `the jobs of service principal ${spId}`, path, {
          signal,
          maxItems: MAX_JOBS,
        })
      ).items;
    },
    async getJob(spId: string, jobId: string, signal?: AbortSignal): Promise<SynchronizationJob> {
      return reader.one(synchronizationJobSchema, `job ${jobId}`, jobPath(spId, jobId), { signal });
    },
    getSchema,
    async listRules(spId: string, jobId: string, signal?: AbortSignal): Promise<ProvisioningRule[]> {
      return rulesOfSchema(await getSchema(spId, jobId, signal));
    },
  };
}
