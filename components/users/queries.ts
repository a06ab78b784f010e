"use client";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiFetch, apiPath, withQuery } from "@/components/api/api-fetch";
import { retryUnlessRefused } from "@/components/history/queries";
import type {
  FailuresWaiting,
  Page,
  ProvisioningEventView,
  UserSearchItem,
  UserTroubleshooting,
} from "@/lib/api/contracts";

/** Events per "Load more" of a user's provisioning log. */
export const EVENTS_PAGE_SIZE = 25;

export interface EventFilters {
  userId?: string;
  servicePrincipalId?: string;
  jobId?: string;
  changeId?: string;
  status?: "failure";
}

export const userKeys = {
  all: ["users"] as const,
  search: (text: string) => [...userKeys.all, "search", { text }] as const,
  detail: (id: string) => [...userKeys.all, "detail", id] as const,
};

export const eventKeys = {
  all: ["provisioning-events"] as const,
  list: (filters: EventFilters) => [...eventKeys.all, "list", filters] as const,
  detail: (id: string) => [...eventKeys.all, "detail", id] as const,
  failures: (spId: string, jobId: string) => [...eventKeys.all, "failures", spId, jobId] as const,
};

export const userQueries = {
  /** Users by name, UPN, mail or object id, for the app bar's search box. */
  search: (text: string) =>
    queryOptions({
      queryKey: userKeys.search(text),
      queryFn: ({ signal }) =>
        apiFetch<{ items: UserSearchItem[] }>(withQuery(apiPath("users"), { search: text }), { signal }),
      select: (answer) => answer.items,
      enabled: text.trim() !== "",
      staleTime: 30_000,
    }),
  /** One user across every application with provisioning. */
  detail: (id: string) =>
    queryOptions({
      queryKey: userKeys.detail(id),
      queryFn: ({ signal }) => apiFetch<UserTroubleshooting>(apiPath("users", id), { signal }),
      retry: retryUnlessRefused,
    }),
};

export const eventQueries = {
  /** Provisioning events, newest first, a page at a time. */
  list: (filters: EventFilters) =>
    infiniteQueryOptions({
      queryKey: eventKeys.list(filters),
      queryFn: ({ pageParam, signal }) =>
        apiFetch<Page<ProvisioningEventView>>(
          withQuery(apiPath("provisioning-events"), {
            ...filters,
            cursor: pageParam,
            limit: EVENTS_PAGE_SIZE,
          }),
          { signal },
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      retry: retryUnlessRefused,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: eventKeys.detail(id),
      queryFn: ({ signal }) =>
        apiFetch<ProvisioningEventView>(apiPath("provisioning-events", id), { signal }),
      retry: retryUnlessRefused,
      staleTime: 60_000,
    }),
  /** The log entry of one change (a run's), asked for again until the log has it. */
  ofChange: (changeId: string) =>
    queryOptions({
      queryKey: eventKeys.list({ changeId }),
      queryFn: ({ signal }) =>
        apiFetch<Page<ProvisioningEventView>>(
          withQuery(apiPath("provisioning-events"), { changeId, limit: 1 }),
          {
            signal,
          },
        ),
      select: (answer) => answer.items[0] ?? null,
      retry: retryUnlessRefused,
      // The service writes its log a moment after it answers; look again until the entry is there.
      refetchInterval: (query) => (query.state.data && query.state.data.items.length === 0 ? 3_000 : false),
    }),
  failures: (spId: string, jobId: string) =>
    queryOptions({
      queryKey: eventKeys.failures(spId, jobId),
      queryFn: ({ signal }) =>
        apiFetch<FailuresWaiting>(apiPath("service-principals", spId, "jobs", jobId, "failures"), { signal }),
      retry: retryUnlessRefused,
    }),
};
