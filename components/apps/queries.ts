"use client";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiFetch, apiPath, withQuery } from "@/components/api/api-fetch";
import type { Page, ServicePrincipalDetail, ServicePrincipalSummary } from "@/lib/api/contracts";

export const appKeys = {
  all: ["service-principals"] as const,
  lists: () => [...appKeys.all, "list"] as const,
  list: (search: string) => [...appKeys.lists(), { search }] as const,
  detail: (spId: string) => [...appKeys.all, "detail", spId] as const,
};

export const appQueries = {
  /** Applications with provisioning, a page at a time, following the BFF's cursor. */
  list: (search: string) =>
    infiniteQueryOptions({
      queryKey: appKeys.list(search),
      queryFn: ({ pageParam, signal }) =>
        apiFetch<Page<ServicePrincipalSummary>>(
          withQuery(apiPath("service-principals"), { search, cursor: pageParam }),
          { signal },
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  detail: (spId: string) =>
    queryOptions({
      queryKey: appKeys.detail(spId),
      queryFn: ({ signal }) =>
        apiFetch<ServicePrincipalDetail>(apiPath("service-principals", spId), { signal }),
      staleTime: 5 * 60_000,
    }),
};
