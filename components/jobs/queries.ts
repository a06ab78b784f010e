"use client";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiFetch, apiPath, withQuery } from "@/components/api/api-fetch";
import type {
  JobAction,
  JobActionAnswer,
  JobActionKind,
  JobSummary,
  Page,
  RestartRequest,
  RuleSummary,
  SecretTokenRequest,
} from "@/lib/api/contracts";
import { appKeys } from "@/components/apps/queries";

export const jobKeys = {
  all: (spId: string) => [...appKeys.all, spId, "jobs"] as const,
  rules: (spId: string, jobId: string) => [...jobKeys.all(spId), jobId, "rules"] as const,
  timeline: (spId: string, jobId: string) => [...jobKeys.all(spId), jobId, "actions"] as const,
};

/** Timeline entries per "Show older". */
export const TIMELINE_PAGE_SIZE = 20;

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
  /** What the console did to the job, newest first. */
  timeline: (spId: string, jobId: string) =>
    infiniteQueryOptions({
      queryKey: jobKeys.timeline(spId, jobId),
      queryFn: ({ pageParam, signal }) =>
        apiFetch<Page<JobAction>>(
          withQuery(apiPath("service-principals", spId, "jobs", jobId, "actions"), {
            cursor: pageParam,
            limit: TIMELINE_PAGE_SIZE,
          }),
          { signal },
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};

/** The body each action sends; the secret token only ever travels in this request. */
export type JobActionBody =
  | { action: "test-connection" | "pause" | "start" }
  | ({ action: "secret-token" } & SecretTokenRequest)
  | ({ action: "restart" } & RestartRequest);

/** POST …/actions/{action} with one Idempotency-Key per confirmed click; answers what the timeline records. */
export function actOnJob(
  spId: string,
  jobId: string,
  body: JobActionBody,
  idempotencyKey: string,
): Promise<JobActionAnswer> {
  const { action, ...rest } = body;
  return apiFetch<JobActionAnswer>(
    apiPath("service-principals", spId, "jobs", jobId, "actions", action satisfies JobActionKind),
    {
      method: "POST",
      headers: { "Idempotency-Key": idempotencyKey },
      ...(action === "secret-token" || action === "restart" ? { json: rest } : {}),
    },
  );
}
