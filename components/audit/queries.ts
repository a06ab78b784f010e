"use client";
import { infiniteQueryOptions } from "@tanstack/react-query";
import { apiFetch, apiPath, withQuery } from "@/components/api/api-fetch";
import type { AuditEntry, Page } from "@/lib/api/contracts";

export const AUDIT_PAGE_SIZE = 100;

export const auditKeys = {
  all: ["audit"] as const,
  list: () => [...auditKeys.all, "list"] as const,
};

export const auditQueries = {
  /** The log, newest first, one keyset page at a time. */
  list: () =>
    infiniteQueryOptions({
      queryKey: auditKeys.list(),
      queryFn: ({ pageParam, signal }) =>
        apiFetch<Page<AuditEntry>>(
          withQuery(apiPath("audit"), { cursor: pageParam, limit: AUDIT_PAGE_SIZE }),
          {
            signal,
          },
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};

/** The whole log as CSV; the server streams it and names the file. */
export function auditCsvHref(): string {
  return withQuery(apiPath("audit"), { format: "csv" });
}
