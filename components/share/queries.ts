"use client";
import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiPath } from "@/components/api/api-fetch";
import { retryUnlessRefused } from "@/components/history/queries";
import { isRunInProgress, RUN_POLL_INTERVAL_MS } from "@/components/runs/queries";
import type { ShareCreated, SharedRun, ShareLink } from "@/lib/api/contracts";

export const shareKeys = {
  all: ["shares"] as const,
  ofRun: (runId: string) => [...shareKeys.all, "of-run", runId] as const,
  shared: (shareId: string) => [...shareKeys.all, "shared", shareId] as const,
};

export const shareQueries = {
  /** The links made for one run, newest first, with their revocation. */
  ofRun: (runId: string) =>
    queryOptions({
      queryKey: shareKeys.ofRun(runId),
      queryFn: ({ signal }) => apiFetch<{ items: ShareLink[] }>(apiPath("runs", runId, "shares"), { signal }),
      select: (data) => data.items,
    }),
  /** The run as a link shows it (redacted by the server when the link says so). */
  shared: (shareId: string) =>
    queryOptions({
      queryKey: shareKeys.shared(shareId),
      queryFn: ({ signal }) => apiFetch<SharedRun>(apiPath("shares", shareId), { signal }),
      retry: retryUnlessRefused,
      refetchInterval: (query) =>
        isRunInProgress(query.state.data?.run.status) ? RUN_POLL_INTERVAL_MS : false,
    }),
};

export function createShareLink(
  runId: string,
  options: { redact: boolean; expiresInDays: number | null },
): Promise<ShareCreated> {
  return apiFetch<ShareCreated>(apiPath("runs", runId, "shares"), {
    method: "POST",
    json: {
      redact: options.redact,
      ...(options.expiresInDays ? { expiresInDays: options.expiresInDays } : {}),
    },
  });
}

export function revokeShareLink(shareId: string): Promise<void> {
  return apiFetch<void>(apiPath("shares", shareId), { method: "DELETE" });
}

/** The page a link opens, relative to this console. */
export function sharedRunHref(shareId: string): string {
  return `/s/${encodeURIComponent(shareId)}`;
}
