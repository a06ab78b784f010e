import "server-only";
import { sql } from "kysely";
import type { AuditAction, AuditEntry, Page } from "@/lib/api/contracts";
import { decodeCursor, encodeCursor } from "./cursor";
import type { RunsDatabase } from "./database";
import { csvField } from "./export";
import { AUDIT_MINIMUM_AGE_DAYS } from "./migrations";

export type { AuditAction, AuditEntry } from "@/lib/api/contracts";

/** What one entry's detail may hold at most, in characters of text: a change is summarised, never kept whole. */
export const AUDIT_DETAIL_BUDGET = 4_000;
const LONGEST_TEXT = 200;
const MOST_ENTRIES = 25;
const DEEPEST = 4;

/**
 * The detail as the log keeps it: text cut to 200 characters (saying how long it was), lists and
 * objects to 25 entries and 4 levels, and everything within a budget of 4,000 characters — so no
 * request, however large, makes a large entry.
 */
export function boundedDetail(value: unknown): unknown {
  let budget = AUDIT_DETAIL_BUDGET;
  const text = (t: string) => {
    const kept = t.length > LONGEST_TEXT ? `${t.slice(0, LONGEST_TEXT)}… (${t.length} characters)` : t;
    if (kept.length > budget) {
      budget = 0;
      return "…";
    }
    budget -= kept.length;
    return kept;
  };
  const bound = (item: unknown, depth: number): unknown => {
    if (budget <= 0) return "…";
    if (typeof item === "string") return text(item);
    if (item === null || typeof item !== "object") return item;
    const entries: [string, unknown][] = Array.isArray(item)
      ? item.map((v, i) => [String(i), v])
      : Object.entries(item as Record<string, unknown>);
    if (depth >= DEEPEST)
      return text(Array.isArray(item) ? `[${entries.length} items]` : `{${entries.length} fields}`);
    const kept = entries.slice(0, MOST_ENTRIES).map(([key, v]) => [text(key), bound(v, depth + 1)] as const);
    const more = entries.length - kept.length;
    if (Array.isArray(item))
      return more > 0 ? [...kept.map(([, v]) => v), `… ${more} more`] : kept.map(([, v]) => v);
    return Object.fromEntries(more > 0 ? [...kept, ["…", `${more} more fields`]] : kept);
  };
  return bound(value, 0);
}

/**
 * Appends one entry, at the current time; entries are never changed, replaced, back-dated or
 * deleted before their time (the database refuses it, see sealAuditLog in migrations.ts).
 */
export async function appendAudit(
  db: RunsDatabase,
  entry: Omit<AuditEntry, "id" | "at" | "graphRequestId"> & { graphRequestId?: string | null },
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      id: crypto.randomUUID(),
      at: new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target === null ? null : entry.target.slice(0, 1024),
      detail: entry.detail ? JSON.stringify(boundedDetail(entry.detail)) : null,
      graph_request_id: entry.graphRequestId ?? null,
    })
    .execute();
}

export async function listAudit(
  db: RunsDatabase,
  query: { cursor?: string; limit: number },
): Promise<Page<AuditEntry>> {
  const after = decodeCursor(query.cursor);
  let select = db.selectFrom("audit_log").selectAll();
  if (after) select = select.where(sql<boolean>`(at, id) < (${after.at}, ${after.id})`);
  const rows = await select
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actor,
      action: row.action as AuditAction,
      target: row.target,
      detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
      graphRequestId: row.graph_request_id,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null,
  };
}

/** Deletes entries older than the retention period (never younger than the database allows). */
export async function purgeAudit(db: RunsDatabase, retentionDays: number, now = new Date()): Promise<number> {
  const days = Math.max(retentionDays, AUDIT_MINIMUM_AGE_DAYS) + 1; // a day's margin over the trigger's bound
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const result = await db.deleteFrom("audit_log").where("at", "<", cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The whole log as CSV lines, newest first, read a page at a time. */
export async function* auditAsCsv(db: RunsDatabase): AsyncGenerator<string> {
  yield "at,actor,action,target,graph_request_id,detail\r\n";
  let cursor: string | undefined;
  do {
    const page = await listAudit(db, { cursor, limit: 500 });
    for (const e of page.items) {
      const detail = e.detail ? JSON.stringify(e.detail) : null;
      yield [e.at, e.actor, e.action, e.target, e.graphRequestId, detail].map(csvField).join(",") + "\r\n";
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
