import { expect, test, type Page } from "@playwright/test";
import {
  ADELE,
  ALEX,
  APPS,
  findJob,
  ISAIAH,
  PRADEEP,
  provisionPath,
  resetDemoTenant,
  SALES_TEAM_EMEA,
} from "./demo-fixtures";

// The demo's five-minute story, as an agent reads it: every headline, step status and piece of advice
// must agree with what the answer's steps say.

test.beforeEach(async ({ request }) => {
  await resetDemoTenant(request);
});

async function provision(page: Page) {
  await page.getByRole("button", { name: "Provision", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Done:/ })).toBeVisible();
}

async function runAgain(page: Page, count: number) {
  await page.getByRole("button", { name: "Run again" }).click();
  await expect(page.getByRole("heading", { name: `Runs started on this page (${count})` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Done:/ })).toBeVisible();
}

/** The explanation at the top of the result: one alert whose title is the headline. */
function explanation(page: Page) {
  return page.getByRole("alert").first();
}

function scopingStep(page: Page) {
  return page.getByRole("listitem").filter({ hasText: "Step 3: Scoping" });
}

async function demoPanel(page: Page) {
  const panel = page.getByRole("button", { name: /^Demo tenant/ });
  if ((await panel.getAttribute("aria-expanded")) !== "true") await panel.click();
}

test("create, update, already in sync: each headline says what the service did", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(provisionPath(job, `kind=user&user=${ADELE.id}`));
  await provision(page);
  await expect(explanation(page)).toContainText(`Created in ${APPS.hrPortal}`);
  await expect(scopingStep(page)).toContainText("Success");
  await expect(page.getByRole("heading", { name: "Modified properties" })).toBeVisible();

  await demoPanel(page);
  await page.getByRole("combobox", { name: "Attribute" }).selectOption({ label: "Job title" });
  await page.getByRole("textbox", { name: "New value" }).pressSequentially("Store Manager", { delay: 80 });
  await page.getByRole("button", { name: "Change", exact: true }).click();
  await expect(page.getByText(/Job title.*Store Manager/)).toBeVisible();
  await runAgain(page, 2);
  await expect(explanation(page)).toContainText(`Updated in ${APPS.hrPortal}`);
  const title = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^title/ }) });
  await expect(title).toContainText("Retail Manager");
  await expect(title).toContainText("Store Manager");

  await runAgain(page, 3);
  await expect(explanation(page)).toContainText("Already in sync");
  await expect(explanation(page)).toContainText("RedundantExport");
  // A skip changes nothing: the list is what the service evaluated, with no "empty → value" rows.
  await expect(page.getByRole("heading", { name: "Values the service evaluated" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Modified properties" })).toHaveCount(0);
  const evaluated = page.getByRole("table", { name: /^Values evaluated for/ });
  await expect(evaluated.getByRole("columnheader")).toHaveText([
    "Attribute",
    "Value the service evaluated",
    "Why",
  ]);
  await expect(evaluated).not.toContainText("→");
});

test("not assigned: the advice is to assign the user, with the app's Users and groups page", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  await request.delete(`/api/demo/service-principals/${job.servicePrincipalId}/assignments/${ISAIAH.id}`);
  const app = (await (await request.get(`/api/service-principals/${job.servicePrincipalId}`)).json()) as {
    appId: string;
  };
  await page.goto(provisionPath(job, `kind=user&user=${ISAIAH.id}`));
  await provision(page);
  const alert = explanation(page);
  await expect(alert).toContainText("Skipped: not assigned to the application");
  await expect(alert).toContainText("Assign the user, or a group it is a direct member of");
  await expect(alert).not.toContainText(/re-add/i);
  const link = alert.getByRole("link", { name: /Users and groups page/ });
  await expect(link).toHaveAttribute(
    "href",
    `https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Users/objectId/${job.servicePrincipalId}/appId/${app.appId}`,
  );
  await expect(scopingStep(page)).toContainText("Out of scope");
  const checks = scopingStep(page).getByRole("definition");
  await expect(scopingStep(page).getByText("Assigned to the application")).toBeVisible();
  await expect(checks.nth(1)).toHaveText("No");
});

test("out of scope: the headline names the filters, the table shows the failing clause with the user's value", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(provisionPath(job, `kind=user&user=${ALEX.id}`));
  await provision(page);
  const alert = explanation(page);
  await expect(alert).toContainText("Skipped: out of scope of the scoping filters");
  await expect(alert).toContainText("'Sales department' and 'Marketing department'");
  await expect(alert.getByRole("link", { name: /Users and groups/ })).toHaveCount(0);
  await expect(scopingStep(page)).toContainText("Out of scope");
  const clause = scopingStep(page).getByRole("row").filter({ hasText: "department EQUALS 'Sales'" });
  await expect(clause).toContainText("Sales department");
  await expect(clause).toContainText("Engineering");
  await expect(clause).toContainText("No");
  // The raw ScopeEvaluationResult is read out in the step details too, not shown as JSON.
  await scopingStep(page)
    .getByRole("button", { name: /^Details/ })
    .click();
  await expect(scopingStep(page).getByText(/"Sales department/)).toHaveCount(0);
  await expect(
    scopingStep(page).getByText("Sales department.department EQUALS 'Sales': did not hold"),
  ).toBeVisible();
});

test("unassigned after provisioning: disabled in the target, explained by the lost assignment", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(provisionPath(job, `kind=user&user=${ADELE.id}`));
  await provision(page);
  await demoPanel(page);
  await page.getByRole("button", { name: "Unassign from this app" }).click();
  await expect(page.getByText(/assignment to this application/).first()).toBeVisible();

  await runAgain(page, 2);
  const alert = explanation(page);
  await expect(alert).toContainText(`Disabled in ${APPS.hrPortal}: not assigned to the application`);
  await expect(alert).toContainText("it is enabled again");
  // The service calls the Scoping step a success; its details put Adele out of scope, and so does the console.
  await expect(scopingStep(page)).toContainText("Out of scope");
  await expect(scopingStep(page)).toContainText("the service wrote “Success”");
  const active = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^active/ }) });
  await expect(active).toContainText("False");

  await runAgain(page, 3);
  await expect(explanation(page)).toContainText(`Out of scope: already disabled in ${APPS.hrPortal}`);
  await expect(explanation(page)).not.toContainText("Already in sync");
  await expect(scopingStep(page)).toContainText("Out of scope");
});

test("a target failure: the SCIM app's refusal, explained with its own message", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.northwind);
  await page.goto(provisionPath(job, `kind=user&user=${PRADEEP.id}`));
  await provision(page);
  const alert = explanation(page);
  await expect(alert).toContainText("Failed: SCIM endpoint rejected the request");
  await expect(alert).toContainText("SystemForCrossDomainIdentityManagementBadResponse");
  await expect(alert).toContainText("Contractors cannot hold an expense account");
  await expect(page.getByRole("heading", { name: "Modified properties" })).toBeVisible();
  await expect(page.getByText(/the values the service meant to write/)).toBeVisible();
});

test("a group run lists its members, each with its outcome and its own run", async ({ page, request }) => {
  const job = await findJob(request, APPS.hrPortal);
  const [lynne, diego] = SALES_TEAM_EMEA.members;
  await page.goto(provisionPath(job, `kind=user&user=${lynne!.id}`));
  await provision(page);

  await page.goto(
    provisionPath(job, `kind=group&group=${SALES_TEAM_EMEA.id}&members=${lynne!.id},${diego!.id}`),
  );
  await provision(page);
  const members = page.getByRole("table", { name: /^Members sent with the group/ });
  await expect(members.getByRole("row")).toHaveCount(3);
  const lynneRow = members.getByRole("row").filter({ hasText: lynne!.name });
  await expect(lynneRow).toContainText("LynneR@contoso.com");
  await expect(lynneRow).toContainText("added to the group");
  const diegoRow = members.getByRole("row").filter({ hasText: diego!.name });
  await expect(diegoRow).toContainText("Create");
  await expect(diegoRow.getByRole("link", { name: "Provision this member alone" })).toBeVisible();
  await lynneRow.getByRole("link", { name: /Its own latest run/ }).click();
  await expect(page).toHaveURL(/\/runs\//);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("LynneR@contoso.com");
});
