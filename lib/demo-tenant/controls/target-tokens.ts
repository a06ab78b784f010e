import "server-only";
import { randomBytes } from "node:crypto";
import { findJob, findServicePrincipal } from "../graph/directory-lookup";
import { badRequest } from "../graph/graph-error";
import type { DemoJob, TenantState } from "../model";
import type { ScimTargets } from "../scim";
import { DEMO_SCIM_ORIGIN } from "../seed/fixtures";

// The application's side of a secret token, for demos: the app issues a new token (its admin page
// would show it once), and, as a shortcut, the admin saves it in the job too. Neither answer
// carries the token.

const BUILT_IN = `${DEMO_SCIM_ORIGIN}/scim/`;

/** The id of the demo tenant's own SCIM target behind the job; 400 for Cloud Sync or an external target. */
function builtInTargetOf(job: DemoJob): string {
  const { target } = job;
  if (target.kind !== "scim" || !target.baseUrl.startsWith(BUILT_IN))
    throw badRequest(
      "This job does not export to one of the demo tenant's own SCIM apps, so the demo cannot issue its token.",
    );
  return target.baseUrl.slice(BUILT_IN.length).split("/")[0]!;
}

function jobOf(tenant: TenantState, spId: string, jobId: string): DemoJob {
  return findJob(findServicePrincipal(tenant, spId), jobId);
}

/** The app behind the job now accepts `token` and refuses every other, the job's saved one included. */
export function issueTargetToken(
  tenant: TenantState,
  scim: ScimTargets,
  ids: { spId: string; jobId: string },
  body: unknown,
): void {
  const token = (body as { token?: unknown } | null)?.token;
  if (typeof token !== "string" || token.trim() === "" || token.trim() !== token || token.length > 8192)
    throw badRequest(
      'Give the new token as {"token":"…"}: text without spaces around it, at most 8192 characters.',
    );
  scim.replaceBearerToken(builtInTargetOf(jobOf(tenant, ids.spId, ids.jobId)), token);
}

/** The app issues a fresh token and the job's saved credentials take it: Test connection passes. */
export function replaceJobToken(
  tenant: TenantState,
  scim: ScimTargets,
  ids: { spId: string; jobId: string },
): void {
  const job = jobOf(tenant, ids.spId, ids.jobId);
  const token = randomBytes(24).toString("base64url");
  scim.replaceBearerToken(builtInTargetOf(job), token);
  if (job.target.kind === "scim") job.target.bearerToken = token;
}
