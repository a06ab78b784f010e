"use client";
import { queryOptions } from "@tanstack/react-query";
import { ApiClientError, apiFetch, apiPath, withQuery } from "@/components/api/api-fetch";
import type { DirectoryGroupSummary, DirectoryUserSummary, GroupMemberSummary } from "@/lib/api/contracts";

export const directoryKeys = {
  all: ["directory"] as const,
  users: (search: string) => [...directoryKeys.all, "users", { search }] as const,
  user: (id: string) => [...directoryKeys.all, "user", id] as const,
  groups: (search: string) => [...directoryKeys.all, "groups", { search }] as const,
  group: (id: string) => [...directoryKeys.all, "group", id] as const,
  members: (groupId: string, search: string) =>
    [...directoryKeys.all, "group", groupId, "members", { search }] as const,
};

/** The answer, or null when the console says there is no such object (404). */
async function orNullWhenMissing<T>(answer: Promise<T>): Promise<T | null> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof ApiClientError && error.status === 404) return null;
    throw error;
  }
}

const LOOKUP_STALE_MS = 5 * 60_000;

export const directoryQueries = {
  /** Users by name, UPN or mail (live users only: deleted ones are in the recycle bin). */
  users: (search: string) =>
    queryOptions({
      queryKey: directoryKeys.users(search),
      queryFn: ({ signal }) =>
        apiFetch<{ items: DirectoryUserSummary[] }>(withQuery(apiPath("directory", "users"), { search }), {
          signal,
        }),
      select: (answer) => answer.items,
    }),
  /** One user by object id (a link names only the id), also from the recycle bin; null when there is none. */
  user: (id: string) =>
    queryOptions({
      queryKey: directoryKeys.user(id),
      queryFn: ({ signal }) =>
        orNullWhenMissing(apiFetch<DirectoryUserSummary>(apiPath("directory", "users", id), { signal })),
      staleTime: LOOKUP_STALE_MS,
    }),
  groups: (search: string) =>
    queryOptions({
      queryKey: directoryKeys.groups(search),
      queryFn: ({ signal }) =>
        apiFetch<{ items: DirectoryGroupSummary[] }>(withQuery(apiPath("directory", "groups"), { search }), {
          signal,
        }),
      select: (answer) => answer.items,
    }),
  /** One group by object id; null when the directory has none. */
  group: (id: string) =>
    queryOptions({
      queryKey: directoryKeys.group(id),
      queryFn: ({ signal }) =>
        orNullWhenMissing(apiFetch<DirectoryGroupSummary>(apiPath("directory", "groups", id), { signal })),
      staleTime: LOOKUP_STALE_MS,
    }),
  members: (groupId: string, search: string) =>
    queryOptions({
      queryKey: directoryKeys.members(groupId, search),
      queryFn: ({ signal }) =>
        apiFetch<{ items: GroupMemberSummary[] }>(
          withQuery(apiPath("directory", "groups", groupId, "members"), { search }),
          { signal },
        ),
      select: (answer) => answer.items,
    }),
};
