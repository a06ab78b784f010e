"use client";
import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiPath } from "@/components/api/api-fetch";
import type { ExpressionLabContext, LabEvaluation, LabEvaluationRequest } from "@/lib/api/contracts";

export const labKeys = {
  all: ["expression-lab"] as const,
  context: (spId: string, jobId: string) => [...labKeys.all, "context", spId, jobId] as const,
};

export const labQueries = {
  /** The job's mappings to start from and the functions for completion. */
  context: (spId: string, jobId: string) =>
    queryOptions({
      queryKey: labKeys.context(spId, jobId),
      queryFn: ({ signal }) =>
        apiFetch<ExpressionLabContext>(apiPath("service-principals", spId, "jobs", jobId, "expression-lab"), {
          signal,
        }),
      staleTime: 5 * 60_000,
    }),
};

/** Evaluates an expression with Graph's parseExpression; nothing is written to the target. */
export function evaluateExpression(
  spId: string,
  jobId: string,
  request: LabEvaluationRequest,
  signal?: AbortSignal,
): Promise<LabEvaluation> {
  return apiFetch<LabEvaluation>(
    apiPath("service-principals", spId, "jobs", jobId, "expression-lab", "evaluate"),
    {
      method: "POST",
      json: request,
      signal,
    },
  );
}
