import "server-only";
import type {
  Page,
  RunComparison,
  RunHistoryFilters,
  RunListItem,
  RunView,
  ShareCreated,
  SharedRun,
} from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import type { Caller } from "@/lib/auth/caller";
import { env } from "@/lib/env";
import {
  appendAudit,
  compareRuns,
  createShare,
  csvField,
  DEFAULT_REDACTED_ATTRIBUTES,
  findPreviousRun,
  findRun,
  listAudit,
  listRuns,
  listShares,
  openShare,
  revokeShare,
  runAsCsv,
  runAsJson,
  sensitiveAttributeTest,
  sharedRunView,
  type AuditEntry,
} from "@/lib/runs";
import { runService, runsDatabase } from "./runs";

// History, shared links, comparison, export and the audit log, over the runs database.

export async function runHistory(
  filters: RunHistoryFilters,
  page: { cursor?: string; limit: number },
): Promise<Page<RunListItem>> {
  return listRuns(await runsDatabase(), filters, page);
}

export async function runOr404(id: string): Promise<RunView> {
  const run = await (await runService()).get(id);
  if (!run) throw new ApiError("not_found", `No run with id ${id}.`);
  return run;
}

export async function previousRunOf(id: string): Promise<{ previousRunId: string | null }> {
  const db = await runsDatabase();
  const row = await findRun(db, id);
  if (!row) throw new ApiError("not_found", `No run with id ${id}.`);
  return { previousRunId: await findPreviousRun(db, row) };
}

export async function compare(a: string, b: string): Promise<RunComparison> {
  const [left, right] = await Promise.all([runOr404(a), runOr404(b)]);
  return compareRuns(left, right);
}

export async function exportRun(id: string, format: "json" | "csv"): Promise<Response> {
  const run = await runOr404(id);
  const name = `provisioning-run-${id}`;
  return format === "json"
    ? new Response(runAsJson(run), {
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-disposition": `attachment; filename="${name}.json"`,
        },
      })
    : new Response(runAsCsv(run), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${name}.csv"`,
        },
      });
}

export async function shareRun(
  runId: string,
  caller: Caller,
  options: { redact: boolean; expiresInDays?: number },
  origin: string,
): Promise<ShareCreated> {
  await runOr404(runId);
  const db = await runsDatabase();
  const share = await createShare(db, { runId, createdBy: caller.id, ...options });
  await appendAudit(db, {
    actor: caller.id,
    action: "share.created",
    target: runId,
    detail: { shareId: share.id, redact: share.redact, expiresAt: share.expiresAt },
  });
  return {
    id: share.id,
    url: `${origin}/s/${encodeURIComponent(share.id)}`,
    expiresAt: share.expiresAt,
    redact: share.redact,
  };
}

export async function sharesOf(runId: string) {
  await runOr404(runId);
  return { items: await listShares(await runsDatabase(), runId) };
}

export async function revoke(shareId: string, caller: Caller): Promise<void> {
  const db = await runsDatabase();
  const runId = await revokeShare(db, shareId, caller.id);
  await appendAudit(db, { actor: caller.id, action: "share.revoked", target: runId, detail: { shareId } });
}

export async function openSharedRun(shareId: string): Promise<SharedRun> {
  const share = await openShare(await runsDatabase(), shareId);
  return sharedRunView(share, await runOr404(share.runId), redactionTest());
}

export async function auditLog(page: { cursor?: string; limit: number }): Promise<Page<AuditEntry>> {
  return listAudit(await runsDatabase(), page);
}

export async function recordDemoChange(
  caller: Caller,
  method: string,
  path: string,
  detail: unknown,
): Promise<void> {
  await appendAudit(await runsDatabase(), {
    actor: caller.id,
    action: "demo.changed",
    target: path,
    detail: { method, change: detail ?? null },
  });
}

function redactionTest() {
  const configured = env().SHARE_REDACTED_ATTRIBUTES;
  return sensitiveAttributeTest(
    configured
      ? configured
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean)
      : DEFAULT_REDACTED_ATTRIBUTES,
  );
}

/** The whole audit log as CSV, newest first, streamed page by page. */
export async function auditCsv(): Promise<Response> {
  const db = await runsDatabase();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode("at,actor,action,target,graph_request_id,detail\r\n"));
      let cursor: string | undefined;
      do {
        const page = await listAudit(db, { cursor, limit: 500 });
        for (const e of page.items) {
          const fields = [
            e.at,
            e.actor,
            e.action,
            e.target,
            e.graphRequestId,
            e.detail ? JSON.stringify(e.detail) : null,
          ];
          controller.enqueue(encoder.encode(fields.map(csvField).join(",") + "\r\n"));
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="audit-log.csv"',
    },
  });
}
