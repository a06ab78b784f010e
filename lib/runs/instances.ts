import "server-only";
import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { RunsDatabase } from "./database";

// Console instances that share one database say they are alive by a heartbeat. Work an instance
// took (a run it is sending, a bulk item it claimed) belongs to it while it heartbeats; once it
// stops, any instance may mark that work interrupted.

/** How often a live instance writes its heartbeat. */
export const HEARTBEAT_MS = 1_000;
/** An instance silent this long is taken for dead. */
export const STALE_AFTER_MS = 5_000;

export async function registerInstance(db: RunsDatabase, id: string, at: string): Promise<void> {
  await db.insertInto("console_instances").values({ id, started_at: at, heartbeat_at: at }).execute();
}

/** Records that the instance is alive; re-registers it if another instance took it for dead and forgot it. */
export async function heartbeat(db: RunsDatabase, id: string, at: string): Promise<void> {
  const result = await db
    .updateTable("console_instances")
    .set({ heartbeat_at: at })
    .where("id", "=", id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) await registerInstance(db, id, at);
}

/** Ids of the instances that heartbeat at `liveSince` or later (a subquery for `not in`). */
export function liveInstances(db: RunsDatabase, liveSince: string) {
  return db.selectFrom("console_instances").select("id").where("heartbeat_at", ">=", liveSince);
}

/** Forgets instances silent for more than a day (their work was recovered long before). */
export async function forgetInstances(db: RunsDatabase, before: string): Promise<void> {
  await db.deleteFrom("console_instances").where("heartbeat_at", "<", before).execute();
}

/**
 * Which other consoles are alive. On SQLite a lease lets one console use the database at a time,
 * so every other instance is gone; on PostgreSQL those that heartbeat at `liveSince` or later live.
 */
export type PeerLiveness = { exclusive: true } | { exclusive: false; liveSince: string };

/**
 * "This row's work belongs to no live console": it has no instance, or an instance other than
 * `me` that is not alive. (For tables with an `instance_id` column: runs, bulk_items.)
 */
export function orphanedWork(me: string | null, peers: PeerLiveness): RawBuilder<SqlBool> {
  const other = me === null ? sql`instance_id is not null` : sql`instance_id <> ${me}`;
  if (peers.exclusive) return sql<SqlBool>`(instance_id is null or ${other})`;
  return sql<SqlBool>`(instance_id is null or (${other} and instance_id not in
    (select id from console_instances where heartbeat_at >= ${peers.liveSince})))`;
}
