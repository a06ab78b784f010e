"use client";
import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiPath, withQuery } from "@/components/api/api-fetch";
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

const searchUsers = (search: string, signal: AbortSignal) =>
  apiFetch<{ items: DirectoryUserSummary[] }>(withQuery(apiPath("directory", "users"), { search }), {
    signal,
  });
const searchGroups = (search: string, signal: AbortSignal) =>
  apiFetch<{ items: DirectoryGroupSummary[] }>(withQuery(apiPath("directory", "groups"), { search }), {
    signal,
  });

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const directoryQueries = {
  users: (search: string) =>
    queryOptions({
      queryKey: directoryKeys.users(search),
      queryFn: ({ signal }) => searchUsers(search, signal),
      select: (answer) => answer.items,
    }),
  /** One user by object id (for a link that names only the id); null when the directory has none. */
  user: (id: string) =>
    queryOptions({
      queryKey: directoryKeys.user(id),
      queryFn: async ({ signal }) =>
        (await searchUsers(id, signal)).items.find((user) => sameId(user.id, id)) ?? null,
      staleTime: Infinity,
    }),
  groups: (search: string) =>
    queryOptions({
      queryKey: directoryKeys.groups(search),
      queryFn: ({ signal }) => searchGroups(search, signal),
      select: (answer) => answer.items,
    }),
  group: (id: string) =>
    queryOptions({
      queryKey: directoryKeys.group(id),
      queryFn: async ({ signal }) =>
        (await searchGroups(id, signal)).items.find((group) => sameId(group.id, id)) ?? null,
      staleTime: Infinity,
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
