import "server-only";
import {
  CONFIRMED_RESET_SCOPES,
  idempotencyKeyHeader,
  jobActionKind,
  jobIdField,
  restartRequest,
  secretTokenRequest,
  servicePrincipalIdField,
  type AuditAction,
  type JobAction,
  type JobActionAnswer,
  type JobActionCall,
  type JobActionError,
  type JobActionKind,
  type JobTimelineQuery,
  type Page,
  type ResetScope,
} from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import { readJson } from "@/lib/api/request";
import type { Caller } from "@/lib/auth";
import { isGraphError, pacingKey, type GraphClient, type JobActionAnswer as GraphAnswer } from "@/lib/graph";
import {
  appendAudit,
  findJobAction,
  findJobActionByIdempotencyKey,
  finishJobAction,
  insertJobAction,
  listJobActions,
  toJobAction,
  type JobActionRow,
} from "@/lib/runs";
import { describeJobActionError, type ErrorContext } from "./job-action-errors";
import type { ConsoleServices } from "./services";

// Acting on a synchronization job for an Administrator: Test connection, a new secret token (then
// Test connection), restart with a reset scope, pause and start. Each action takes a turn of the
// job's pace, is recorded on the job's timeline before Graph is called, is answered once per
// Idempotency-Key, and is audited with Graph's request id. The secret token goes to Graph and
// nowhere else: not the database, the audit log, a log line or an answer.

type Services = Pick<ConsoleServices, "graphFor" | "db" | "jobActionPacing" | "settings" | "instanceId">;

/** What the caller asked for; the token only for secret-token, the scope only for restart. */
export type JobActionRequest =
  | { action: "test-connection" | "pause" | "start" }
  | { action: "secret-token"; secretToken: string }
  | { action: "restart"; resetScope: ResetScope; confirmation?: string };

export interface JobActionInput {
  servicePrincipalId: string;
  jobId: string;
  request: JobActionRequest;
  idempotencyKey: string | null;
}

const AUDIT_ACTIONS: Record<JobActionKind, AuditAction> = {
  "test-connection": "job.connection-tested",
  "secret-token": "job.secret-token-updated",
  restart: "job.restarted",
  pause: "job.paused",
  start: "job.started",
};

/** How long a repeated request waits for the first one with its key to finish (two Graph calls and a read). */
const REPLAY_WAIT_MS = 150_000;
const REPLAY_POLL_MS = 200;

/** The action a POST asks for: its kind from the path, its body by its contract, the Idempotency-Key header. */
export async function readJobActionInput(
  request: Request,
  params: { spId: string; jobId: string; action: string },
): Promise<JobActionInput> {
  const kind = jobActionKind.safeParse(params.action);
  if (!kind.success)
    throw new ApiError(
      "not_found",
      `No job action "${params.action}"; use ${jobActionKind.options.join(", ")}.`,
    );
  const action = kind.data;
  const body: JobActionRequest =
    action === "secret-token"
      ? { action, ...(await readJson(request, secretTokenRequest)) }
      : action === "restart"
        ? { action, ...(await readJson(request, restartRequest)) }
        : { action };
  return {
    servicePrincipalId: servicePrincipalIdField.parse(params.spId),
    jobId: jobIdField.parse(params.jobId),
    request: body,
    idempotencyKey: idempotencyKeyHeader.parse(request.headers.get("idempotency-key")),
  };
}

export async function jobTimeline(
  services: Pick<Services, "db">,
  servicePrincipalId: string,
  jobId: string,
  query: JobTimelineQuery,
): Promise<Page<JobAction>> {
  return listJobActions(services.db, { servicePrincipalId, jobId }, query);
}

export async function actOnJob(
  services: Services,
  caller: Caller,
  input: JobActionInput,
): Promise<JobActionAnswer> {
  const { servicePrincipalId: spId, jobId, request, idempotencyKey } = input;
  if (idempotencyKey) {
    const earlier = await findJobActionByIdempotencyKey(services.db, idempotencyKey);
    if (earlier) return replay(services, earlier, input);
  }
  const graph = services.graphFor(caller);
  // Before anything is recorded: the job must exist, and a Full or ForceDeletes restart be confirmed.
  const before = await jobOrNotFound(graph, spId, jobId);
  if (request.action === "restart") await checkConfirmation(graph, spId, request);

  const row = newRow(services, caller, input, before.status?.code ?? null);
  try {
    await insertJobAction(services.db, row);
  } catch (error) {
    // Two requests with one key raced; the loser answers with the winner's action.
    const winner = idempotencyKey
      ? await findJobActionByIdempotencyKey(services.db, idempotencyKey)
      : undefined;
    if (winner) return replay(services, winner, input);
    throw error;
  }

  const context = errorContext(services, before.templateId ?? null, request);
  const ending = await perform(services, graph, row, request, context);
  await finishJobAction(services.db, row.id, ending);
  await appendAudit(services.db, {
    actor: caller.id,
    actorName: caller.displayName,
    action: AUDIT_ACTIONS[request.action],
    target: jobId,
    detail: auditDetail(row, request, ending),
    graphRequestId: ending.graphRequestId,
  });
  const stored = await findJobAction(services.db, row.id);
  return { ...toJobAction(stored ?? row), replayed: false };
}

type Ending = Parameters<typeof finishJobAction>[2];

/** Takes the job's turn, makes the action's Graph calls, then reads the job's status after. */
async function perform(
  services: Services,
  graph: GraphClient,
  row: JobActionRow,
  request: JobActionRequest,
  context: ErrorContext,
): Promise<Ending> {
  const { service_principal_id: spId, job_id: jobId } = row;
  const calls: JobActionCall[] = [];
  let error: JobActionError | null = null;
  const permit = await services.jobActionPacing.acquire(pacingKey(spId, jobId));
  try {
    for (const [call, send] of graphCalls(graph, spId, jobId, request)) {
      try {
        const answer: GraphAnswer = await send();
        calls.push({ call, ok: true, status: answer.status, graphRequestId: answer.requestId });
      } catch (thrown) {
        const graphError = isGraphError(thrown) ? thrown : null;
        calls.push({
          call,
          ok: false,
          status: graphError?.status ?? null,
          graphRequestId: graphError?.requestId ?? null,
        });
        error = describeJobActionError(thrown, context);
        break;
      }
    }
  } finally {
    permit.answered();
  }
  const after = await graph.getJob(spId, jobId).catch(() => null);
  return {
    finishedAt: new Date().toISOString(),
    outcome: error ? "failed" : "succeeded",
    error,
    statusAfter: after?.status?.code ?? null,
    calls,
    graphRequestId: mainRequestId(calls),
  };
}

/** The Graph calls of each action, in order; a failed call ends the action. */
function graphCalls(
  graph: GraphClient,
  spId: string,
  jobId: string,
  request: JobActionRequest,
): [string, () => Promise<GraphAnswer>][] {
  const test: [string, () => Promise<GraphAnswer>] = [
    "POST validateCredentials",
    () => graph.validateSavedCredentials(spId, jobId),
  ];
  switch (request.action) {
    case "test-connection":
      return [test];
    case "secret-token":
      return [["PUT synchronization/secrets", () => graph.saveSecretToken(spId, request.secretToken)], test];
    case "restart":
      return [["POST restart", () => graph.restartJob(spId, jobId, request.resetScope)]];
    case "pause":
      return [["POST pause", () => graph.pauseJob(spId, jobId)]];
    case "start":
      return [["POST start", () => graph.startJob(spId, jobId)]];
  }
}

/** The request id the audit entry carries: the failed call's, else the last call's. */
function mainRequestId(calls: JobActionCall[]): string | null {
  const failed = calls.find((call) => !call.ok);
  return (failed ?? calls.at(-1))?.graphRequestId ?? null;
}

async function jobOrNotFound(graph: GraphClient, spId: string, jobId: string) {
  try {
    return await graph.getJob(spId, jobId);
  } catch (error) {
    if (isGraphError(error) && error.status === 404)
      throw new ApiError(
        "not_found",
        `The application ${spId} has no synchronization job ${jobId}; go back to the application and pick one of its jobs.`,
      );
    throw error;
  }
}

/** Full and ForceDeletes can push changes and deletions to the app: the caller types the app's name. */
async function checkConfirmation(
  graph: GraphClient,
  spId: string,
  request: Extract<JobActionRequest, { action: "restart" }>,
): Promise<void> {
  if (!CONFIRMED_RESET_SCOPES.includes(request.resetScope)) return;
  const sp = await graph.getServicePrincipal(spId);
  const name = sp.displayName ?? sp.id;
  if ((request.confirmation ?? "").trim() !== name)
    throw new ApiError(
      "bad_request",
      `confirmation: a ${request.resetScope} restart needs the application's name typed exactly: ${name}`,
    );
}

function newRow(
  services: Services,
  caller: Caller,
  input: JobActionInput,
  statusBefore: string | null,
): JobActionRow {
  return {
    id: crypto.randomUUID(),
    requested_at: new Date().toISOString(),
    finished_at: null,
    actor: caller.id,
    actor_name: caller.displayName,
    service_principal_id: input.servicePrincipalId,
    job_id: input.jobId,
    action: input.request.action,
    reset_scope: input.request.action === "restart" ? input.request.resetScope : null,
    idempotency_key: input.idempotencyKey,
    outcome: "running",
    error_json: null,
    status_before: statusBefore,
    status_after: null,
    calls_json: "[]",
    graph_request_id: null,
    instance_id: services.instanceId,
  };
}

function errorContext(
  services: Services,
  templateId: string | null,
  request: JobActionRequest,
): ErrorContext {
  return {
    permissionMode: services.settings.GRAPH_PERMISSION_MODE,
    cloudSync: templateId === "AD2AADProvisioning",
    secret: request.action === "secret-token" ? request.secretToken : undefined,
  };
}

function auditDetail(row: JobActionRow, request: JobActionRequest, ending: Ending): Record<string, unknown> {
  return {
    actionId: row.id,
    servicePrincipalId: row.service_principal_id,
    jobId: row.job_id,
    outcome: ending.outcome,
    ...(request.action === "restart" ? { resetScope: request.resetScope } : {}),
    // The token was given and sent to Graph; its value is never kept.
    ...(request.action === "secret-token" ? { secretToken: "[redacted]" } : {}),
    errorCode: ending.error?.code ?? null,
    statusBefore: row.status_before,
    statusAfter: ending.statusAfter,
    graphRequestIds: ending.calls.map((call) => call.graphRequestId).filter(Boolean),
  };
}

/** The same key answers the same action (waiting for it while it runs); another action with it is a conflict. */
async function replay(
  services: Pick<Services, "db">,
  earlier: JobActionRow,
  input: JobActionInput,
): Promise<JobActionAnswer> {
  const same =
    earlier.action === input.request.action &&
    earlier.service_principal_id === input.servicePrincipalId &&
    earlier.job_id === input.jobId &&
    earlier.reset_scope === (input.request.action === "restart" ? input.request.resetScope : null);
  if (!same)
    throw new ApiError(
      "conflict",
      "This Idempotency-Key was already used for another action; send a new key.",
    );
  let row = earlier;
  const deadline = Date.now() + REPLAY_WAIT_MS;
  while (row.outcome === "running" && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, REPLAY_POLL_MS));
    row = (await findJobAction(services.db, row.id)) ?? row;
  }
  return { ...toJobAction(row), replayed: true };
}
