import "server-only";
import type { ShareCreated, ShareLink, ShareRequest, SharedRun } from "@/lib/api/contracts";
import type { Caller } from "@/lib/auth";
import { createShare, listShares, openShare, rememberNames, revokeShare, sharedRunView } from "@/lib/runs";
import { getRun } from "./runs";
import type { ConsoleServices } from "./services";

// Read-only links to a run, redacted on the server when the link says so.

type Services = Pick<ConsoleServices, "db" | "runs" | "isSensitive">;

export async function shareRun(
  services: Pick<Services, "db" | "runs">,
  caller: Caller,
  runId: string,
  options: ShareRequest,
  origin: string,
): Promise<ShareCreated> {
  await getRun(services, runId);
  await rememberNames(services.db, [{ id: caller.id, displayName: caller.displayName, kind: "operator" }]);
  const share = await createShare(services.db, { runId, createdBy: caller.id, ...options });
  return {
    id: share.id,
    url: `${origin}/s/${encodeURIComponent(share.id)}`,
    expiresAt: share.expiresAt,
    redact: share.redact,
  };
}

export async function sharesOf(
  services: Pick<Services, "db" | "runs">,
  runId: string,
): Promise<{ items: ShareLink[] }> {
  await getRun(services, runId);
  return { items: await listShares(services.db, runId) };
}

export async function revoke(services: Pick<Services, "db">, caller: Caller, shareId: string): Promise<void> {
  await rememberNames(services.db, [{ id: caller.id, displayName: caller.displayName, kind: "operator" }]);
  await revokeShare(services.db, shareId, caller.id);
}

export async function openSharedRun(services: Services, shareId: string): Promise<SharedRun> {
  const share = await openShare(services.db, shareId);
  return sharedRunView(share, await getRun(services, share.runId), services.isSensitive);
}
