import type { APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";

// Finds the demo tenant's scenario apps through the console's own API, as a user would.

export const ADELE = { id: "69bdd931-211b-469b-bd21-0c279cd91efd", upn: "AdeleV@contoso.com" };

export interface JobTarget {
  servicePrincipalId: string;
  jobId: string;
  ruleId: string;
}

export async function findJob(request: APIRequestContext, appName: string, jobIndex = 0): Promise<JobTarget> {
  const apps = await request.get(`/api/service-principals?search=${encodeURIComponent(appName)}`);
  expect(apps.status()).toBe(200);
  const app = ((await apps.json()) as { items: { id: string; displayName: string }[] }).items.find(
    (a) => a.displayName === appName,
  );
  expect(app, `the demo tenant has "${appName}"`).toBeDefined();
  const jobs = (await (await request.get(`/api/service-principals/${app!.id}/jobs`)).json()) as {
    items: { id: string }[];
  };
  const job = jobs.items[jobIndex]!;
  const rules = (await (
    await request.get(`/api/service-principals/${app!.id}/jobs/${encodeURIComponent(job.id)}/rules`)
  ).json()) as { items: { id: string; supportsProvisionOnDemand: boolean }[] };
  const rule = rules.items.find((r) => r.supportsProvisionOnDemand)!;
  return { servicePrincipalId: app!.id, jobId: job.id, ruleId: rule.id };
}

export async function resetDemoTenant(request: APIRequestContext) {
  expect((await request.post("/api/demo/reset")).status()).toBe(200);
}
