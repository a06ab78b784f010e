import { expect, test, type Page } from "@playwright/test";
import {
  ADELE,
  APPS,
  findJob,
  PATTI_DN,
  PRADEEP,
  provisionPath,
  resetDemoTenant,
  SALES_TEAM_EMEA,
  type JobTarget,
} from "./demo-fixtures";

// The console's main job, in the browser against the demo tenant: each flow starts from a fresh tenant.

test.beforeEach(async ({ request }) => {
  await resetDemoTenant(request);
});

async function provision(page: Page) {
  await page.getByRole("button", { name: "Provision", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Done:/ })).toBeVisible();
}

/** The value of one row of the result's summary ("Outcome", "Action", …). */
function summary(page: Page, fact: string) {
  return page.locator("dt", { hasText: new RegExp(`^${fact}$`) }).locator("xpath=following-sibling::dd[1]");
}

function propertyRow(page: Page, name: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

async function demoPanel(page: Page) {
  const panel = page.getByRole("button", { name: /^Demo tenant/ });
  if ((await panel.getAttribute("aria-expanded")) !== "true") await panel.click();
}

test("create a user, run again: skipped and explained as already in sync", async ({ page, request }) => {
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(provisionPath(job, `kind=user&user=${ADELE.id}`));
  await expect(page.getByRole("combobox", { name: "User" })).toHaveValue(ADELE.name);
  await provision(page);
  await expect(summary(page, "Outcome")).toContainText("Success");
  await expect(summary(page, "Action")).toHaveText("Create");
  await expect(propertyRow(page, "userName")).toContainText(ADELE.upn);

  await page.getByRole("button", { name: "Run again" }).click();
  await expect(page.getByRole("heading", { name: "Runs started on this page (2)" })).toBeVisible();
  await expect(summary(page, "Outcome")).toContainText("Skipped");
  const explanation = page.getByRole("alert").filter({ hasText: "Already in sync" });
  await expect(explanation).toBeVisible();
  await expect(explanation).toContainText("RedundantExport");
  await expect(page.getByText(/nothing was changed/i).first()).toBeVisible();
});

test("change an attribute in the demo tenant: the next run updates it, old and new values shown", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(provisionPath(job, `kind=user&user=${ADELE.id}`));
  await provision(page);

  await demoPanel(page);
  await page.getByRole("combobox", { name: "Attribute" }).selectOption({ label: "Job title" });
  await page.getByRole("textbox", { name: "New value" }).fill("Regional Retail Manager");
  await page.getByRole("button", { name: "Change", exact: true }).click();
  await expect(page.getByText(/Job title.*Regional Retail Manager/)).toBeVisible();

  await page.getByRole("button", { name: "Run again" }).click();
  await expect(page.getByRole("heading", { name: "Runs started on this page (2)" })).toBeVisible();
  await expect(summary(page, "Action")).toHaveText("Update");
  const title = propertyRow(page, "title");
  await expect(title).toContainText("Retail Manager");
  await expect(title).toContainText("Regional Retail Manager");
  await expect(title).toContainText("changed");
});

test("unassign the user from the app: the next run disables them in the target", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(provisionPath(job, `kind=user&user=${ADELE.id}`));
  await provision(page);
  await demoPanel(page);
  await page.getByRole("button", { name: "Unassign from this app" }).click();
  await expect(page.getByText(/assignment to this application/).first()).toBeVisible();

  await page.getByRole("button", { name: "Run again" }).click();
  await expect(page.getByRole("heading", { name: "Runs started on this page (2)" })).toBeVisible();
  await expect(summary(page, "Action")).toHaveText("Disable");
  await expect(propertyRow(page, "active")).toContainText("False");
});

test("a group with two of its members", async ({ page, request }) => {
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(provisionPath(job));
  await page.getByRole("tab", { name: "Group" }).click();
  await page.getByRole("combobox", { name: "Group", exact: true }).fill("Sales Team");
  await page.getByRole("option", { name: new RegExp(SALES_TEAM_EMEA.name) }).click();
  const members = page.getByRole("combobox", { name: "Members to provision with the group" });
  for (const member of SALES_TEAM_EMEA.members) {
    await members.fill(member.name.split(" ")[0]!);
    await page.getByRole("option", { name: new RegExp(member.name) }).click();
  }
  await provision(page);
  await expect(summary(page, "Outcome")).toContainText("Success");
  for (const member of SALES_TEAM_EMEA.members) {
    await expect(page.getByText(new RegExp(member.name.split(" ")[0]!)).first()).toBeVisible();
  }
  await expect(page).toHaveURL(new RegExp(`members=${SALES_TEAM_EMEA.members[0]!.id}`));
});

test("Cloud Sync: an on-premises user by distinguished name is created in Entra ID", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.cloudSync);
  await page.goto(provisionPath(job));
  const dn = page.getByRole("combobox", { name: "Distinguished name" });
  await dn.fill("Patti Fernandez");
  await expect(page.getByRole("button", { name: "Provision", exact: true })).toBeDisabled();
  await dn.fill(PATTI_DN);
  await provision(page);
  await expect(summary(page, "Outcome")).toContainText("Success");
  await expect(summary(page, "Action")).toHaveText("Create");
  await expect(summary(page, "Source → target")).toContainText("Active Directory");
  await expect(summary(page, "Source → target")).toContainText("Azure Active Directory");
});

test("a target that rejects the user: the failure is explained with the target's message", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.northwind);
  await page.goto(provisionPath(job, `kind=user&user=${PRADEEP.id}`));
  await provision(page);
  await expect(summary(page, "Outcome")).toContainText("Failure");
  const explanation = page
    .getByRole("alert")
    .filter({ hasText: "SystemForCrossDomainIdentityManagementBadResponse" });
  await expect(explanation).toBeVisible();
  await expect(page.getByText(/Contractor/).first()).toBeVisible();
});

test("seven quick runs on one job all complete, the ones over the limit shown queued", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(provisionPath(job, `kind=user&user=${ADELE.id}`));
  const button = page.getByRole("button", { name: "Provision", exact: true });
  for (let i = 1; i <= 7; i++) {
    await button.click();
    await expect(page.getByRole("heading", { name: `Runs started on this page (${i})` })).toBeVisible();
  }
  await expect(page.getByText(/in line/i).first()).toBeVisible();
  const runs = page
    .getByRole("list", { name: "Runs started on this page, newest first" })
    .getByRole("listitem");
  await expect(runs).toHaveCount(7);
  await expect(runs.filter({ hasText: /Success|Skipped/ })).toHaveCount(7, { timeout: 45_000 });
  const stats = (await (await request.get("/api/demo/stats")).json()) as {
    jobs: { jobId: string; throttled: number; maxCallsInWindow: number }[];
  };
  const counted = stats.jobs.find((j) => j.jobId === job.jobId)!;
  expect(counted.throttled).toBe(0);
  expect(counted.maxCallsInWindow).toBeLessThanOrEqual(5);
});

test("a deep link prefills the form and runs nothing", async ({ page, request }) => {
  const job = await findJob(request, APPS.hrPortal);
  const before = ((await (await request.get("/api/runs?limit=200")).json()) as { items: unknown[] }).items
    .length;
  const members = SALES_TEAM_EMEA.members.map((m) => m.id).join(",");
  await page.goto(provisionPath(job, `kind=group&group=${SALES_TEAM_EMEA.id}&members=${members}`));
  await expect(page.getByRole("combobox", { name: "Group", exact: true })).toHaveValue(SALES_TEAM_EMEA.name);
  for (const member of SALES_TEAM_EMEA.members)
    await expect(page.getByText(member.name).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Provision", exact: true })).toBeEnabled();
  await page.waitForTimeout(1000);
  const after = ((await (await request.get("/api/runs?limit=200")).json()) as { items: unknown[] }).items
    .length;
  expect(after).toBe(before);
});

test("the whole flow by keyboard only", async ({ page, request }) => {
  const job: JobTarget = await findJob(request, APPS.hrPortal);
  await page.goto("/");
  const search = page
    .getByRole("searchbox")
    .or(page.getByRole("textbox", { name: /search/i }))
    .first();
  await search.focus();
  await page.keyboard.type("HR Portal");
  const appLink = page.getByRole("link", { name: APPS.hrPortal });
  // The list re-renders when the debounced search answers; focus the link of the filtered list,
  // not one about to be replaced.
  await expect(page.getByRole("link", { name: APPS.northwind })).toHaveCount(0);
  await expect(appLink).toBeVisible();
  await appLink.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: APPS.hrPortal })).toBeVisible();
  const jobLink = page.getByRole("link", { name: `Provision on demand with job ${job.jobId}` });
  await jobLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(encodeURIComponent(job.jobId).replaceAll(".", "\\.")));
  // The rule arrives from the API once the page is live; typing before that could be lost to hydration.
  await expect(page.getByText("USERGROUP_OUTBOUND_USERGROUP")).toBeVisible();
  const user = page.getByRole("combobox", { name: "User" });
  await user.focus();
  await page.keyboard.type("Adele");
  await expect(page.getByRole("option", { name: new RegExp(ADELE.name) })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(user).toHaveValue(ADELE.name);
  await page.getByRole("button", { name: "Provision", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /^Done:/ })).toBeVisible();
  await expect(summary(page, "Outcome")).toContainText("Success");
});
