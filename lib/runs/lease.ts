import "server-only";
import { hostname } from "node:os";
import type { RunsDatabase } from "./database";

// A SQLite database serves one live console at a time: two would each pace Graph on their own and
// take the other's work for a dead console's. The console that holds the lease renews it with every
// heartbeat; a new one takes it only from a console that is gone.

const LEASE = "sqlite";

/** A lease not renewed for this long belongs to a console that is gone, wherever it ran. */
export const LEASE_LAPSES_AFTER_MS = 30_000;

export interface LeaseHolder {
  instanceId: string;
  pid: number;
  host: string;
  renewedAt: string;
}

/** Another console holds the database; the message says who, and what to do instead. */
export class DatabaseInUseError extends Error {
  override name = "DatabaseInUseError";
  constructor(
    readonly holder: LeaseHolder,
    where: string,
    now: number,
  ) {
    const seconds = Math.max(0, (now - Date.parse(holder.renewedAt)) / 1000).toFixed(1);
    super(
      `Another console is using the SQLite database ${where}: process ${holder.pid} on ${holder.host}, last seen ${seconds} s ago. ` +
        "A SQLite database serves one console at a time. Stop the other console, give this one a DATA_DIR of its own, " +
        "or run several consoles on PostgreSQL (DATABASE_URL) with Redis (REDIS_URL), which they share safely.",
    );
  }
}

export function isDatabaseInUse(error: unknown): error is DatabaseInUseError {
  return error instanceof Error && error.name === "DatabaseInUseError";
}

/** Whether a process of this machine is running (a signal 0 reaches it). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface LeaseOptions {
  instanceId: string;
  /** Named in the refusal: DATA_DIR and the file. */
  where: string;
  now?: () => number;
  pid?: number;
  host?: string;
  /** Whether a process of this machine still runs; a killed console's lease is free at once. */
  isAlive?: (pid: number) => boolean;
}

/**
 * Takes the database's lease for this console, or throws DatabaseInUseError. The lease is free when
 * nobody holds it, its holder's process is gone from this machine, or it lapsed (30 s unrenewed).
 */
export async function acquireLease(db: RunsDatabase, options: LeaseOptions): Promise<void> {
  const now = options.now ?? Date.now;
  const me = {
    instance_id: options.instanceId,
    pid: options.pid ?? process.pid,
    host: options.host ?? hostname(),
  };
  const isAlive = options.isAlive ?? processAlive;
  const at = new Date(now()).toISOString();
  const held = await db.selectFrom("console_lease").selectAll().where("name", "=", LEASE).executeTakeFirst();
  if (held && held.instance_id !== me.instance_id) {
    const gone =
      (held.host === me.host && (held.pid === me.pid || !isAlive(held.pid))) ||
      now() - Date.parse(held.renewed_at) > LEASE_LAPSES_AFTER_MS;
    if (!gone) throw new DatabaseInUseError(holderOf(held), options.where, now());
  }
  const row = { name: LEASE, ...me, acquired_at: at, renewed_at: at };
  // Compare and swap: of two consoles starting at once, one replaces the lease it read; the other finds it changed.
  const written = held
    ? await db
        .updateTable("console_lease")
        .set(row)
        .where("name", "=", LEASE)
        .where("instance_id", "=", held.instance_id)
        .where("renewed_at", "=", held.renewed_at)
        .executeTakeFirst()
        .then((result) => Number(result.numUpdatedRows))
    : await db
        .insertInto("console_lease")
        .values(row)
        .onConflict((conflict) => conflict.column("name").doNothing())
        .executeTakeFirst()
        .then((result) => Number(result.numInsertedOrUpdatedRows ?? 0));
  if (written === 1) return;
  const winner = await db
    .selectFrom("console_lease")
    .selectAll()
    .where("name", "=", LEASE)
    .executeTakeFirst();
  throw new DatabaseInUseError(
    winner ? holderOf(winner) : { ...holderOf(row), pid: 0 },
    options.where,
    now(),
  );
}

/** Renews this console's lease; false when it is no longer this console's (another took it over). */
export async function renewLease(db: RunsDatabase, instanceId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("console_lease")
    .set({ renewed_at: at })
    .where("name", "=", LEASE)
    .where("instance_id", "=", instanceId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives the lease up on a clean stop, so the next console need not wait. */
export async function releaseLease(db: RunsDatabase, instanceId: string): Promise<void> {
  await db
    .deleteFrom("console_lease")
    .where("name", "=", LEASE)
    .where("instance_id", "=", instanceId)
    .execute();
}

function holderOf(row: { instance_id: string; pid: number; host: string; renewed_at: string }): LeaseHolder {
  return { instanceId: row.instance_id, pid: Number(row.pid), host: row.host, renewedAt: row.renewed_at };
}
