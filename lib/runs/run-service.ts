import "server-only";
import type { RunAccepted, RunRequest, RunView } from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import {
  buildProvisionOnDemandRequest,
  parseProvisionOnDemandResponse,
  subjectObjectKey,
  type ProvisionOnDemandRequestBody,
  type ProvisionSubject,
} from "@/lib/provisioning";
import type { PacingPermit } from "@/lib/graph/pacing";
import { appendAudit } from "./audit";
import type { RunsDatabase } from "./database";
import { rememberNames } from "./directory-names";
import {
  findRun,
  findRunByIdempotencyKey,
  insertRun,
  markSending,
  orphanedQueuedRuns,
  takeOverRun,
  updateRun,
  type RunRow,
} from "./run-store";
import { toRunView, type QueueInfo } from "./run-view";
import type { PeerLiveness } from "./instances";

/** The one Graph call a run makes (lib/graph's client satisfies it). */
export interface ProvisionCaller {
  provisionOnDemand(
    servicePrincipalId: string,
    jobId: string,
    body: ProvisionOnDemandRequestBody,
    options: {
      onQueued?(info: { position: number; startsInMs: number }): void;
      /** Awaited when the call has its turn, before it is sent; a throw sends nothing. */
      beforeSend?(): Promise<void>;
      /** Called when the request leaves the pacing queue and is sent. */
      onSent?(): void;
      /** A turn already taken from the pacing limiter, for the first attempt. */
      permit?: PacingPermit;
    },
  ): Promise<{ body: unknown; requestId: string | null }>;
}

/** Display names for a run, looked up while it waits; failures only cost the label. */
export type RunLabeler = () => Promise<{
  application: string | null;
  subject: string | null;
  /** The job as told apart from the application's other jobs. */
  job?: string | null;
  /** The subject's own names (the label above is a UPN, or a group's name with its member count). */
  subjectName?: { displayName: string | null; upn: string | null } | null;
}>;

export interface RunServiceDependencies {
  db: RunsDatabase;
  /** This console instance: runs it sends are interrupted by others only when it stops heartbeating. */
  instanceId?: string;
  now?: () => Date;
  newId?: () => string;
}

export interface RunInput {
  request: RunRequest;
  actor: string;
  /** The actor's name, remembered so history finds runs by part of it. */
  actorName?: string | null;
  idempotencyKey?: string | null;
  /** Graph as the caller may use it (their own token in delegated mode). */
  graph: ProvisionCaller;
  labeler?: RunLabeler;
  /**
   * The run is this item of a bulk run, sent on a turn the bulk worker already took; the item
   * names the run in the same transaction that stores it, so a crash never leaves them apart.
   */
  bulk?: { bulkRunId: string; itemId?: string; permit: PacingPermit };
}

export interface RunService {
  /** Stores the run, then calls Graph in the background. The same idempotency key returns the same run. */
  request(input: RunInput): Promise<RunAccepted & { created: boolean }>;
  get(id: string): Promise<RunView | null>;
  /** How the run's background call ended, once it has (undefined when it is not in flight here). */
  settled(id: string): Promise<RunEnding | undefined>;
  /**
   * Sends the queued runs that no live console is sending (a console stopped before their turn
   * came): each is taken over by one conditional update, so only one console sends it. Runs
   * whose operator cannot be called as yet (`graphFor` answers null) wait for a later call.
   * Returns how many were resumed.
   */
  resumeQueued(graphFor: (actor: string) => ProvisionCaller | null, peers: PeerLiveness): Promise<number>;
}

/** What a finished run recorded, for callers that wait on it (bulk items keep the same facts). */
export type RunEnding =
  | { status: "completed"; outcome: string; action: string | null; errorCode: string | null }
  | { status: "failed"; errorCode: string };

export function createRunService(deps: RunServiceDependencies): RunService {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const queues = new Map<string, QueueInfo>();
  const inFlight = new Map<string, Promise<RunEnding>>();

  async function execute(
    row: RunRow,
    body: ProvisionOnDemandRequestBody,
    { request, graph, labeler, bulk }: Pick<RunInput, "request" | "graph" | "labeler" | "bulk">,
  ): Promise<RunEnding> {
    const labels = labeler?.().catch(() => null);
    // The names show in lists while the run waits its turn; the final write below keeps them.
    const labelled = labels?.then((found) =>
      found
        ? updateRun(deps.db, row.id, {
            application_label: found.application,
            subject_label: found.subject,
            job_label: found.job ?? null,
          }).catch(() => undefined)
        : undefined,
    );
    let started: string | undefined;
    try {
      const answer = await graph.provisionOnDemand(request.servicePrincipalId, request.jobId, body, {
        permit: bulk?.permit,
        onQueued: (info) =>
          queues.set(row.id, { position: info.position, startsAt: now().getTime() + info.startsInMs }),
        // Written before the call leaves: after a crash, "running" is a call that may have reached
        // Graph (interrupted, never resent), "queued" one that cannot have (sent on restart).
        beforeSend: async () => {
          if (started) return;
          const at = now().toISOString();
          if (!(await markSending(deps.db, row.id, deps.instanceId ?? null, at)))
            throw new RunTakenOver(row.id);
          started = at;
        },
        onSent: () => queues.delete(row.id),
      });
      const result = parseProvisionOnDemandResponse(answer.body);
      const action = result.reports[0]?.action ?? null;
      const resolved = await labels;
      await labelled; // an earlier write must not land after the result
      await rememberRunNames(row, resolved);
      await updateRun(deps.db, row.id, {
        status: "completed",
        started_at: started ?? now().toISOString(),
        finished_at: now().toISOString(),
        response_body: JSON.stringify(answer.body),
        graph_request_id: answer.requestId,
        outcome: result.outcome,
        action,
        reason_code: result.outcome === "Success" ? null : result.errorCode,
        change_id: result.reports[0]?.changeId ?? null,
        application_label: resolved?.application ?? null,
        subject_label: result.reports[0]?.reportableIdentifier ?? resolved?.subject ?? null,
        job_label: resolved?.job ?? null,
      });
      await appendAudit(deps.db, {
        actor: row.actor,
        action: "run.completed",
        target: row.id,
        detail: { ...jobOf(row, resolved), outcome: result.outcome, errorCode: result.errorCode },
        graphRequestId: answer.requestId,
      });
      return { status: "completed", outcome: result.outcome, action, errorCode: result.errorCode };
    } catch (error) {
      // Another console took the run over while this one stalled: it is that console's to send and record.
      if (error instanceof RunTakenOver) return { status: "failed", errorCode: "TakenOver" };
      const failure = describeFailure(error);
      const resolved = await labels;
      await labelled;
      await rememberRunNames(row, resolved);
      await updateRun(deps.db, row.id, {
        status: "failed",
        finished_at: now().toISOString(),
        error_code: failure.code,
        reason_code: failure.code,
        error_message: failure.message,
        graph_request_id: failure.requestId,
        application_label: resolved?.application ?? null,
        subject_label: resolved?.subject ?? null,
        job_label: resolved?.job ?? null,
      });
      await appendAudit(deps.db, {
        actor: row.actor,
        action: "run.failed",
        target: row.id,
        detail: { ...jobOf(row, resolved), errorCode: failure.code },
        graphRequestId: failure.requestId,
      });
      return { status: "failed", errorCode: failure.code };
    } finally {
      queues.delete(row.id);
    }
  }

  /** The subject's and the application's names, for history and the audit log; a failure costs only the names. */
  async function rememberRunNames(row: RunRow, found: Awaited<ReturnType<RunLabeler>> | null | undefined) {
    if (!found) return;
    const subject = found.subjectName;
    await rememberNames(
      deps.db,
      [
        { id: row.service_principal_id, displayName: found.application, kind: "application" },
        ...(subject && row.subject_kind !== "onPremisesUser"
          ? [
              {
                id: row.subject_key,
                displayName: subject.displayName,
                upn: subject.upn,
                kind: row.subject_kind as "user" | "group",
              },
            ]
          : []),
      ],
      now(),
    ).catch(() => undefined);
  }

  /** Runs `execute` in the background, known to `settled` until it ends. */
  function start(row: RunRow, body: ProvisionOnDemandRequestBody, input: Parameters<typeof execute>[2]) {
    const task = execute(row, body, input);
    inFlight.set(row.id, task);
    void task.finally(() => inFlight.delete(row.id));
  }

  return {
    async request(input) {
      const { request, actor, idempotencyKey } = input;
      // Validates the request exactly as it will be sent; a mistake is a 400 naming the field.
      const body = provisionBodyOr400(request);
      if (idempotencyKey) {
        const existing = await findRunByIdempotencyKey(deps.db, idempotencyKey);
        if (existing) return sameRunOrConflict(existing, request);
      }
      const row: RunRow = {
        id: newId(),
        status: "queued",
        created_at: now().toISOString(),
        started_at: null,
        finished_at: null,
        actor,
        service_principal_id: request.servicePrincipalId,
        job_id: request.jobId,
        rule_id: request.ruleId,
        subject_kind: request.subject.kind,
        subject_key: subjectObjectKey(request.subject),
        subject_json: JSON.stringify(request.subject),
        application_label: null,
        subject_label: null,
        job_label: null,
        idempotency_key: idempotencyKey ?? null,
        graph_request_id: null,
        response_body: null,
        outcome: null,
        action: null,
        error_code: null,
        error_message: null,
        bulk_run_id: input.bulk?.bulkRunId ?? null,
        instance_id: deps.instanceId ?? null,
        change_id: null,
        reason_code: null,
      };
      try {
        // Before Graph is called: a crash leaves a visible trace (and a bulk item its run).
        await insertRun(deps.db, row, input.bulk?.itemId);
      } catch (error) {
        // Two requests with one key raced; the loser answers with the winner's run.
        const winner = idempotencyKey ? await findRunByIdempotencyKey(deps.db, idempotencyKey) : undefined;
        if (winner) return sameRunOrConflict(winner, request);
        throw error;
      }
      await appendAudit(deps.db, {
        actor,
        actorName: input.actorName,
        action: "run.requested",
        target: row.id,
        detail: {
          servicePrincipalId: request.servicePrincipalId,
          jobId: request.jobId,
          ruleId: request.ruleId,
          subject: request.subject,
        },
      });
      start(row, body, input);
      return { id: row.id, status: "queued", created: true };
    },

    async get(id) {
      const row = await findRun(deps.db, id);
      return row ? toRunView(row, queues.get(id), now().getTime()) : null;
    },

    async settled(id) {
      return inFlight.get(id);
    },

    async resumeQueued(graphFor, peers) {
      let resumed = 0;
      for (const row of await orphanedQueuedRuns(deps.db, deps.instanceId ?? null, peers)) {
        if (inFlight.has(row.id)) continue;
        const graph = graphFor(row.actor);
        if (!graph) continue;
        if (!(await takeOverRun(deps.db, row, deps.instanceId ?? null))) continue;
        const request = requestOf(row);
        let body: ProvisionOnDemandRequestBody;
        try {
          body = provisionBodyOr400(request);
        } catch (error) {
          await updateRun(deps.db, row.id, {
            status: "failed",
            finished_at: now().toISOString(),
            error_code: "NotSent",
            reason_code: "NotSent",
            error_message: `The console stopped before this run was sent, and it can no longer be sent as stored: ${(error as Error).message}`,
          });
          continue;
        }
        start({ ...row, instance_id: deps.instanceId ?? null }, body, { request, graph });
        resumed++;
      }
      return resumed;
    },
  };
}

/** Thrown before sending when another console took the run over (this one was taken for dead). */
class RunTakenOver extends Error {
  override name = "RunTakenOver";
  constructor(runId: string) {
    super(`Run ${runId} is being sent by another console.`);
  }
}

/** The request a stored run was made for. */
function requestOf(row: RunRow): RunRequest {
  return {
    servicePrincipalId: row.service_principal_id,
    jobId: row.job_id,
    ruleId: row.rule_id,
    subject: JSON.parse(row.subject_json) as ProvisionSubject,
  };
}

/** Which application and job a run used, for its audit entries: ids, and the names when they were found. */
function jobOf(
  row: RunRow,
  labels: { application: string | null; job?: string | null } | null | undefined,
): Record<string, string> {
  const ids = { servicePrincipalId: row.service_principal_id, jobId: row.job_id };
  return {
    ...ids,
    ...(labels?.application ? { application: labels.application } : {}),
    ...(labels?.job ? { job: labels.job } : {}),
  };
}

/**
 * The Graph body for one subject, exactly as it will be sent; a mistake is a 400 naming the field
 * (under `where`, e.g. "subjects[3]", when the subject is one of a list).
 */
export function provisionBodyOr400(
  input: { ruleId: string; subject: ProvisionSubject },
  where?: string,
): ProvisionOnDemandRequestBody {
  try {
    return buildProvisionOnDemandRequest({ ruleId: input.ruleId, subject: input.subject });
  } catch (error) {
    const field = (error as { field?: string }).field;
    const path = where ? [where, field?.replace(/^subject\.?/, "")].filter(Boolean).join(".") : field;
    throw new ApiError("bad_request", `${path ? `${path}: ` : ""}${(error as Error).message}`);
  }
}

function sameRunOrConflict(existing: RunRow, request: RunRequest): RunAccepted & { created: boolean } {
  const same =
    existing.service_principal_id === request.servicePrincipalId &&
    existing.job_id === request.jobId &&
    existing.rule_id === request.ruleId &&
    existing.subject_json === JSON.stringify(request.subject);
  if (!same) {
    throw new ApiError(
      "conflict",
      "This Idempotency-Key was already used for a different run; send a new key.",
    );
  }
  return { id: existing.id, status: existing.status as RunAccepted["status"], created: false };
}

/** Graph's error (code, message, request id) when there is one; otherwise a plain description. */
function describeFailure(error: unknown): { code: string; message: string; requestId: string | null } {
  const known = error as { code?: unknown; message?: unknown; requestId?: unknown };
  return {
    code: typeof known.code === "string" && known.code ? known.code : "CallFailed",
    message:
      typeof known.message === "string" && known.message
        ? known.message
        : "The call to Microsoft Graph failed.",
    requestId: typeof known.requestId === "string" ? known.requestId : null,
  };
}
