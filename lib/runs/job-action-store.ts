import "server-only";
import { sql, type Selectable } from "kysely";
import type { JobAction, JobActionCall, JobActionError, Page } from "@/lib/api/contracts";
import { decodeCursor, encodeCursor } from "./cursor";
import type { RunsDatabase } from "./database";
import { orphanedWork, type PeerLiveness } from "./instances";
import type { JobActionsTable } from "./schema";

// A job's timeline: every action the console took on it, stored before Graph is called so a crash
// leaves a trace, and finished with what Graph answered and the job's status after.

export type JobActionRow = Selectable<JobActionsTable>;

export async function insertJobAction(db: RunsDatabase, row: JobActionRow): Promise<void> {
  await db.insertInto("job_actions").values(row).execute();
}

export async function findJobAction(db: RunsDatabase, id: string): Promise<JobActionRow | undefined> {
  return db.selectFrom("job_actions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findJobActionByIdempotencyKey(
  db: RunsDatabase,
  key: string,
): Promise<JobActionRow | undefined> {
  return db.selectFrom("job_actions").selectAll().where("idempotency_key", "=", key).executeTakeFirst();
}

export interface JobActionEnding {
  finishedAt: string;
  outcome: "succeeded" | "failed";
  error: JobActionError | null;
  statusAfter: string | null;
  calls: JobActionCall[];
  graphRequestId: string | null;
}

/** Records how a running action ended; an action already finished (or interrupted) is left as it is. */
export async function finishJobAction(db: RunsDatabase, id: string, ending: JobActionEnding): Promise<void> {
  await db
    .updateTable("job_actions")
    .set({
      finished_at: ending.finishedAt,
      outcome: ending.outcome,
      error_json: ending.error ? JSON.stringify(ending.error) : null,
      status_after: ending.statusAfter,
      calls_json: JSON.stringify(ending.calls),
      graph_request_id: ending.graphRequestId,
    })
    .where("id", "=", id)
    .where("outcome", "=", "running")
    .execute();
}

/** The job's actions, newest first, a page at a time. */
export async function listJobActions(
  db: RunsDatabase,
  job: { servicePrincipalId: string; jobId: string },
  page: { cursor?: string; limit: number },
): Promise<Page<JobAction>> {
  const after = decodeCursor(page.cursor);
  let select = db
    .selectFrom("job_actions")
    .selectAll()
    .where("service_principal_id", "=", job.servicePrincipalId)
    .where("job_id", "=", job.jobId);
  if (after) select = select.where(sql<boolean>`(requested_at, id) < (${after.at}, ${after.id})`);
  const rows = await select
    .orderBy("requested_at", "desc")
    .orderBy("id", "desc")
    .limit(page.limit + 1)
    .execute();
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    items: shown.map(toJobAction),
    nextCursor:
      rows.length > page.limit && last ? encodeCursor({ at: last.requested_at, id: last.id }) : null,
  };
}

/**
 * Actions left running by an instance that died (no heartbeat since `liveSince`): marked
 * interrupted, and never sent again on their own.
 */
export async function interruptUnfinishedJobActions(
  db: RunsDatabase,
  at: string,
  peers: PeerLiveness,
  me: string | null = null,
): Promise<number> {
  const result = await db
    .updateTable("job_actions")
    .set({ outcome: "interrupted", finished_at: at })
    .where("outcome", "=", "running")
    .where(orphanedWork(me, peers))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes the actions older than the retention period (the audit log keeps its own entries). */
export async function purgeJobActions(
  db: RunsDatabase,
  retentionDays: number,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const result = await db.deleteFrom("job_actions").where("requested_at", "<", cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function toJobAction(row: JobActionRow): JobAction {
  return {
    id: row.id,
    servicePrincipalId: row.service_principal_id,
    jobId: row.job_id,
    action: row.action as JobAction["action"],
    resetScope: (row.reset_scope as JobAction["resetScope"]) ?? null,
    actor: row.actor,
    actorName: row.actor_name,
    requestedAt: row.requested_at,
    finishedAt: row.finished_at,
    outcome: row.outcome as JobAction["outcome"],
    error: row.error_json ? (JSON.parse(row.error_json) as JobActionError) : null,
    statusBefore: row.status_before,
    statusAfter: row.status_after,
    calls: JSON.parse(row.calls_json) as JobActionCall[],
    graphRequestId: row.graph_request_id,
  };
}
