import type { APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";

// Finds the demo tenant's scenario apps through the console's own API, as a user would.

// The seeded tenant's named objects (lib/demo-tenant/seed/fixtures.ts; that module is server-only).
export const ADELE = {
  id: "69bdd931-211b-469b-bd21-0c279cd91efd",
  upn: "AdeleV@contoso.com",
  name: "Adele Vance",
};
export const PRADEEP = { id: "e0a6267e-3e21-4738-a3b0-5fbf372c871b", name: "Pradeep Gupta" };
/** In Engineering: outside the HR Portal's department scoping filters, though assigned. */
export const ALEX = {
  id: "5efe6880-dab5-4099-ba7d-2fbbf8af3dc4",
  upn: "AlexW@contoso.com",
  name: "Alex Wilber",
};
/** In Sales, not assigned to the HR Portal. */
export const ISAIAH = {
  id: "9455b2d5-d288-4983-a386-4905335d3068",
  upn: "IsaiahL@contoso.com",
  name: "Isaiah Langer",
};
export const MEGAN = { id: "5930e14b-a8eb-4fb8-8dce-f64882db733d", name: "Megan Bowen" };
/** Soft-deleted after being assigned to the HR Portal: in the recycle bin, not in /users. */
export const LIDIA = { id: "65b0dd58-8c45-497e-af7a-d994dc4dcf03", name: "Lidia Holloway" };
export const SALES_TEAM_EMEA = {
  id: "37f3cab5-edc6-458b-a335-e87ec019f718",
  name: "Sales Team EMEA",
  members: [
    { id: "01af5ccc-71d0-45bc-8b84-3af7aa496087", name: "Lynne Robbins" },
    { id: "deea7e95-c1b7-4ea0-92b2-5c08fb83ed4b", name: "Diego Siciliani" },
  ],
};
export const PATTI_DN = "CN=Patti Fernandez,OU=Users,OU=Chicago,DC=corp,DC=contoso,DC=com";
/** In AD and already synced to Entra ID as Adele Vance. */
export const ADELE_DN = "CN=Adele Vance,OU=Users,OU=Chicago,DC=corp,DC=contoso,DC=com";
export const APPS = {
  hrPortal: "Contoso HR Portal (SCIM)",
  northwind: "Northwind Expenses (SCIM)",
  cloudSync: "corp.contoso.com",
  /** Two jobs, each with its own SCIM target. */
  learningHub: "Contoso Learning Hub",
  /** Its one job is in quarantine. */
  tailspin: "Tailspin Travel (SCIM)",
} as const;

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

/** The provision page of a job, optionally prefilled with a query (`kind=user&user=…`). */
export function provisionPath(job: JobTarget, query = ""): string {
  const path = `/apps/${encodeURIComponent(job.servicePrincipalId)}/jobs/${encodeURIComponent(job.jobId)}`;
  return query ? `${path}?${query}` : path;
}
