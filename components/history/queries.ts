"use client";
import { infiniteQueryOptions } from "@tanstack/react-query";
import { ApiClientError, apiFetch, apiPath, withQuery } from "@/components/api/api-fetch";
import { runKeys } from "@/components/runs/queries";
import type { Page, RunHistoryFilters, RunListItem } from "@/lib/api/contracts";

/** Rows per page of the history. */
export const HISTORY_PAGE_SIZE = 50;

/** Retry a failed read, but not one the server refused (4xx): a missing run or an expired link stays so. */
export function retryUnlessRefused(failureCount: number, error: Error): boolean {
  return !(error instanceof ApiClientError && error.status >= 400 && error.status < 500) && failureCount < 2;
}

export const historyKeys = {
  all: [...runKeys.all, "history"] as const,
  list: (filters: RunHistoryFilters) => [...historyKeys.all, filters] as const,
};

export const historyQueries = {
  /** The history, newest first, one keyset page at a time. */
  list: (filters: RunHistoryFilters) =>
    infiniteQueryOptions({
      queryKey: historyKeys.list(filters),
      queryFn: ({ pageParam, signal }) =>
        apiFetch<Page<RunListItem>>(
          withQuery(apiPath("runs"), { ...filters, cursor: pageParam, limit: HISTORY_PAGE_SIZE }),
          { signal },
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};

/** Every run the filters match as CSV; the server streams it and names the file. */
export function historyCsvHref(filters: RunHistoryFilters): string {
  return withQuery(apiPath("runs"), { ...filters, format: "csv" });
}

/** Where the browser downloads a run: the server names the file (Content-Disposition). */
export function runExportHref(runId: string, format: "json" | "csv"): string {
  return withQuery(apiPath("runs", runId, "export"), { format });
}

/** The page of one run. */
export function runPageHref(runId: string): string {
  return `/runs/${encodeURIComponent(runId)}`;
}
