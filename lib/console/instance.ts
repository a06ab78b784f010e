import "server-only";
import { completeFinishedBulkRuns, recoverOrphanedItems } from "@/lib/bulk";
import { interruptUnfinishedJobActions, interruptUnfinishedRuns, type RunsDatabase } from "@/lib/runs";
import {
  forgetInstances,
  heartbeat,
  HEARTBEAT_MS,
  registerInstance,
  STALE_AFTER_MS,
  type PeerLiveness,
} from "@/lib/runs/instances";
import { acquireLease, releaseLease, renewLease } from "@/lib/runs/lease";

export interface InstanceOptions {
  /**
   * SQLite: this console must be the only one on the database. It takes the database's lease
   * (refused with DatabaseInUseError while another live console holds it), and every other
   * instance is then known to be gone. `where` names the database in the refusal.
   */
  exclusive: { where: string } | null;
  /** The lease went to another console while this one ran (it stalled past the lease): stop. */
  onLeaseLost?: () => void;
}

export interface ConsoleInstance {
  id: string;
  /** Which other consoles may still be sending work. */
  peers(): PeerLiveness;
  stop(): Promise<void>;
}

/**
 * This process among the instances sharing the database: it heartbeats, and it settles the work of
 * instances that stopped — calls that may have reached Graph are marked interrupted (never resent
 * by themselves), bulk items whose call never left go back to pending, and queued runs are left for
 * the run service to resume.
 */
export async function startInstance(db: RunsDatabase, options: InstanceOptions): Promise<ConsoleInstance> {
  const id = crypto.randomUUID();
  const startedAt = new Date().toISOString();
  if (options.exclusive) await acquireLease(db, { instanceId: id, where: options.exclusive.where });
  await registerInstance(db, id, startedAt);
  const peers = (): PeerLiveness =>
    options.exclusive
      ? { exclusive: true }
      : { exclusive: false, liveSince: new Date(Date.now() - STALE_AFTER_MS).toISOString() };
  await recoverWorkOfStoppedInstances(db, id, peers(), true);
  let lost = false;
  const beat = setInterval(() => {
    const at = new Date().toISOString();
    heartbeat(db, id, at)
      .then(async () => {
        if (!options.exclusive || lost || (await renewLease(db, id, at))) return;
        lost = true;
        console.error(
          `[console] another console took over the SQLite database ${options.exclusive.where}; this one stops.`,
        );
        options.onLeaseLost?.();
      })
      .catch((error: unknown) => console.error("[console] heartbeat failed", error));
  }, HEARTBEAT_MS);
  const recover = setInterval(() => {
    recoverWorkOfStoppedInstances(db, id, peers(), false).catch((error: unknown) =>
      console.error("[console] recovering the work of stopped instances failed", error),
    );
  }, 2 * HEARTBEAT_MS);
  beat.unref();
  recover.unref();
  return {
    id,
    peers,
    async stop() {
      clearInterval(beat);
      clearInterval(recover);
      if (options.exclusive && !lost) await releaseLease(db, id).catch(() => undefined);
    },
  };
}

async function recoverWorkOfStoppedInstances(
  db: RunsDatabase,
  me: string,
  peers: PeerLiveness,
  atStart: boolean,
) {
  const at = new Date().toISOString();
  const runs = await interruptUnfinishedRuns(db, at, peers, me);
  const items = await recoverOrphanedItems(db, at, me, peers);
  const actions = await interruptUnfinishedJobActions(db, at, peers, me);
  await completeFinishedBulkRuns(db, at);
  if (atStart) await forgetInstances(db, new Date(Date.now() - 86_400_000).toISOString());
  if (runs + items.interrupted + actions > 0)
    console.warn(
      `[console] ${runs} run(s), ${items.interrupted} bulk item(s) and ${actions} job action(s) were on their way to Graph on a console that stopped; marked interrupted, not sent again.`,
    );
  if (items.requeued + items.finished > 0)
    console.warn(
      `[console] of the bulk items a stopped console held, ${items.requeued} had not been sent (pending again) and ${items.finished} had been answered (result kept).`,
    );
}
