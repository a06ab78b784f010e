import "server-only";
import type { Selectable } from "kysely";
import type { RunsDatabase } from "./database";
import { orphanedWork, type PeerLiveness } from "./instances";
import type { RunsTable } from "./schema";

export type RunRow = Selectable<RunsTable>;

/** Stores a run; a bulk item's run is named on the item in the same transaction. */
export async function insertRun(db: RunsDatabase, row: RunRow, bulkItemId?: string): Promise<void> {
  if (!bulkItemId) {
    await db.insertInto("runs").values(row).execute();
    return;
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("runs").values(row).execute();
    await trx.updateTable("bulk_items").set({ run_id: row.id }).where("id", "=", bulkItemId).execute();
  });
}

/**
 * queued → running just before the call leaves, if this console still holds the run; false when
 * another console took it over meanwhile (then this one must not send it).
 */
export async function markSending(
  db: RunsDatabase,
  id: string,
  instanceId: string | null,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable("runs")
    .set({ status: "running", started_at: at })
    .where("id", "=", id)
    .where("status", "=", "queued")
    .where("instance_id", instanceId === null ? "is" : "=", instanceId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Queued single runs (not bulk items: those are resent by their bulk run) that no live console holds. */
export async function orphanedQueuedRuns(
  db: RunsDatabase,
  me: string | null,
  peers: PeerLiveness,
): Promise<RunRow[]> {
  return db
    .selectFrom("runs")
    .selectAll()
    .where("status", "=", "queued")
    .where("bulk_run_id", "is", null)
    .where(orphanedWork(me, peers))
    .orderBy("created_at")
    .limit(100)
    .execute();
}

/** Makes this console the run's sender, unless another console took it first. */
export async function takeOverRun(db: RunsDatabase, row: RunRow, me: string | null): Promise<boolean> {
  const result = await db
    .updateTable("runs")
    .set({ instance_id: me })
    .where("id", "=", row.id)
    .where("status", "=", "queued")
    .where("instance_id", row.instance_id === null ? "is" : "=", row.instance_id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findRun(db: RunsDatabase, id: string): Promise<RunRow | undefined> {
  return db.selectFrom("runs").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findRunByIdempotencyKey(db: RunsDatabase, key: string): Promise<RunRow | undefined> {
  return db.selectFrom("runs").selectAll().where("idempotency_key", "=", key).executeTakeFirst();
}

export async function updateRun(
  db: RunsDatabase,
  id: string,
  changes: Partial<Omit<RunRow, "id">>,
): Promise<void> {
  await db.updateTable("runs").set(changes).where("id", "=", id).execute();
}

/**
 * Runs a console that stopped was sending (running: the call may have reached Graph): marked
 * interrupted so they are visible, and never sent again on their own (the operator decides).
 * Queued runs never left: they are resumed (RunService.resumeQueued), not interrupted.
 */
export async function interruptUnfinishedRuns(
  db: RunsDatabase,
  at: string,
  peers: PeerLiveness,
  me: string | null = null,
): Promise<number> {
  const result = await db
    .updateTable("runs")
    .set({
      status: "interrupted",
      finished_at: at,
      error_code: "Interrupted",
      reason_code: "Interrupted",
      error_message:
        "The console stopped while this call was on its way to Graph, so Graph may or may not have received it. It was not sent again: check the target, then run it again if needed.",
    })
    .where("status", "=", "running")
    .where(orphanedWork(me, peers))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes runs (and their shares) older than the retention period. */
export async function purgeRuns(db: RunsDatabase, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  await db
    .deleteFrom("shares")
    .where("run_id", "in", (eb) => eb.selectFrom("runs").select("id").where("created_at", "<", cutoff))
    .execute();
  const result = await db.deleteFrom("runs").where("created_at", "<", cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
