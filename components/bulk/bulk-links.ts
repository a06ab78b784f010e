import { provisionHref } from "@/components/apps/app-links";
import type { BulkItemFilter } from "@/lib/api/contracts";
import { filterLabel, isItemFilter, ITEM_FILTERS } from "./bulk-outcomes";

export const BULK_RUNS_HREF = "/bulk";

/** The recent bulk runs, of one job when both ids are given. */
export function bulkRunsHref(job: { servicePrincipalId: string; jobId: string } | null = null): string {
  return job ? `${BULK_RUNS_HREF}?${new URLSearchParams(job)}` : BULK_RUNS_HREF;
}

/** A bulk run's page, with the item filter when one is chosen (`?outcome=failed`). */
export function bulkRunHref(id: string, filter: BulkItemFilter | null = null): string {
  const path = `${BULK_RUNS_HREF}/${encodeURIComponent(id)}`;
  return filter ? `${path}?${new URLSearchParams({ outcome: filter })}` : path;
}

/** The "New bulk run" page of a job, with the rule chosen on the provision page when there is one. */
export function newBulkRunHref(spId: string, jobId: string, ruleId: string | null = null): string {
  const path = `${provisionHref(spId, jobId)}/bulk`;
  return ruleId ? `${path}?${new URLSearchParams({ rule: ruleId })}` : path;
}

/** The item filter a link names; an unknown one is dropped with a notice rather than sent to the server. */
export function itemFilterFromSearch(search: URLSearchParams): {
  filter: BulkItemFilter | null;
  notice: string | null;
} {
  const value = search.get("outcome");
  if (value === null || value === "") return { filter: null, notice: null };
  if (isItemFilter(value)) return { filter: value, notice: null };
  const known = ITEM_FILTERS.map((look) => filterLabel(look.filter)).join(", ");
  return {
    filter: null,
    notice: `The link asks for items with outcome “${value}”, which is not one of ${known}. All items are shown.`,
  };
}
