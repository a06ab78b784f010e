import "server-only";
import { sql } from "kysely";
import type { AuditAction, AuditEntry, AuditFilters, Page } from "@/lib/api/contracts";
import { decodeCursor, encodeCursor } from "./cursor";
import type { RunsDatabase } from "./database";
import { namedLike, rememberNames, textContains } from "./directory-names";
import { csvPages } from "./export";
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
 * deleted before their time (the database refuses it, see sealAuditLog in migrations.ts). The
 * actor's name, when given, is remembered so the log can show and search it.
 */
export async function appendAudit(
  db: RunsDatabase,
  entry: Pick<AuditEntry, "actor" | "action" | "target" | "detail"> & {
    graphRequestId?: string | null;
    actorName?: string | null;
  },
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
  if (entry.actorName)
    await rememberNames(db, [{ id: entry.actor, displayName: entry.actorName, kind: "operator" }]);
}

// A run's and a share's entries name the run, a bulk run's the bulk run, a job action's the job:
// the application and the object come from what the target names.
const applicationId = sql<string | null>`coalesce(r.service_principal_id, b.service_principal_id,
  (select j.service_principal_id from job_actions j where j.job_id = a.target and a.action like 'job.%' limit 1))`;

/** The log's entries with the names they concern, filtered; newest first. */
function auditEntries(db: RunsDatabase, filters: AuditFilters) {
  let select = db
    .selectFrom("audit_log as a")
    .leftJoin("runs as r", "r.id", "a.target")
    .leftJoin("bulk_runs as b", "b.id", "a.target")
    .leftJoin("directory_names as actor_name", "actor_name.id", "a.actor")
    .leftJoin("directory_names as subject_name", "subject_name.id", "r.subject_key")
    .leftJoin("directory_names as app_name", (join) => join.on(sql<boolean>`app_name.id = ${applicationId}`))
    .select([
      "a.id",
      "a.at",
      "a.actor",
      "a.action",
      "a.target",
      "a.detail",
      "a.graph_request_id",
      sql<string | null>`coalesce(actor_name.display_name, actor_name.upn)`.as("actor_name"),
      "r.subject_key as object_id",
      "r.subject_kind as object_kind",
      sql<string | null>`coalesce(subject_name.display_name, r.subject_label)`.as("object_name"),
      applicationId.as("application_id"),
      sql<string | null>`coalesce(app_name.display_name, r.application_label, b.application_label)`.as(
        "application_name",
      ),
    ]);
  const { actor, action, object, app, from, to } = filters;
  if (actor)
    select = select.where((eb) =>
      eb.or([textContains(sql.ref("a.actor"), actor), namedLike(sql.ref("a.actor"), actor)]),
    );
  if (action) select = select.where("a.action", "=", action);
  if (object)
    select = select.where((eb) =>
      eb.or([
        textContains(sql.ref("a.target"), object),
        textContains(sql.ref("r.subject_key"), object),
        textContains(sql.ref("r.subject_label"), object),
        namedLike(sql.ref("r.subject_key"), object),
      ]),
    );
  if (app)
    select = select.where((eb) =>
      eb.or([
        textContains(applicationId, app),
        textContains(sql.ref("app_name.display_name"), app),
        textContains(sql.ref("r.application_label"), app),
        textContains(sql.ref("b.application_label"), app),
      ]),
    );
  if (from) select = select.where("a.at", ">=", from);
  if (to) select = select.where("a.at", "<=", to);
  return select;
}

export async function listAudit(
  db: RunsDatabase,
  query: AuditFilters & { cursor?: string; limit: number },
): Promise<Page<AuditEntry>> {
  const { cursor, limit, ...filters } = query;
  const after = decodeCursor(cursor);
  let select = auditEntries(db, filters);
  if (after) select = select.where(sql<boolean>`(a.at, a.id) < (${after.at}, ${after.id})`);
  const rows = await select
    .orderBy("a.at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
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
      actorName: row.actor_name,
      object:
        row.object_id && row.object_kind
          ? { id: row.object_id, name: row.object_name, kind: row.object_kind }
          : null,
      application: row.application_id ? { id: row.application_id, name: row.application_name } : null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.at, id: last.id }) : null,
  };
}

/** Deletes entries older than the retention period (never younger than the database allows). */
export async function purgeAudit(db: RunsDatabase, retentionDays: number, now = new Date()): Promise<number> {
  const days = Math.max(retentionDays, AUDIT_MINIMUM_AGE_DAYS) + 1; // a day's margin over the trigger's bound
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const result = await db.deleteFrom("audit_log").where("at", "<", cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

const AUDIT_CSV_HEADER = [
  "at",
  "actor",
  "actor_name",
  "action",
  "target",
  "object_id",
  "object_name",
  "application_id",
  "application_name",
  "graph_request_id",
  "detail",
];

/** The log as CSV lines, newest first, with the same filters as the list, read a page at a time. */
export function auditAsCsv(db: RunsDatabase, filters: AuditFilters = {}): AsyncGenerator<string> {
  return csvPages(
    AUDIT_CSV_HEADER,
    (cursor) => listAudit(db, { ...filters, cursor, limit: 500 }),
    (e) => [
      e.at,
      e.actor,
      e.actorName,
      e.action,
      e.target,
      e.object?.id ?? null,
      e.object?.name ?? null,
      e.application?.id ?? null,
      e.application?.name ?? null,
      e.graphRequestId,
      e.detail ? JSON.stringify(e.detail) : null,
    ],
  );
}
