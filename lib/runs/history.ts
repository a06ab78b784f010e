import "server-only";
import type { Page, RunHistoryFilters, RunListItem, RunStatus } from "@/lib/api/contracts";
import { sql } from "kysely";
import { codeInWords, type ProvisionSubject } from "@/lib/provisioning";
import { decodeCursor, encodeCursor } from "./cursor";
import type { RunsDatabase } from "./database";
import { namedLike, textContains } from "./directory-names";
import { csvPages, outcomeInWords } from "./export";
import type { RunRow } from "./run-store";

/** The history, newest first, filtered, one keyset page at a time (fast at any depth). */
export async function listRuns(
  db: RunsDatabase,
  filters: RunHistoryFilters,
  page: { cursor?: string; limit: number },
): Promise<Page<RunListItem>> {
  const after = decodeCursor(page.cursor);
  let query = db
    .selectFrom("runs")
    .leftJoin("directory_names as actor_name", "actor_name.id", "runs.actor")
    .select(listColumns.map((column) => `runs.${column}` as const))
    .select(sql<string | null>`coalesce(actor_name.display_name, actor_name.upn)`.as("actor_name"));
  if (filters.servicePrincipalId)
    query = query.where("service_principal_id", "=", filters.servicePrincipalId);
  if (filters.jobId) query = query.where("job_id", "=", filters.jobId);
  if (filters.outcome) query = query.where("outcome", "=", filters.outcome);
  if (filters.action) query = query.where("action", "=", filters.action);
  if (filters.reason) query = query.where(sql<boolean>`lower(reason_code) = ${filters.reason.toLowerCase()}`);
  const actor = filters.actor;
  if (actor)
    query = query.where((eb) =>
      eb.or([textContains(sql.ref("runs.actor"), actor), namedLike(sql.ref("runs.actor"), actor)]),
    );
  if (filters.from) query = query.where("created_at", ">=", filters.from);
  if (filters.to) query = query.where("created_at", "<=", filters.to);
  if (filters.subject) {
    const subject = filters.subject.toLowerCase();
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["subject_key"]), "=", subject),
        textContains(sql.ref("subject_label"), subject),
      ]),
    );
  }
  // A row-value comparison walks the (created_at, id) index straight to the page, at any depth.
  if (after) query = query.where(sql<boolean>`(runs.created_at, runs.id) < (${after.at}, ${after.id})`);
  const rows = await query
    .orderBy("runs.created_at", "desc")
    .orderBy("runs.id", "desc")
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map(toListItem),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ at: last.created_at, id: last.id }) : null,
  };
}

/** The run of the same object on the same job just before this one, if any. */
export async function findPreviousRun(db: RunsDatabase, run: RunRow): Promise<string | null> {
  const previous = await db
    .selectFrom("runs")
    .select("id")
    .where("service_principal_id", "=", run.service_principal_id)
    .where("job_id", "=", run.job_id)
    .where("subject_key", "=", run.subject_key)
    .where((eb) =>
      eb.or([
        eb("created_at", "<", run.created_at),
        eb.and([eb("created_at", "=", run.created_at), eb("id", "<", run.id)]),
      ]),
    )
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return previous?.id ?? null;
}

const listColumns = [
  "id",
  "status",
  "created_at",
  "finished_at",
  "actor",
  "service_principal_id",
  "job_id",
  "rule_id",
  "subject_kind",
  "subject_key",
  "application_label",
  "subject_label",
  "job_label",
  "outcome",
  "action",
  "error_code",
  "reason_code",
] as const;

type ListRow = Pick<RunRow, (typeof listColumns)[number]> & { actor_name: string | null };

function toListItem(row: ListRow): RunListItem {
  return {
    id: row.id,
    status: row.status as RunStatus,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    actor: row.actor,
    actorName: row.actor_name,
    servicePrincipalId: row.service_principal_id,
    jobId: row.job_id,
    ruleId: row.rule_id,
    subjectKind: row.subject_kind as ProvisionSubject["kind"],
    subjectKey: row.subject_key,
    labels: { application: row.application_label, subject: row.subject_label, job: row.job_label },
    outcome: row.outcome,
    action: row.action,
    errorCode: row.error_code,
    reasonCode: row.reason_code,
  };
}

const HISTORY_CSV_HEADER = [
  "requested_at",
  "completed_at",
  "application",
  "application_id",
  "job",
  "job_id",
  "subject",
  "subject_kind",
  "subject_id",
  "actor",
  "actor_name",
  "status",
  "outcome",
  "action",
  "reason_code",
  "reason",
  "run_id",
];

/** Every run the filters match as CSV lines, newest first, read a page at a time. */
export function runsAsCsv(db: RunsDatabase, filters: RunHistoryFilters): AsyncGenerator<string> {
  return csvPages(
    HISTORY_CSV_HEADER,
    (cursor) => listRuns(db, filters, { cursor, limit: 500 }),
    (run) => [
      run.createdAt,
      run.finishedAt,
      run.labels.application,
      run.servicePrincipalId,
      run.labels.job ?? null,
      run.jobId,
      run.labels.subject,
      run.subjectKind,
      run.subjectKey,
      run.actor,
      run.actorName,
      run.status,
      outcomeInWords(run.outcome, run.status),
      run.action,
      run.reasonCode,
      codeInWords(run.reasonCode),
      run.id,
    ],
  );
}
