import "server-only";
import type {
  BulkAction,
  BulkItemFilter,
  BulkItemView,
  BulkPreview,
  BulkPreviewRequest,
  BulkRunRequest,
  BulkRunView,
  Page,
} from "@/lib/api/contracts";
import { downloadResponse } from "@/lib/api/download";
import { ApiError } from "@/lib/api/errors";
import type { Caller } from "@/lib/auth";
import { bulkItemsAsCsv, leastDurationMs, resolveBulkSource, type BulkDirectory } from "@/lib/bulk";
import { isGraphError } from "@/lib/graph";
import { jobLabelOf } from "./job-labels";
import type { ConsoleServices } from "./services";

// Bulk runs as this console serves them. Every request leaves the operator's sign-in for the
// worker, which (in delegated mode) calls Graph as them.

type Services = Pick<ConsoleServices, "graphFor" | "bulk" | "signIns"> &
  Partial<Pick<ConsoleServices, "demoTenant">>;

export async function previewBulkRun(
  services: Services,
  caller: Caller,
  request: BulkPreviewRequest,
): Promise<BulkPreview> {
  services.signIns.remember(caller);
  const graph = services.graphFor(caller);
  const notFoundAsNull = <T>(read: Promise<T>) =>
    read.catch((error: unknown) => {
      if (isGraphError(error) && error.status === 404) return null;
      throw error;
    });
  const directory: BulkDirectory = {
    findUser: (idOrUpn) => graph.findUserByPrincipalName(idOrUpn),
    findGroup: (id) => notFoundAsNull(graph.getGroup(id)),
    groupMembers: async (groupId, filter, max) =>
      (await graph.listGroupMembers(groupId, { search: filter, followPages: true, top: 999, maxItems: max }))
        .items,
    groupAssigned: async (groupId) => {
      if ((await graph.getSyncAllSetting(request.servicePrincipalId)) === true) return null;
      const assignments = await graph.listAppAssignments(request.servicePrincipalId);
      if (assignments.truncated) return null;
      return assignments.items.some((item) => item.principalId?.toLowerCase() === groupId.toLowerCase());
    },
  };
  const forest = services.demoTenant ? demoForest(services.demoTenant) : null;
  if (forest) directory.findOnPremisesUser = forest;
  const resolution = await resolveBulkSource(request.source, directory);
  const { limits } = services.bulk;
  return { ...resolution, estimatedMs: leastDurationMs(resolution.subjects.length, limits.pace), limits };
}

export async function createBulkRun(
  services: Services,
  caller: Caller,
  request: BulkRunRequest,
): Promise<{ id: string }> {
  services.signIns.remember(caller);
  const graph = services.graphFor(caller);
  const [app, jobLabel] = await Promise.all([
    graph.getServicePrincipal(request.servicePrincipalId).catch(() => null),
    jobLabelOf(graph, request.servicePrincipalId, request.jobId),
  ]);
  const { id } = await services.bulk.create({
    request,
    actor: caller.id,
    applicationLabel: app?.displayName ?? null,
    jobLabel,
  });
  return { id };
}

export async function getBulkRun(services: Services, caller: Caller, id: string): Promise<BulkRunView> {
  services.signIns.remember(caller);
  const run = await services.bulk.get(id);
  if (!run) throw noSuchBulkRun(id);
  return run;
}

export function listBulkRuns(
  services: Services,
  caller: Caller,
  options: { servicePrincipalId?: string; jobId?: string; cursor?: string; limit: number },
): Promise<Page<BulkRunView>> {
  services.signIns.remember(caller);
  return services.bulk.list(options);
}

export function listBulkItems(
  services: Services,
  caller: Caller,
  id: string,
  options: { outcome?: BulkItemFilter; cursor?: string; limit: number },
): Promise<Page<BulkItemView>> {
  services.signIns.remember(caller);
  return services.bulk.items(id, { filter: options.outcome, cursor: options.cursor, limit: options.limit });
}

/** Every item of the bulk run as a CSV download, streamed a line at a time. */
export async function exportBulkRun(services: Pick<Services, "bulk">, id: string): Promise<Response> {
  const run = await services.bulk.get(id);
  if (!run) throw noSuchBulkRun(id);
  return downloadResponse(bulkItemsAsCsv(services.bulk.allItems(id)), {
    filename: `bulk-run-${run.id}`,
    type: "csv",
  });
}

export function actOnBulkRun(
  services: Services,
  caller: Caller,
  id: string,
  action: BulkAction,
): Promise<BulkRunView> {
  services.signIns.remember(caller);
  return services.bulk.act(id, action, caller.id);
}

function noSuchBulkRun(id: string): ApiError {
  return new ApiError("not_found", `No bulk run has the id ${id}.`);
}

/** The demo tenant's Active Directory forest, where a DN can be checked (a real console cannot read AD). */
function demoForest(tenant: NonNullable<ConsoleServices["demoTenant"]>) {
  return async (distinguishedName: string): Promise<{ displayName: string } | null> => {
    const url = new URL("https://demo-tenant.invalid/demo/on-premises/users");
    url.searchParams.set("search", distinguishedName);
    const answer = await tenant.handle(new Request(url));
    if (!answer.ok) throw new Error(`the demo forest answered ${answer.status}`);
    const { value } = (await answer.json()) as {
      value: { distinguishedName: string; displayName: string }[];
    };
    const wanted = distinguishedName.toLowerCase();
    const found = value.find((user) => user.distinguishedName.toLowerCase() === wanted);
    return found ? { displayName: found.displayName } : null;
  };
}
