"use client";
import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiPath, withQuery } from "@/components/api/api-fetch";
import { retryUnlessRefused } from "@/components/history/queries";
import { runKeys } from "@/components/runs/queries";
import type { RunComparison } from "@/lib/api/contracts";

export const compareKeys = {
  pair: (a: string, b: string) => [...runKeys.all, "compare", a, b] as const,
  previous: (runId: string) => [...runKeys.detail(runId), "previous"] as const,
};

export const compareQueries = {
  pair: (a: string, b: string) =>
    queryOptions({
      queryKey: compareKeys.pair(a, b),
      queryFn: ({ signal }) =>
        apiFetch<RunComparison>(withQuery(apiPath("runs", "compare"), { a, b }), { signal }),
      retry: retryUnlessRefused,
    }),
  /** The run of the same object on the same job just before this one. */
  previous: (runId: string) =>
    queryOptions({
      queryKey: compareKeys.previous(runId),
      queryFn: ({ signal }) =>
        apiFetch<{ previousRunId: string | null }>(apiPath("runs", runId, "previous"), { signal }),
      select: (data) => data.previousRunId,
      retry: retryUnlessRefused,
    }),
};
