"use client";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch, apiPath } from "@/components/api/api-fetch";

export interface ConsoleHealth {
  status: string;
  mode: "demo" | "entra";
  version: string;
}

export const healthKeys = { all: ["health"] as const };

export const healthQuery = queryOptions({
  queryKey: healthKeys.all,
  queryFn: ({ signal }) => apiFetch<ConsoleHealth>(apiPath("health"), { signal }),
  staleTime: Infinity,
});

/** True once /api/health says the console runs on the embedded demo tenant. */
export function useDemoMode(): boolean {
  return useQuery(healthQuery).data?.mode === "demo";
}

/** Source attributes of an Entra user the panel can change (the demo tenant accepts more). */
export const DEMO_USER_ATTRIBUTES = [
  "department",
  "jobTitle",
  "displayName",
  "mail",
  "givenName",
  "surname",
  "employeeId",
] as const;
export type DemoUserAttribute = (typeof DEMO_USER_ATTRIBUTES)[number];

/** The demo tenant's controls (404 outside demo mode). */
export const demoControls = {
  changeUser: (
    userId: string,
    changes: Partial<Record<DemoUserAttribute, string | null>> & { accountEnabled?: boolean },
  ) =>
    apiFetch<Record<string, unknown>>(apiPath("demo", "users", userId), { method: "PATCH", json: changes }),
  assign: (spId: string, principalId: string) =>
    apiFetch<unknown>(apiPath("demo", "service-principals", spId, "assignments", principalId), {
      method: "PUT",
    }),
  unassign: (spId: string, principalId: string) =>
    apiFetch<unknown>(apiPath("demo", "service-principals", spId, "assignments", principalId), {
      method: "DELETE",
    }),
  reset: () => apiFetch<unknown>(apiPath("demo", "reset"), { method: "POST" }),
};
