import "server-only";
import { completeFinishedBulkRuns, interruptOrphanedItems } from "@/lib/bulk";
import { interruptUnfinishedJobActions, interruptUnfinishedRuns, type RunsDatabase } from "@/lib/runs";
import {
  forgetInstances,
  heartbeat,
  HEARTBEAT_MS,
  registerInstance,
  STALE_AFTER_MS,
} from "@/lib/runs/instances";

/**
 * This process among the instances sharing the database: it heartbeats, and it marks interrupted
 * the work of instances that stopped (runs and bulk items in flight there are never resent by
 * themselves). On SQLite (`exclusive`) there is only ever one instance, so at start every other one is dead.
 */
export async function startInstance(
  db: RunsDatabase,
  options: { exclusive: boolean },
): Promise<{ id: string; stop(): void }> {
  const id = crypto.randomUUID();
  const startedAt = new Date().toISOString();
  await registerInstance(db, id, startedAt);
  await recoverWorkOfStoppedInstances(db, options.exclusive ? startedAt : liveSince(), true);
  const beat = setInterval(() => {
    heartbeat(db, id, new Date().toISOString()).catch((error: unknown) =>
      console.error("[console] heartbeat failed", error),
    );
  }, HEARTBEAT_MS);
  const recover = setInterval(() => {
    recoverWorkOfStoppedInstances(db, liveSince(), false).catch((error: unknown) =>
      console.error("[console] recovering the work of stopped instances failed", error),
    );
  }, 2 * HEARTBEAT_MS);
  beat.unref();
  recover.unref();
  return {
    id,
    stop() {
      clearInterval(beat);
      clearInterval(recover);
    },
  };
}

const liveSince = () => new Date(Date.now() - STALE_AFTER_MS).toISOString();

async function recoverWorkOfStoppedInstances(db: RunsDatabase, since: string, atStart: boolean) {
  const at = new Date().toISOString();
  const runs = await interruptUnfinishedRuns(db, at, since);
  const items = await interruptOrphanedItems(db, at, since);
  const actions = await interruptUnfinishedJobActions(db, at, since);
  await completeFinishedBulkRuns(db, at);
  if (atStart) await forgetInstances(db, new Date(Date.now() - 86_400_000).toISOString());
  if (runs + items + actions > 0)
    console.warn(
      `[console] ${runs} run(s), ${items} bulk item(s) and ${actions} job action(s) were in flight on a console that stopped; marked interrupted.`,
    );
}
