import "server-only";
import type {
  JobSummary,
  Page,
  RuleSummary,
  ServicePrincipalDetail,
  ServicePrincipalSummary,
} from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import type { Caller } from "@/lib/auth";
import { isGraphError } from "@/lib/graph";
import { presentApp, presentJob, presentRule, presentServicePrincipal } from "@/lib/graph/presenters";
import { describeJobs } from "./job-labels";
import type { ConsoleServices } from "./services";

// Applications with provisioning, their jobs and rules, for the catalog pages.

type Services = Pick<ConsoleServices, "graphFor">;

const APPS_PAGE_SIZE = 50;

export async function listProvisioningApps(
  services: Services,
  caller: Caller,
  query: { search?: string; cursor?: string },
): Promise<Page<ServicePrincipalSummary>> {
  const apps = (await services.graphFor(caller).discoverProvisioningApps({ search: query.search })).items;
  const offset = decodeOffset(query.cursor);
  return {
    items: apps.slice(offset, offset + APPS_PAGE_SIZE).map(presentApp),
    nextCursor: offset + APPS_PAGE_SIZE < apps.length ? encodeOffset(offset + APPS_PAGE_SIZE) : null,
  };
}

export async function getApplication(
  services: Services,
  caller: Caller,
  servicePrincipalId: string,
): Promise<ServicePrincipalDetail> {
  try {
    return presentServicePrincipal(await services.graphFor(caller).getServicePrincipal(servicePrincipalId));
  } catch (error) {
    if (isGraphError(error) && error.status === 404)
      throw new ApiError("not_found", `No application has the id ${servicePrincipalId}.`);
    throw error;
  }
}

export async function listJobs(
  services: Services,
  caller: Caller,
  servicePrincipalId: string,
): Promise<{ items: JobSummary[] }> {
  const described = await describeJobs(services.graphFor(caller), servicePrincipalId);
  return { items: described.map(({ job, label, schema }) => presentJob(job, { label, schema })) };
}

export async function listRules(
  services: Services,
  caller: Caller,
  servicePrincipalId: string,
  jobId: string,
): Promise<{ items: RuleSummary[] }> {
  return { items: (await services.graphFor(caller).listRules(servicePrincipalId, jobId)).map(presentRule) };
}

function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown };
    if (typeof o === "number" && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through
  }
  throw new ApiError("bad_request", "cursor: not a cursor this console issued; start again without it.");
}
