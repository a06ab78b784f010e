import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { ADELE, APPS, findJob, provisionPath, resetDemoTenant, type JobTarget } from "./demo-fixtures";

// Job health you can act on, in the browser against the demo tenant: Tailspin Travel's job is in
// quarantine because its app refuses the saved token; an Administrator (demo mode's operator holds
// the role) tests the connection, replaces the token, restarts the job and provisions on it.

const TAILSPIN = "Tailspin Travel (SCIM)";

test.beforeEach(async ({ request }) => {
  await resetDemoTenant(request);
});

const healthPath = (job: JobTarget) => `${provisionPath(job)}/health`;

async function timelineLength(request: APIRequestContext, job: JobTarget): Promise<number> {
  const answer = await request.get(
    `/api/service-principals/${encodeURIComponent(job.servicePrincipalId)}/jobs/${encodeURIComponent(job.jobId)}/actions?limit=100`,
  );
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { items: unknown[] }).items.length;
}

/** The result of the last action, as the page announces it. */
const result = (page: Page) => page.getByRole("region", { name: "Actions" }).getByRole("alert");

async function confirmDialog(page: Page, button: string) {
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test("the quarantined job: Test connection fails and says why, a new token passes it, Restart makes the job Active, and a run on it succeeds", async ({
  page,
  request,
}) => {
  const job = await findJob(request, TAILSPIN);
  const token = `tailspin-${Date.now().toString(36)}-Xq7`;

  await page.goto(`/apps/${encodeURIComponent(job.servicePrincipalId)}`);
  await page.getByRole("link", { name: `Job health and actions for job ${job.jobId}` }).click();
  await expect(page.getByRole("heading", { name: "Job health", level: 1 })).toBeVisible();
  const status = page.getByRole("region", { name: "Status" });
  await expect(status).toContainText("Quarantine");
  await expect(status).toContainText("In quarantine");

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("dialog", { name: "Test the connection?" })).toContainText(TAILSPIN);
  await confirmDialog(page, "Test connection");
  await expect(result(page)).toContainText("Test connection failed. The app refused the credentials.");
  await expect(result(page)).toContainText("Get a new secret token from the application");
  await expect(result(page)).toContainText(
    "SystemForCrossDomainIdentityManagementCredentialValidationFailure",
  );
  await expect(result(page)).toContainText("Graph request id");

  // The app issues a new token (the demo plays its admin page), typed as a person types.
  await page.getByRole("button", { name: /the app's side of the token/ }).click();
  await page.getByLabel("New token at the app").pressSequentially(token, { delay: 80 });
  await page.getByRole("button", { name: "Issue at the app" }).click();
  await expect(page.getByText(`${TAILSPIN} now accepts only the token you typed`)).toBeVisible();

  await page.getByRole("button", { name: "Update the secret token…" }).click();
  const dialog = page.getByRole("dialog", { name: "Update the secret token and test it" });
  await expect(dialog.getByRole("button", { name: "Save and test" })).toBeDisabled();
  await dialog.getByLabel("New secret token").fill(token);
  await dialog.getByLabel("New secret token").press("Enter");
  await expect(dialog).toBeHidden();
  await expect(result(page)).toContainText("The secret token was saved and Test connection succeeded.");

  await page.getByRole("button", { name: "Test connection" }).click();
  await confirmDialog(page, "Test connection");
  await expect(result(page)).toContainText("Test connection succeeded");

  await page.getByRole("button", { name: "Restart…" }).click();
  const restart = page.getByRole("dialog", { name: "Restart the job?" });
  await expect(restart.getByRole("radio", { name: /Quarantine only/ })).toBeChecked();
  await confirmDialog(page, "Restart");
  await expect(result(page)).toContainText("Restarted (Quarantine only). The job is now Active.");
  await expect(status).toContainText("Active");
  await expect(status).not.toContainText("In quarantine");

  const timeline = page.getByRole("list", { name: "Actions on this job, newest first" });
  await expect(timeline.getByRole("listitem").first()).toContainText("Restart (Quarantine only)");
  await expect(timeline.getByRole("listitem").nth(1)).toContainText("Test connection");
  await expect(timeline.getByRole("listitem").nth(2)).toContainText("Update the secret token");
  await expect(timeline.getByRole("listitem").nth(3)).toContainText("The app refused the credentials");

  // And a provisioning run on the job now succeeds.
  await page
    .getByRole("region", { name: "Status" })
    .getByRole("link", { name: "Provision on demand" })
    .click();
  await expect(page.getByRole("heading", { name: "Provision on demand", level: 1 })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "In quarantine" })).toHaveCount(0);
  await page.goto(provisionPath(job, `kind=user&user=${ADELE.id}`));
  await expect(page.getByRole("combobox", { name: "User" })).toHaveValue(ADELE.name);
  await page.getByRole("button", { name: /^Demo tenant/ }).click();
  await page.getByRole("button", { name: "Assign to this app" }).click();
  await expect(page.getByText(`Assigned ${ADELE.name} to this application.`)).toBeVisible();
  await page.getByRole("button", { name: "Provision", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Done:/ })).toBeVisible();
  const outcome = page.locator("dt", { hasText: /^Outcome$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(outcome).toContainText("Success");
});

test("the provision page of a quarantined job says so and leads to the job's health", async ({
  page,
  request,
}) => {
  const job = await findJob(request, TAILSPIN);
  await page.goto(provisionPath(job));
  const notice = page.getByRole("alert").filter({ hasText: "In quarantine" });
  await expect(notice).toContainText("SCIM credentials rejected");
  await notice.getByRole("link", { name: "Job health" }).click();
  await expect(page).toHaveURL(new RegExp(`${encodeURIComponent(job.jobId).replace(/\./g, "\\.")}/health$`));
});

test("a double click on the confirmation acts once; Escape cancels and nothing is sent", async ({
  page,
  request,
}) => {
  const job = await findJob(request, TAILSPIN);
  const before = await timelineLength(request, job);
  await page.goto(healthPath(job));
  const button = page.getByRole("button", { name: "Test connection" });
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  await page.getByRole("dialog").getByRole("button", { name: "Test connection" }).dblclick();
  await expect(result(page)).toContainText("Test connection failed");
  await expect.poll(() => timelineLength(request, job)).toBe(before + 1);
  await page.waitForTimeout(500);
  expect(await timelineLength(request, job)).toBe(before + 1);
});

test("a Full restart needs the application's name typed exactly", async ({ page, request }) => {
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(healthPath(job));
  await page.getByRole("button", { name: "Restart…" }).click();
  const dialog = page.getByRole("dialog", { name: "Restart the job?" });
  await dialog.getByRole("radio", { name: /^Full/ }).check();
  const confirm = dialog.getByRole("button", { name: "Restart", exact: true });
  await expect(confirm).toBeDisabled();
  const typed = dialog.getByLabel(`Type ${APPS.hrPortal} to confirm`);
  await typed.pressSequentially(APPS.hrPortal.toLowerCase(), { delay: 40 });
  await expect(confirm).toBeDisabled();
  await expect(dialog).toContainText("capitals count");
  await typed.fill(APPS.hrPortal);
  await expect(confirm).toBeEnabled();
  // Another scope forgets what was typed; coming back asks again.
  await dialog.getByRole("radio", { name: /^Watermark/ }).check();
  await dialog.getByRole("radio", { name: /^Push held-back deletions/ }).check();
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${APPS.hrPortal} to confirm`).fill(APPS.hrPortal);
  await confirm.click();
  await expect(result(page)).toContainText("Restarted (Push held-back deletions). The job is now Active.");
});

test("pause keeps on-demand working and says so on the provision page; start resumes, the focus stays on the button", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(healthPath(job));
  await page.getByRole("button", { name: "Pause" }).click();
  await confirmDialog(page, "Pause");
  await expect(result(page)).toContainText("Paused. The job is now Paused.");
  const start = page.getByRole("button", { name: "Start", exact: true });
  await expect(start).toBeVisible();
  await expect(start).toBeFocused();

  await page.goto(provisionPath(job));
  await expect(page.getByRole("alert").filter({ hasText: "This job is paused" })).toContainText(
    "Provisioning on demand still works here",
  );
  await page.goBack();
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await confirmDialog(page, "Start");
  await expect(result(page)).toContainText("Started. The job is now Active.");
  await expect(page.getByRole("button", { name: "Pause" })).toBeFocused();
});

test("a hand-edited link to a job the app does not have says so and offers no actions", async ({
  page,
  request,
}) => {
  const job = await findJob(request, TAILSPIN);
  await page.goto(healthPath({ ...job, jobId: "scim.no-such-job" }));
  await expect(page.getByText(/has no job with the id scim\.no-such-job/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Test connection" })).toHaveCount(0);
});

/** Elements of the page's main content that reach past the window's right edge. */
function overflowing(page: Page, width: number): Promise<string[]> {
  return page.evaluate(
    (edge) =>
      [...document.querySelectorAll("main *")]
        .filter((element) => element.getBoundingClientRect().right > edge + 1)
        .map((element) => `${element.tagName} ${(element.textContent ?? "").slice(0, 40)}`),
    width,
  );
}

test("in a narrow window the actions and the timeline wrap, nothing in the page scrolls sideways, and it passes axe", async ({
  page,
  request,
}) => {
  const job = await findJob(request, TAILSPIN);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(healthPath(job));
  await page.getByRole("button", { name: "Test connection" }).click();
  await confirmDialog(page, "Test connection");
  await expect(result(page)).toContainText("Test connection failed");
  await expect(page.getByRole("list", { name: "Actions on this job, newest first" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start", exact: true })).toBeVisible();
  expect(await overflowing(page, 390)).toEqual([]);
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("button", { name: "Restart…" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
