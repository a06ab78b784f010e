import "server-only";
import type {
  Page,
  PreviousRun,
  RunAccepted,
  RunComparison,
  RunHistoryFilters,
  RunHistoryQuery,
  RunListItem,
  RunRequest,
  RunView,
} from "@/lib/api/contracts";
import { downloadResponse } from "@/lib/api/download";
import { ApiError } from "@/lib/api/errors";
import type { Caller } from "@/lib/auth";
import type { GraphClient } from "@/lib/graph";
import { subjectLabelOf } from "@/lib/graph/presenters";
import { compareRuns, findPreviousRun, findRun, listRuns, runAsCsv, runAsJson, runsAsCsv } from "@/lib/runs";
import { jobLabelOf } from "./job-labels";
import type { ConsoleServices } from "./services";

// Provisioning one object, and the runs kept since: history, comparison, export.

type Services = Pick<ConsoleServices, "graphFor" | "runs" | "db">;

/** Provisions one object as this caller: stored first, sent through their Graph client. */
export async function requestRun(
  services: Pick<Services, "graphFor" | "runs">,
  caller: Caller,
  request: RunRequest,
  idempotencyKey: string | null,
): Promise<RunAccepted> {
  const graph = services.graphFor(caller);
  const { id, status } = await services.runs.request({
    request,
    actor: caller.id,
    actorName: caller.displayName,
    idempotencyKey,
    graph,
    labeler: () => runLabels(graph, request),
  });
  return { id, status };
}

/**
 * The names a run is listed by: the application's, the subject's, and the job's as told apart from
 * the application's other jobs (a failed look-up costs only its label).
 */
export async function runLabels(
  graph: Pick<GraphClient, "getServicePrincipal" | "getUser" | "getGroup" | "listJobs" | "listRules">,
  request: Pick<RunRequest, "servicePrincipalId" | "jobId" | "subject">,
): Promise<{
  application: string | null;
  subject: string | null;
  job: string | null;
  subjectName: { displayName: string | null; upn: string | null } | null;
}> {
  const { subject } = request;
  const [app, named, job] = await Promise.all([
    graph.getServicePrincipal(request.servicePrincipalId).then(
      (sp) => sp.displayName ?? null,
      () => null,
    ),
    (async () => {
      if (subject.kind === "onPremisesUser") return { label: subjectLabelOf(subject), name: null };
      if (subject.kind === "group") {
        const group = await graph.getGroup(subject.objectId);
        return {
          label: subjectLabelOf({ kind: "group", group, memberCount: subject.memberIds.length }),
          name: { displayName: group.displayName ?? null, upn: null },
        };
      }
      const user = await graph.getUser(subject.objectId);
      return {
        label: subjectLabelOf({ kind: "user", user }),
        name: { displayName: user.displayName ?? null, upn: user.userPrincipalName ?? null },
      };
    })().catch(() => null),
    jobLabelOf(graph, request.servicePrincipalId, request.jobId),
  ]);
  return { application: app, subject: named?.label ?? null, job, subjectName: named?.name ?? null };
}

export async function getRun(services: Pick<Services, "runs">, id: string): Promise<RunView> {
  const run = await services.runs.get(id);
  if (!run) throw new ApiError("not_found", `No run with id ${id}.`);
  return run;
}

export async function runHistory(
  services: Pick<Services, "db">,
  query: RunHistoryQuery,
): Promise<Page<RunListItem>> {
  const { cursor, limit, ...filters } = query;
  return listRuns(services.db, filters, { cursor, limit });
}

/** The runs the filters match (every run without filters) as a CSV download, streamed page by page. */
export function runHistoryCsv(services: Pick<Services, "db">, filters: RunHistoryFilters): Response {
  return downloadResponse(runsAsCsv(services.db, filters), { filename: "provisioning-history", type: "csv" });
}

export async function previousRunOf(services: Pick<Services, "db">, id: string): Promise<PreviousRun> {
  const row = await findRun(services.db, id);
  if (!row) throw new ApiError("not_found", `No run with id ${id}.`);
  return { previousRunId: await findPreviousRun(services.db, row) };
}

export async function compare(
  services: Pick<Services, "runs">,
  a: string,
  b: string,
): Promise<RunComparison> {
  const [left, right] = await Promise.all([getRun(services, a), getRun(services, b)]);
  return compareRuns(left, right);
}

export async function exportRun(
  services: Pick<Services, "runs">,
  id: string,
  format: "json" | "csv",
): Promise<Response> {
  const run = await getRun(services, id);
  return downloadResponse(format === "json" ? runAsJson(run) : runAsCsv(run), {
    filename: `provisioning-run-${id}`,
    type: format,
  });
}
