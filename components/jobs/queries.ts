"use client";
import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiPath } from "@/components/api/api-fetch";
import type { JobSummary, RuleSummary } from "@/lib/api/contracts";
import { appKeys } from "@/components/apps/queries";

export const jobKeys = {
  all: (spId: string) => [...appKeys.all, spId, "jobs"] as const,
  rules: (spId: string, jobId: string) => [...jobKeys.all(spId), jobId, "rules"] as const,
};

export const jobQueries = {
  list: (spId: string) =>
    queryOptions({
      queryKey: jobKeys.all(spId),
      queryFn: ({ signal }) =>
        apiFetch<{ items: JobSummary[] }>(apiPath("service-principals", spId, "jobs"), { signal }),
      select: (answer) => answer.items,
    }),
  /** The job's synchronization rules; only some support provision on demand. */
  rules: (spId: string, jobId: string) =>
    queryOptions({
      queryKey: jobKeys.rules(spId, jobId),
      queryFn: ({ signal }) =>
        apiFetch<{ items: RuleSummary[] }>(apiPath("service-principals", spId, "jobs", jobId, "rules"), {
          signal,
        }),
      select: (answer) => answer.items,
      staleTime: 5 * 60_000,
    }),
};
