import "server-only";
import type {
  BulkAction,
  BulkItemFilter,
  BulkItemView,
  BulkLimits,
  BulkRunRequest,
  BulkRunView,
  Page,
} from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import { subjectObjectKey, type ProvisionSubject } from "@/lib/provisioning";
import { provisionBodyOr400 } from "@/lib/runs/run-service";
import { appendAudit, type AuditAction } from "@/lib/runs/audit";
import { decodeCursor, encodeCursor } from "@/lib/runs/cursor";
import type { RunsDatabase } from "@/lib/runs/database";
import {
  ACTIVE_STATUSES,
  activeBulkRunOnJob,
  cancelPendingItems,
  changeBulkStatus,
  completeFinishedBulkRuns,
  countItems,
  findBulkRun,
  insertBulkRun,
  listBulkRunRows,
  listItemRows,
  recentSendTimes,
  requeueItems,
  skipReasons,
  type BulkItemRow,
  type RequeueChoice,
  type BulkRunRow,
} from "./bulk-store";
import { notSentOf, retryCount, sentOf } from "./counts";
import { subjectKey } from "./resolve";
import { ACTIVE_BULK_RUNS_PER_JOB, leastDurationMs, MAX_BULK_OBJECTS } from "./limits";

export interface BulkServiceDependencies {
  db: RunsDatabase;
  /** The provisionOnDemand pace the console keeps per job. */
  pace: { limit: number; windowMs: number };
  /** Tells this instance's worker there is work (other instances find it by polling). */
  onWork?(): void;
  now?: () => Date;
  newId?: () => string;
}

const AUDITED: Record<BulkAction, AuditAction> = {
  pause: "bulk.paused",
  resume: "bulk.resumed",
  cancel: "bulk.cancelled",
  "retry-calls": "bulk.retried",
  "retry-failures": "bulk.retried",
  "retry-interrupted": "bulk.retried",
  "retry-failed": "bulk.retried",
};

type RetryAction = Extract<BulkAction, `retry-${string}`>;

const REQUEUED: Record<RetryAction, { choices: RequeueChoice[]; none: string }> = {
  "retry-calls": { choices: ["calls"], none: "no item's call failed." },
  "retry-failures": { choices: ["failures"], none: "no item was answered with a provisioning Failure." },
  "retry-interrupted": { choices: ["interrupted"], none: "no item was interrupted." },
  "retry-failed": { choices: ["calls", "interrupted"], none: "no item failed or was interrupted." },
};

/** Sends the measured pace is averaged over. */
const PACE_SAMPLE = 20;

export function createBulkService(deps: BulkServiceDependencies) {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const limits: BulkLimits = {
    maxObjects: MAX_BULK_OBJECTS,
    activePerJob: ACTIVE_BULK_RUNS_PER_JOB,
    pace: { ...deps.pace },
  };

  async function view(row: BulkRunRow): Promise<BulkRunView> {
    const [counts, skippedBy] = await Promise.all([
      countItems(deps.db, row.id),
      skipReasons(deps.db, row.id),
    ]);
    const remaining = counts.pending + counts.sending;
    return {
      id: row.id,
      status: row.status as BulkRunView["status"],
      createdAt: row.created_at,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      actor: row.actor,
      servicePrincipalId: row.service_principal_id,
      jobId: row.job_id,
      ruleId: row.rule_id,
      labels: { application: row.application_label, job: row.job_label },
      total: row.total,
      done: row.total - remaining,
      sent: sentOf(counts),
      notSent: notSentOf(counts),
      counts,
      skippedBy,
      etaMs:
        remaining === 0 || (row.status !== "running" && row.status !== "queued")
          ? null
          : await etaMs(row.id, counts.pending, remaining),
      limits,
    };
  }

  /**
   * Time left, the longer of two readings: the pace (the next turn frees a window after the
   * limit-th latest send, then a window per further `limit` items) and the measured gap between
   * recent sends (slower than the pace when Graph takes long to answer).
   */
  async function etaMs(id: string, pending: number, remaining: number): Promise<number> {
    const { limit, windowMs } = deps.pace;
    const sent = await recentSendTimes(deps.db, id, PACE_SAMPLE);
    const nextTurnMs = sent.length >= limit ? Math.max(0, sent[limit - 1]! + windowMs - now().getTime()) : 0;
    const paced = pending > 0 ? nextTurnMs + leastDurationMs(pending, deps.pace) : 0;
    if (sent.length < limit + 1) return paced;
    const gap = (sent[0]! - sent[sent.length - 1]!) / (sent.length - 1);
    // Calls in flight count as half a gap: they were sent and answer soon.
    return Math.max(paced, Math.round(gap * pending + (remaining > pending ? gap / 2 : 0)));
  }

  async function mustFind(id: string): Promise<BulkRunRow> {
    const row = await findBulkRun(deps.db, id);
    if (!row) throw new ApiError("not_found", `No bulk run has the id ${id}.`);
    return row;
  }

  function activeConflict(active: BulkRunRow): ApiError {
    return new ApiError(
      "conflict",
      `Bulk run ${active.id} is ${active.status} on this job; a job takes ${ACTIVE_BULK_RUNS_PER_JOB} active bulk run at a time. Let it finish, or cancel it, first.`,
    );
  }

  return {
    limits,

    async create(input: {
      request: BulkRunRequest;
      actor: string;
      applicationLabel: string | null;
      /** The job as told apart from the application's others; its items' runs carry it too. */
      jobLabel?: string | null;
    }) {
      const { request, actor } = input;
      if (request.subjects.length === 0)
        throw new ApiError("bad_request", "subjects: give at least one object.");
      if (request.subjects.length > MAX_BULK_OBJECTS)
        throw new ApiError(
          "bad_request",
          `subjects: ${request.subjects.length} objects; a bulk run takes at most ${MAX_BULK_OBJECTS.toLocaleString("en-US")}.`,
        );
      const id = newId();
      const at = now().toISOString();
      const seen = new Set<string>();
      const items: BulkItemRow[] = request.subjects.map((entry, index) => {
        const { label, ...subject } = entry;
        provisionBodyOr400({ ruleId: request.ruleId, subject }, `subjects[${index}]`);
        const key = subjectKey(subject);
        if (seen.has(key))
          throw new ApiError(
            "bad_request",
            `subjects[${index}]: the same object is listed twice; list it once.`,
          );
        seen.add(key);
        return {
          id: newId(),
          bulk_run_id: id,
          position: index + 1,
          status: "pending",
          subject_kind: subject.kind,
          subject_key: subjectObjectKey(subject),
          subject_json: JSON.stringify(subject),
          label: label?.trim() || null,
          run_id: null,
          outcome: null,
          action: null,
          error_code: null,
          attempts: 0,
          instance_id: null,
          claimed_at: null,
          finished_at: null,
        };
      });
      const active = await activeBulkRunOnJob(deps.db, request.servicePrincipalId, request.jobId);
      if (active) throw activeConflict(active);
      try {
        await insertBulkRun(
          deps.db,
          {
            id,
            status: "queued",
            created_at: at,
            started_at: null,
            finished_at: null,
            actor,
            service_principal_id: request.servicePrincipalId,
            job_id: request.jobId,
            rule_id: request.ruleId,
            application_label: input.applicationLabel,
            job_label: input.jobLabel ?? null,
            total: items.length,
          },
          items,
        );
      } catch (error) {
        // Another request won the race for the job (the unique index on active bulk runs said no).
        const winner = await activeBulkRunOnJob(deps.db, request.servicePrincipalId, request.jobId);
        if (winner) throw activeConflict(winner);
        throw error;
      }
      await appendAudit(deps.db, {
        actor,
        action: "bulk.created",
        target: id,
        detail: {
          servicePrincipalId: request.servicePrincipalId,
          jobId: request.jobId,
          ruleId: request.ruleId,
          objects: items.length,
        },
      });
      deps.onWork?.();
      return { id };
    },

    async get(id: string): Promise<BulkRunView | null> {
      const row = await findBulkRun(deps.db, id);
      return row ? view(row) : null;
    },

    async list(options: {
      servicePrincipalId?: string;
      jobId?: string;
      cursor?: string;
      limit: number;
    }): Promise<Page<BulkRunView>> {
      const after = decodeCursor(options.cursor);
      const rows = await listBulkRunRows(deps.db, {
        servicePrincipalId: options.servicePrincipalId,
        jobId: options.jobId,
        before: after ? { createdAt: after.at, id: after.id } : undefined,
        limit: options.limit + 1,
      });
      const page = rows.slice(0, options.limit);
      const last = page[page.length - 1];
      return {
        items: await Promise.all(page.map(view)),
        nextCursor:
          rows.length > options.limit && last ? encodeCursor({ at: last.created_at, id: last.id }) : null,
      };
    },

    async items(
      id: string,
      options: { filter?: BulkItemFilter; cursor?: string; limit: number },
    ): Promise<Page<BulkItemView>> {
      await mustFind(id);
      const after = decodeCursor(options.cursor);
      const afterPosition = after ? Number(after.at) : undefined;
      if (afterPosition !== undefined && !Number.isInteger(afterPosition))
        throw new ApiError(
          "bad_request",
          "cursor: not a cursor this console issued; start again without it.",
        );
      const rows = await listItemRows(deps.db, id, {
        filter: options.filter,
        afterPosition,
        limit: options.limit + 1,
      });
      const page = rows.slice(0, options.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(itemView),
        nextCursor:
          rows.length > options.limit && last
            ? encodeCursor({ at: String(last.position), id: last.id })
            : null,
      };
    },

    /** Every item, by position, for export. */
    async *allItems(id: string): AsyncGenerator<BulkItemView> {
      let afterPosition = 0;
      for (;;) {
        const rows = await listItemRows(deps.db, id, { afterPosition, limit: 1000 });
        for (const row of rows) yield itemView(row);
        if (rows.length < 1000) return;
        afterPosition = rows[rows.length - 1]!.position;
      }
    },

    async act(id: string, action: BulkAction, actor: string): Promise<BulkRunView> {
      const row = await mustFind(id);
      const at = now().toISOString();
      const refuse = (why: string) => new ApiError("conflict", `Cannot ${action.replace("-", " ")}: ${why}`);
      let retried: number | null = null;
      switch (action) {
        case "pause":
          if (!(await changeBulkStatus(deps.db, id, ["queued", "running"], "paused", at)))
            throw refuse(`the bulk run is ${row.status}; only a queued or running one can be paused.`);
          break;
        case "resume":
          if (!(await changeBulkStatus(deps.db, id, ["paused"], row.started_at ? "running" : "queued", at)))
            throw refuse(`the bulk run is ${row.status}; only a paused one can be resumed.`);
          break;
        case "cancel":
          if (!(await changeBulkStatus(deps.db, id, ACTIVE_STATUSES, "cancelled", at)))
            throw refuse(`the bulk run is already ${row.status}.`);
          await cancelPendingItems(deps.db, id, at);
          break;
        default: {
          const retry = REQUEUED[action];
          const counts = await countItems(deps.db, id);
          if (retryCount(counts, action) === 0) throw refuse(retry.none);
          // A finished run (completed, or cancelled with the rest not sent) runs again for just these items.
          if (row.status === "completed" || row.status === "cancelled") {
            const active = await activeBulkRunOnJob(deps.db, row.service_principal_id, row.job_id);
            if (active) throw activeConflict(active);
            try {
              if (!(await changeBulkStatus(deps.db, id, [row.status], "running", at)))
                throw refuse("the bulk run changed meanwhile; try again.");
            } catch (error) {
              const winner = await activeBulkRunOnJob(deps.db, row.service_principal_id, row.job_id);
              if (winner && winner.id !== id) throw activeConflict(winner);
              throw error instanceof ApiError ? error : refuse("the bulk run changed meanwhile; try again.");
            }
          }
          retried = await requeueItems(deps.db, id, retry.choices);
          break;
        }
      }
      await appendAudit(deps.db, {
        actor,
        action: AUDITED[action],
        target: id,
        detail: retried === null ? null : { items: action, count: retried },
      });
      await completeFinishedBulkRuns(deps.db, at, id);
      deps.onWork?.();
      return view(await mustFind(id));
    },
  };
}

export type BulkService = ReturnType<typeof createBulkService>;

function itemView(row: BulkItemRow): BulkItemView {
  return {
    id: row.id,
    position: row.position,
    status: row.status as BulkItemView["status"],
    subject: JSON.parse(row.subject_json) as ProvisionSubject,
    label: row.label,
    runId: row.run_id,
    outcome: row.outcome,
    action: row.action,
    errorCode: row.error_code,
    attempts: row.attempts,
    finishedAt: row.finished_at,
  };
}
