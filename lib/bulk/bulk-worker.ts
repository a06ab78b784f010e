import "server-only";
import { pacingKey, type PacingLimiter, type PacingPermit } from "@/lib/graph";
import type { ProvisionCaller, RunService } from "@/lib/runs";
import type { RunsDatabase } from "@/lib/runs/database";
import type { ProvisionSubject } from "@/lib/provisioning";
import {
  bulkRunsToWork,
  claimNextItem,
  completeFinishedBulkRuns,
  finishItem,
  markBulkRunStarted,
  type BulkItemRow,
  type BulkRunRow,
} from "./bulk-store";

/** Graph as a bulk run's operator may use it: the provisionOnDemand call and the limiter it is paced by. */
export type BulkGraph = ProvisionCaller & { pacing: PacingLimiter };

export interface BulkWorkerDependencies {
  db: RunsDatabase;
  runs: RunService;
  instanceId: string;
  /** How many calls of one bulk run this instance keeps going at once (the pace limit: no more can start together). */
  lanes: number;
  /** Graph for the operator who started the bulk run; null while this instance cannot call as them. */
  graphFor(actor: string): BulkGraph | null;
  /** How often other instances' bulk runs and resumed ones are looked for. */
  pollMs?: number;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Sends the items of queued and running bulk runs. Each lane takes a turn from the job's pacing
 * limiter first, then claims the next pending item (a turn that finds none is given back), so
 * items are claimed only when they can be sent at once — a claimed item is an item in flight.
 */
export type BulkWorker = ReturnType<typeof createBulkWorker>;

export function createBulkWorker(deps: BulkWorkerDependencies) {
  const now = deps.now ?? (() => new Date());
  const pollMs = deps.pollMs ?? 500;
  const log = deps.log ?? ((message, error) => console.error(`[bulk] ${message}`, error ?? ""));
  const working = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let scanning: Promise<void> | null = null;

  async function scan(): Promise<void> {
    const runs = await bulkRunsToWork(deps.db);
    for (const run of runs) {
      if (working.has(run.id) || stopping.signal.aborted) continue;
      const graph = deps.graphFor(run.actor);
      if (!graph) continue;
      const lanes = Array.from({ length: deps.lanes }, () => lane(run, graph));
      const all = Promise.all(lanes).then(
        () => completeFinishedBulkRuns(deps.db, now().toISOString(), run.id),
        (error: unknown) => log(`bulk run ${run.id} stopped on this instance`, error),
      );
      working.set(
        run.id,
        all.finally(() => working.delete(run.id)),
      );
    }
  }

  async function lane(run: BulkRunRow, graph: BulkGraph): Promise<void> {
    let started = false;
    while (!stopping.signal.aborted) {
      let permit;
      try {
        permit = await graph.pacing.acquire(pacingKey(run.service_principal_id, run.job_id), {
          signal: stopping.signal,
        });
      } catch (error) {
        if (stopping.signal.aborted) return;
        throw error;
      }
      const item = await claimNextItem(deps.db, run.id, deps.instanceId, now().toISOString()).catch(
        (error: unknown) => {
          permit.cancel?.();
          throw error;
        },
      );
      if (!item) {
        permit.cancel?.(); // nothing to send (done, paused or cancelled): the turn goes back
        return;
      }
      if (!started) {
        started = true;
        if (run.status === "queued")
          void markBulkRunStarted(deps.db, run.id, item.claimed_at!).catch((error: unknown) =>
            log(`marking bulk run ${run.id} started failed`, error),
          );
      }
      await send(run, item, graph, permit);
    }
  }

  async function send(
    run: BulkRunRow,
    item: BulkItemRow,
    graph: BulkGraph,
    permit: PacingPermit,
  ): Promise<void> {
    const finish = (result: {
      status: "done" | "failed";
      outcome: string | null;
      action: string | null;
      errorCode: string | null;
    }) => finishItem(deps.db, item.id, deps.instanceId, { ...result, at: now().toISOString() });
    let runId: string;
    try {
      const accepted = await deps.runs.request({
        request: {
          servicePrincipalId: run.service_principal_id,
          jobId: run.job_id,
          ruleId: run.rule_id,
          subject: JSON.parse(item.subject_json) as ProvisionSubject,
        },
        actor: run.actor,
        graph,
        bulk: { bulkRunId: run.id, itemId: item.id, permit },
        labeler: async () => ({
          application: run.application_label,
          subject: item.label,
          job: run.job_label,
        }),
      });
      runId = accepted.id;
    } catch (error) {
      permit.cancel?.(); // refused before any call was made
      await finish({ status: "failed", outcome: null, action: null, errorCode: errorCode(error) });
      return;
    }
    const ending = await deps.runs.settled(runId);
    await finish(
      ending?.status === "completed"
        ? { status: "done", outcome: ending.outcome, action: ending.action, errorCode: ending.errorCode }
        : { status: "failed", outcome: null, action: null, errorCode: ending?.errorCode ?? "CallFailed" },
    );
  }

  function schedule(delay: number) {
    if (stopping.signal.aborted) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delay);
    timer.unref?.();
  }

  function tick() {
    timer = null;
    scanning ??= scan()
      .catch((error: unknown) => log("looking for bulk work failed", error))
      .finally(() => {
        scanning = null;
        schedule(pollMs);
      });
  }

  return {
    start() {
      schedule(0);
    },
    /** There is new work (a bulk run created, resumed or retried here): look now rather than at the next poll. */
    poke() {
      if (!scanning) schedule(0);
    },
    /** Stops taking items; calls in flight finish. */
    async stop() {
      stopping.abort(new Error("The console is stopping."));
      if (timer) clearTimeout(timer);
      await scanning;
      await Promise.all(working.values());
    },
  };
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code ? code : "CallFailed";
}
