"use client";
import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiPath } from "@/components/api/api-fetch";
import type { DemoScenario, DemoScenarioList } from "@/lib/api/contracts";

export const scenarioKeys = { all: ["demo-scenarios"] as const };

export const scenarioQueries = {
  /** The guided demo's stories, named from the tenant as it is now (404 outside demo mode). */
  list: () =>
    queryOptions({
      queryKey: scenarioKeys.all,
      queryFn: async ({ signal }) =>
        (await apiFetch<DemoScenarioList>(apiPath("demo", "scenarios"), { signal })).value,
    }),
};

/** Sets the demo tenant up for the story; answers the story as it now stands. */
export async function setUpScenario(id: string): Promise<DemoScenario> {
  return apiFetch<DemoScenario>(apiPath("demo", "scenarios", id), { method: "POST" });
}
