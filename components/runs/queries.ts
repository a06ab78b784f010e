"use client";
import { queryOptions } from "@tanstack/react-query";
import { ApiClientError, apiFetch, apiPath } from "@/components/api/api-fetch";
import type {
  RunAccepted,
  RunExplanation,
  RunMembers,
  RunRequest,
  RunStatus,
  RunView,
} from "@/lib/api/contracts";

/** How often a run that has not finished is asked for again. */
export const RUN_POLL_INTERVAL_MS = 1000;

export const runKeys = {
  all: ["runs"] as const,
  detail: (id: string) => [...runKeys.all, "detail", id] as const,
  members: (id: string) => [...runKeys.all, "members", id] as const,
  explanation: (id: string) => [...runKeys.all, "explanation", id] as const,
};

export function isRunInProgress(status: RunStatus | undefined): boolean {
  return status === "queued" || status === "running";
}

export const runQueries = {
  detail: (id: string) =>
    queryOptions({
      queryKey: runKeys.detail(id),
      queryFn: ({ signal }) => apiFetch<RunView>(apiPath("runs", id), { signal }),
      refetchInterval: (query) => (isRunInProgress(query.state.data?.status) ? RUN_POLL_INTERVAL_MS : false),
      // A missing run or a refused request will not change by asking again.
      retry: (failureCount, error) =>
        !(error instanceof ApiClientError && error.status >= 400 && error.status < 500) && failureCount < 2,
    }),
  /** The members sent with a group run, looked up now, with each one's own newest run. */
  members: (id: string) =>
    queryOptions({
      queryKey: runKeys.members(id),
      queryFn: ({ signal }) => apiFetch<RunMembers>(apiPath("runs", id, "members"), { signal }),
      staleTime: 30_000,
    }),
  /** The mapping behind each value and the scope decision, read from the job's schema and the directory. */
  explanation: (id: string) =>
    queryOptions({
      queryKey: runKeys.explanation(id),
      queryFn: ({ signal }) => apiFetch<RunExplanation>(apiPath("runs", id, "explanation"), { signal }),
      staleTime: 60_000,
    }),
};

/** POST /api/runs; the idempotency key makes a double click or a retried request start one run, not two. */
export function startRun(request: RunRequest, idempotencyKey: string): Promise<RunAccepted> {
  return apiFetch<RunAccepted>(apiPath("runs"), {
    method: "POST",
    json: request,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}
