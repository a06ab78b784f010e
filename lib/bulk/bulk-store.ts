import "server-only";
import { sql, type Selectable } from "kysely";
import type { BulkCounts, BulkItemFilter } from "@/lib/api/contracts";
import { dialectOf, type RunsDatabase } from "@/lib/runs/database";
import { orphanedWork, type PeerLiveness } from "@/lib/runs/instances";
import type { BulkItemsTable, BulkRunsTable } from "@/lib/runs/schema";
import { emptyBulkCounts } from "./counts";

// Bulk runs and their items in the console's database. Every change of state is one conditional
// statement, so instances sharing the database can race without sending an item twice.

export type BulkRunRow = Selectable<BulkRunsTable>;
export type BulkItemRow = Selectable<BulkItemsTable>;

export const ACTIVE_STATUSES = ["queued", "running", "paused"] as const;
const OUTCOMES = ["Success", "Skipped", "Failure", "Warning", "Unknown"] as const;

/** Stores the bulk run and all its items at once; the unique index on active runs refuses a second one per job. */
export async function insertBulkRun(db: RunsDatabase, run: BulkRunRow, items: BulkItemRow[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("bulk_runs").values(run).execute();
    for (let start = 0; start < items.length; start += 500) {
      await trx
        .insertInto("bulk_items")
        .values(items.slice(start, start + 500))
        .execute();
    }
  });
}

export async function findBulkRun(db: RunsDatabase, id: string): Promise<BulkRunRow | undefined> {
  return db.selectFrom("bulk_runs").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function activeBulkRunOnJob(
  db: RunsDatabase,
  servicePrincipalId: string,
  jobId: string,
): Promise<BulkRunRow | undefined> {
  return db
    .selectFrom("bulk_runs")
    .selectAll()
    .where("service_principal_id", "=", servicePrincipalId)
    .where("job_id", "=", jobId)
    .where("status", "in", [...ACTIVE_STATUSES])
    .executeTakeFirst();
}

/** Bulk runs with items to send, for the workers (paused ones wait). */
export async function bulkRunsToWork(db: RunsDatabase): Promise<BulkRunRow[]> {
  return db
    .selectFrom("bulk_runs")
    .selectAll()
    .where("status", "in", ["queued", "running"])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("bulk_items")
          .select("bulk_items.id")
          .whereRef("bulk_items.bulk_run_id", "=", "bulk_runs.id")
          .where("bulk_items.status", "=", "pending"),
      ),
    )
    .orderBy("created_at")
    .limit(50)
    .execute();
}

/**
 * Takes the first pending item of a queued or running bulk run for this instance: pending becomes
 * sending in one statement (row-locked and skipping rows another instance holds, on PostgreSQL),
 * so each item is taken once. Undefined when there is none, or the run is paused or cancelled.
 * (markBulkRunStarted then moves a queued run to running.)
 */
export async function claimNextItem(
  db: RunsDatabase,
  bulkRunId: string,
  instanceId: string,
  at: string,
): Promise<BulkItemRow | undefined> {
  const claimed = await db
    .updateTable("bulk_items")
    .set((eb) => ({
      status: "sending",
      instance_id: instanceId,
      claimed_at: at,
      finished_at: null,
      attempts: eb("attempts", "+", 1),
    }))
    .where("id", "=", (eb) => {
      const next = eb
        .selectFrom("bulk_items")
        .select("id")
        .where("bulk_run_id", "=", bulkRunId)
        .where("status", "=", "pending")
        .where((inner) =>
          inner.exists(
            inner
              .selectFrom("bulk_runs")
              .select("bulk_runs.id")
              .where("bulk_runs.id", "=", bulkRunId)
              .where("bulk_runs.status", "in", ["queued", "running"]),
          ),
        )
        .orderBy("position")
        .limit(1);
      return dialectOf(db) === "postgres" ? next.forUpdate().skipLocked() : next;
    })
    .where("status", "=", "pending")
    .returningAll()
    .executeTakeFirst();
  return claimed;
}

/** A queued bulk run whose first item was claimed is running from then on. */
export async function markBulkRunStarted(db: RunsDatabase, bulkRunId: string, at: string): Promise<void> {
  await db
    .updateTable("bulk_runs")
    .set({ status: "running", started_at: at })
    .where("id", "=", bulkRunId)
    .where("status", "=", "queued")
    .execute();
}

/**
 * Records an item's result, if this instance still holds it (or a peer marked it interrupted while
 * its answer was on the way: the answer is the truth).
 */
export async function finishItem(
  db: RunsDatabase,
  itemId: string,
  instanceId: string,
  result: {
    status: "done" | "failed";
    outcome: string | null;
    action: string | null;
    errorCode: string | null;
    at: string;
  },
): Promise<void> {
  await db
    .updateTable("bulk_items")
    .set({
      status: result.status,
      outcome: result.outcome,
      action: result.action,
      error_code: result.errorCode,
      finished_at: result.at,
    })
    .where("id", "=", itemId)
    .where("instance_id", "=", instanceId)
    .where("status", "in", ["sending", "interrupted"])
    .execute();
}

/** A running bulk run with nothing left to send or hear back becomes completed. */
export async function completeFinishedBulkRuns(
  db: RunsDatabase,
  at: string,
  bulkRunId?: string,
): Promise<void> {
  let update = db
    .updateTable("bulk_runs")
    .set({ status: "completed", finished_at: at })
    .where("status", "in", ["queued", "running"])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("bulk_items")
            .select("bulk_items.id")
            .whereRef("bulk_items.bulk_run_id", "=", "bulk_runs.id")
            .where("bulk_items.status", "in", ["pending", "sending"]),
        ),
      ),
    );
  if (bulkRunId) update = update.where("id", "=", bulkRunId);
  await update.execute();
}

/** What recovering a stopped console's bulk items did. */
export interface RecoveredItems {
  /** Their call may have reached Graph: interrupted, resent only if the operator retries. */
  interrupted: number;
  /** Their call had not left: pending again, sent by the bulk run as if never claimed. */
  requeued: number;
  /** Graph had answered, but the item had not been told: it takes its run's result. */
  finished: number;
}

/**
 * The items a stopped console had claimed (`sending`), each settled by what its run shows: a run
 * that was answered gives the item its result; a run that may have reached Graph (running, or
 * already marked interrupted) makes the item interrupted; an item with no run, or a run that never
 * left the queue, goes back to pending (its run marked NotSent), since nothing was sent for it.
 */
export async function recoverOrphanedItems(
  db: RunsDatabase,
  at: string,
  me: string | null,
  peers: PeerLiveness,
): Promise<RecoveredItems> {
  const orphaned = () =>
    db.updateTable("bulk_items").where("status", "=", "sending").where(orphanedWork(me, peers));
  const runIn = (statuses: string[]) =>
    sql<boolean>`exists (select 1 from runs where runs.id = bulk_items.run_id and runs.status in (${sql.join(statuses)}))`;

  const interrupted = await orphaned()
    .set({ status: "interrupted", finished_at: at, error_code: "Interrupted" })
    .where(runIn(["running", "interrupted"]))
    .executeTakeFirst();
  const neverSent = await orphaned()
    .set((eb) => ({
      status: "pending",
      instance_id: null,
      claimed_at: null,
      finished_at: null,
      attempts: eb("attempts", "-", 1),
    }))
    .where((eb) => eb.or([eb("run_id", "is", null), runIn(["queued"])]))
    .executeTakeFirst();
  await db
    .updateTable("runs")
    .set({
      status: "failed",
      finished_at: at,
      error_code: "NotSent",
      error_message:
        "The console stopped before this call was sent, so Graph never received it; the bulk run sent the item again in a new run.",
    })
    .where("status", "=", "queued")
    .where("bulk_run_id", "is not", null)
    .where(orphanedWork(me, peers))
    .execute();
  const answer = (column: "outcome" | "action" | "error_code" | "finished_at") =>
    sql<string | null>`(select ${sql.ref(`runs.${column}`)} from runs where runs.id = bulk_items.run_id)`;
  const finished = await orphaned()
    .set({
      status: sql<string>`(select case when runs.status = 'completed' then 'done' else 'failed' end
        from runs where runs.id = bulk_items.run_id)`,
      outcome: answer("outcome"),
      action: answer("action"),
      error_code: answer("error_code"),
      finished_at: answer("finished_at"),
    })
    .where(runIn(["completed", "failed"]))
    .executeTakeFirst();
  return {
    interrupted: Number(interrupted.numUpdatedRows),
    requeued: Number(neverSent.numUpdatedRows),
    finished: Number(finished.numUpdatedRows),
  };
}

/** Moves the bulk run from one of `from` to `to`; false when it was in none of them. */
export async function changeBulkStatus(
  db: RunsDatabase,
  id: string,
  from: readonly string[],
  to: string,
  at: string,
): Promise<boolean> {
  const final = to === "cancelled" || to === "completed";
  const result = await db
    .updateTable("bulk_runs")
    .set({ status: to, ...(final ? { finished_at: at } : { finished_at: null }) })
    .where("id", "=", id)
    .where("status", "in", [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function cancelPendingItems(db: RunsDatabase, bulkRunId: string, at: string): Promise<void> {
  await db
    .updateTable("bulk_items")
    .set({ status: "cancelled", finished_at: at })
    .where("bulk_run_id", "=", bulkRunId)
    .where("status", "=", "pending")
    .execute();
}

/** Which items a retry sends again: calls that failed, provisioning Failures, interrupted calls. */
export type RequeueChoice = "calls" | "failures" | "interrupted";

/** The chosen items go back to pending, with their last answer cleared; returns how many. */
export async function requeueItems(
  db: RunsDatabase,
  bulkRunId: string,
  choices: readonly RequeueChoice[],
): Promise<number> {
  const result = await db
    .updateTable("bulk_items")
    .set({
      status: "pending",
      finished_at: null,
      instance_id: null,
      outcome: null,
      action: null,
      error_code: null,
    })
    .where("bulk_run_id", "=", bulkRunId)
    .where((eb) =>
      eb.or(
        choices.map((choice) =>
          choice === "calls"
            ? eb("status", "=", "failed")
            : choice === "interrupted"
              ? eb("status", "=", "interrupted")
              : eb.and([eb("status", "=", "done"), eb("outcome", "=", "Failure")]),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The Skipped items by the reason Graph gave, most first. */
export async function skipReasons(
  db: RunsDatabase,
  bulkRunId: string,
): Promise<{ reason: string | null; count: number }[]> {
  const rows = await db
    .selectFrom("bulk_items")
    .select(["error_code", (eb) => eb.fn.countAll<string | number>().as("n")])
    .where("bulk_run_id", "=", bulkRunId)
    .where("status", "=", "done")
    .where("outcome", "=", "Skipped")
    .groupBy("error_code")
    .execute();
  return rows
    .map((row) => ({ reason: row.error_code, count: Number(row.n) }))
    .sort((a, b) => b.count - a.count || String(a.reason).localeCompare(String(b.reason)));
}

export async function countItems(db: RunsDatabase, bulkRunId: string): Promise<BulkCounts> {
  const rows = await db
    .selectFrom("bulk_items")
    .select(["status", "outcome", (eb) => eb.fn.countAll<string | number>().as("n")])
    .where("bulk_run_id", "=", bulkRunId)
    .groupBy(["status", "outcome"])
    .execute();
  const counts = emptyBulkCounts();

  for (const row of rows) {
    const n = Number(row.n);
    if (row.status === "done") {
      const outcome = (OUTCOMES as readonly string[]).includes(row.outcome ?? "") ? row.outcome : "Unknown";
      counts[outcome as (typeof OUTCOMES)[number]] += n;
    } else if (row.status in counts) {
      counts[row.status as keyof BulkCounts] += n;
    }
  }
  return counts;
}

/** When the latest items were sent, newest first (the measured pace). */
export async function recentSendTimes(db: RunsDatabase, bulkRunId: string, count: number): Promise<number[]> {
  const rows = await db
    .selectFrom("bulk_items")
    .select("claimed_at")
    .where("bulk_run_id", "=", bulkRunId)
    .where("claimed_at", "is not", null)
    .orderBy("claimed_at", "desc")
    .limit(count)
    .execute();
  return rows.map((row) => Date.parse(row.claimed_at!));
}

export async function listBulkRunRows(
  db: RunsDatabase,
  options: {
    servicePrincipalId?: string;
    jobId?: string;
    before?: { createdAt: string; id: string };
    limit: number;
  },
): Promise<BulkRunRow[]> {
  let query = db.selectFrom("bulk_runs").selectAll();
  if (options.servicePrincipalId)
    query = query.where("service_principal_id", "=", options.servicePrincipalId);
  if (options.jobId) query = query.where("job_id", "=", options.jobId);
  if (options.before) {
    const { createdAt, id } = options.before;
    query = query.where((eb) => eb(eb.refTuple("created_at", "id"), "<", eb.tuple(createdAt, id)));
  }
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(options.limit).execute();
}

/** Items by position after `afterPosition`, optionally only one outcome or status. */
export async function listItemRows(
  db: RunsDatabase,
  bulkRunId: string,
  options: { filter?: BulkItemFilter; afterPosition?: number; limit: number },
): Promise<BulkItemRow[]> {
  let query = db.selectFrom("bulk_items").selectAll().where("bulk_run_id", "=", bulkRunId);
  const filter = options.filter;
  if (filter && (OUTCOMES as readonly string[]).includes(filter)) {
    query = query.where("status", "=", "done");
    query =
      filter === "Unknown"
        ? query.where((eb) =>
            eb.or([
              eb("outcome", "is", null),
              eb(
                "outcome",
                "not in",
                OUTCOMES.filter((o) => o !== "Unknown"),
              ),
            ]),
          )
        : query.where("outcome", "=", filter);
  } else if (filter) {
    query = query.where("status", "=", filter);
  }
  if (options.afterPosition !== undefined) query = query.where("position", ">", options.afterPosition);
  return query.orderBy("position").limit(options.limit).execute();
}
