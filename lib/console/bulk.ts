import "server-only";
import type { BulkItemFilter, BulkPreview, BulkPreviewRequest, BulkRunRequest } from "@/lib/api/contracts";
import type { Caller } from "@/lib/auth/caller";
import {
  bulkItemsAsCsv,
  createBulkService,
  createBulkWorker,
  leastDurationMs,
  resolveBulkSource,
  type BulkAction,
  type BulkDirectory,
  type BulkGraph,
} from "@/lib/bulk";
import { env } from "@/lib/env";
import { isGraphError } from "@/lib/graph";
import { processSingleton } from "@/lib/process-singleton";
import { findProvisioningApp } from "./catalog";
import { consolePace, graphClient } from "./graph";
import { consoleInstance } from "./instance";
import { runService } from "./runs";

// Bulk runs as this console serves them: the service behind /api/bulk-runs and the worker that
// sends their items, on this instance and — through the shared database and Redis — with others.

/**
 * In delegated mode a bulk run calls Graph as the operator who started it, so the worker needs
 * their current sign-in. Every bulk request they make (the bulk page polls) leaves it here; an
 * instance without a fresh one leaves the run to instances that have it.
 */
const signIns = () =>
  processSingleton("bulk-sign-ins", () => new Map<string, { caller: Caller; expiresAt: number }>());

function rememberSignIn(caller: Caller): void {
  if (!caller.assertion) return;
  const expiresAt = tokenExpiry(caller.assertion);
  const known = signIns().get(caller.id);
  if (!known || known.expiresAt < expiresAt) signIns().set(caller.id, { caller, expiresAt });
}

function graphFor(actor: string): BulkGraph | null {
  const settings = env();
  if (settings.mode === "demo" || settings.GRAPH_PERMISSION_MODE === "application") {
    return graphClient({ id: actor, displayName: actor, roles: [] });
  }
  const known = signIns().get(actor);
  // A call may take two minutes; a token about to expire would fail it half-way.
  if (!known || known.expiresAt < Date.now() + 150_000) return null;
  return graphClient(known.caller);
}

/** The sign-in token's expiry (it was verified when the caller was authenticated). */
function tokenExpiry(token: string): number {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as {
      exp?: unknown;
    };
    return typeof payload.exp === "number" ? payload.exp * 1000 : 0;
  } catch {
    return 0;
  }
}

function bulkService() {
  return processSingleton("bulk-service", async () => {
    const { db } = await consoleInstance();
    return createBulkService({
      db,
      pace: consolePace(),
      onWork: () => void bulkWorker().then((w) => w.poke()),
    });
  });
}

function bulkWorker() {
  return processSingleton("bulk-worker", async () => {
    const instance = await consoleInstance();
    const worker = createBulkWorker({
      db: instance.db,
      runs: await runService(),
      instanceId: instance.id,
      lanes: consolePace().limit,
      graphFor,
    });
    worker.start();
    return worker;
  });
}

/** Starts this instance's share of the bulk work (at server start, so a restart resumes without a visit). */
export async function startBulkWorker(): Promise<void> {
  await bulkWorker();
}

export async function previewBulkRun(caller: Caller, request: BulkPreviewRequest): Promise<BulkPreview> {
  rememberSignIn(caller);
  const graph = graphClient(caller);
  const notFoundAsNull = <T>(read: Promise<T>) =>
    read.catch((error: unknown) => {
      if (isGraphError(error) && error.status === 404) return null;
      throw error;
    });
  const directory: BulkDirectory = {
    findUser: (idOrUpn) => graph.findUserByPrincipalName(idOrUpn),
    findGroup: (id) => notFoundAsNull(graph.getGroup(id)),
    groupMembers: async (groupId, filter, max) =>
      (await graph.listGroupMembers(groupId, { search: filter, followPages: true, top: 999, maxItems: max }))
        .items,
  };
  const resolution = await resolveBulkSource(request.source, directory);
  const service = await bulkService();
  return {
    ...resolution,
    estimatedMs: leastDurationMs(resolution.subjects.length, service.limits.pace),
    limits: service.limits,
  };
}

export async function createBulkRun(caller: Caller, request: BulkRunRequest) {
  rememberSignIn(caller);
  const app = await findProvisioningApp(caller, request.servicePrincipalId).catch(() => null);
  return (await bulkService()).create({
    request,
    actor: caller.id,
    applicationLabel: app?.displayName ?? null,
  });
}

export async function getBulkRun(caller: Caller, id: string) {
  rememberSignIn(caller);
  return (await bulkService()).get(id);
}

export async function listBulkRuns(
  caller: Caller,
  options: { servicePrincipalId?: string; jobId?: string; cursor?: string; limit: number },
) {
  rememberSignIn(caller);
  return (await bulkService()).list(options);
}

export async function listBulkItems(
  caller: Caller,
  id: string,
  options: { filter?: BulkItemFilter; cursor?: string; limit: number },
) {
  rememberSignIn(caller);
  return (await bulkService()).items(id, options);
}

/** Every item of the bulk run as a CSV download, streamed a line at a time; null when there is no such run. */
export async function exportBulkRun(id: string): Promise<Response | null> {
  const service = await bulkService();
  const run = await service.get(id);
  if (!run) return null;
  const lines = bulkItemsAsCsv(service.allItems(id));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="bulk-run-${run.id}.csv"`,
    },
  });
}

export async function actOnBulkRun(caller: Caller, id: string, action: BulkAction) {
  rememberSignIn(caller);
  return (await bulkService()).act(id, action, caller.id);
}
