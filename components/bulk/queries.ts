"use client";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiFetch, apiPath, withQuery } from "@/components/api/api-fetch";
import { retryUnlessRefused } from "@/components/history/queries";
import type {
  BulkItemFilter,
  BulkItemView,
  BulkPreview,
  BulkPreviewRequest,
  BulkRunRequest,
  BulkRunView,
  Page,
} from "@/lib/api/contracts";
import { isBulkRunMoving, type BulkRunAction } from "./bulk-status";

/** How often a queued or running bulk run is asked for again. */
export const BULK_POLL_INTERVAL_MS = 1000;
/** Items per "Load more". */
export const BULK_ITEMS_PAGE_SIZE = 50;

export interface BulkRunListFilters {
  servicePrincipalId?: string;
  jobId?: string;
}

export const bulkKeys = {
  all: ["bulk-runs"] as const,
  list: (filters: BulkRunListFilters) => [...bulkKeys.all, "list", filters] as const,
  detail: (id: string) => [...bulkKeys.all, "detail", id] as const,
  allItems: (id: string) => [...bulkKeys.all, "items", id] as const,
  items: (id: string, filter: BulkItemFilter | null) => [...bulkKeys.allItems(id), { filter }] as const,
};

export const bulkQueries = {
  /** Recent bulk runs, newest first. */
  list: (filters: BulkRunListFilters) =>
    infiniteQueryOptions({
      queryKey: bulkKeys.list(filters),
      queryFn: ({ pageParam, signal }) =>
        apiFetch<Page<BulkRunView>>(withQuery(apiPath("bulk-runs"), { ...filters, cursor: pageParam }), {
          signal,
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      retry: retryUnlessRefused,
    }),
  /** One bulk run, asked for every second while it is queued or running. */
  detail: (id: string) =>
    queryOptions({
      queryKey: bulkKeys.detail(id),
      queryFn: ({ signal }) => apiFetch<BulkRunView>(apiPath("bulk-runs", id), { signal }),
      refetchInterval: (query) => (isBulkRunMoving(query.state.data?.status) ? BULK_POLL_INTERVAL_MS : false),
      retry: retryUnlessRefused,
    }),
  /** A bulk run's items by position, filtered by outcome or state. */
  items: (id: string, filter: BulkItemFilter | null) =>
    infiniteQueryOptions({
      queryKey: bulkKeys.items(id, filter),
      queryFn: ({ pageParam, signal }) =>
        apiFetch<Page<BulkItemView>>(
          withQuery(apiPath("bulk-runs", id, "items"), {
            outcome: filter,
            cursor: pageParam,
            limit: BULK_ITEMS_PAGE_SIZE,
          }),
          { signal },
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      retry: retryUnlessRefused,
    }),
};

/** POST /api/bulk-runs/preview: resolves the objects; nothing runs. */
export function previewBulkRun(request: BulkPreviewRequest): Promise<BulkPreview> {
  return apiFetch<BulkPreview>(apiPath("bulk-runs", "preview"), { method: "POST", json: request });
}

/** POST /api/bulk-runs (202). */
export function startBulkRun(request: BulkRunRequest): Promise<{ id: string }> {
  return apiFetch<{ id: string }>(apiPath("bulk-runs"), { method: "POST", json: request });
}

/** Pause, resume, cancel or retry the failed items; the answer is the run as it now stands. */
export function actOnBulkRun(id: string, action: BulkRunAction): Promise<BulkRunView> {
  return apiFetch<BulkRunView>(apiPath("bulk-runs", id, action), { method: "POST" });
}

/** Where the CSV of a bulk run's items is downloaded from. */
export function bulkExportPath(id: string): string {
  return apiPath("bulk-runs", id, "export");
}
