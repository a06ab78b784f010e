"use client";
import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiPath, withQuery } from "@/components/api/api-fetch";
import type { OnPremisesUserSearch } from "@/lib/api/contracts";

export const onPremisesKeys = {
  all: ["on-premises"] as const,
  users: (search: string) => [...onPremisesKeys.all, "users", { search }] as const,
};

export const onPremisesQueries = {
  /** Demo mode only: the demo forest's AD users by name (a real console cannot list Active Directory). */
  users: (search: string) =>
    queryOptions({
      queryKey: onPremisesKeys.users(search),
      queryFn: ({ signal }) =>
        apiFetch<OnPremisesUserSearch>(withQuery(apiPath("demo", "on-premises", "users"), { search }), {
          signal,
        }).then((answer) => ({ items: answer.value })),
      select: (answer) => answer.items,
    }),
};
