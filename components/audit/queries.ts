"use client";
import { infiniteQueryOptions } from "@tanstack/react-query";
import { apiFetch, apiPath, withQuery } from "@/components/api/api-fetch";
import type { AuditEntry, AuditFilters, Page } from "@/lib/api/contracts";

export const AUDIT_PAGE_SIZE = 100;

export const auditKeys = {
  all: ["audit"] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, "list", filters] as const,
};

export const auditQueries = {
  /** The log, newest first, filtered, one keyset page at a time. */
  list: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: auditKeys.list(filters),
      queryFn: ({ pageParam, signal }) =>
        apiFetch<Page<AuditEntry>>(
          withQuery(apiPath("audit"), { ...filters, cursor: pageParam, limit: AUDIT_PAGE_SIZE }),
          { signal },
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};

/** The entries the filters match (the whole log without filters) as CSV; the server streams it and names the file. */
export function auditCsvHref(filters: AuditFilters = {}): string {
  return withQuery(apiPath("audit"), { ...filters, format: "csv" });
}
