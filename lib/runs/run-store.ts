import "server-only";
import type { Selectable } from "kysely";
import type { RunsDatabase } from "./database";
import { liveInstances } from "./instances";
import type { RunsTable } from "./schema";

export type RunRow = Selectable<RunsTable>;

export async function insertRun(db: RunsDatabase, row: RunRow): Promise<void> {
  await db.insertInto("runs").values(row).execute();
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
 * Runs left queued or running by an instance that died (no heartbeat since `liveSince`): marked
 * interrupted so they are visible, and never sent again on their own (the operator decides).
 */
export async function interruptUnfinishedRuns(db: RunsDatabase, at: string, liveSince = at): Promise<number> {
  const result = await db
    .updateTable("runs")
    .set({
      status: "interrupted",
      finished_at: at,
      error_code: "Interrupted",
      error_message: "The console stopped before Graph answered; the call was not sent again.",
    })
    .where("status", "in", ["queued", "running"])
    .where((eb) =>
      eb.or([eb("instance_id", "is", null), eb("instance_id", "not in", liveInstances(db, liveSince))]),
    )
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
