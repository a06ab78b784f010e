import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { resetDemoTenant } from "./demo-fixtures";

// The guided demo as a presenter gives it: every story set up from its button, in the order the
// panel lists them and then some again out of order, each run checked against what the panel promised.

interface Scenario {
  id: string;
  title: string;
  promise: string;
  expected: { outcome: "Success" | "Skipped" | "Failure"; action: string | null; reason: string | null };
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The value of one row of the result's summary ("Outcome", "Action", …). */
function summary(page: Page, fact: string) {
  return page.locator("dt", { hasText: new RegExp(`^${fact}$`) }).locator("xpath=following-sibling::dd[1]");
}

const card = (page: Page, title: string) =>
  page.getByRole("region", { name: new RegExp(`^\\d+\\. ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) });

/** From the Demo scenarios page: set the story up, land on its provision page, provision, check. */
async function tellStory(page: Page, scenario: Scenario) {
  const story = card(page, scenario.title);
  await expect(story).toContainText(scenario.promise);
  await story.getByRole("button", { name: "Set up and open" }).click();

  await expect(page.getByRole("heading", { name: "Provision on demand", level: 1 })).toBeVisible();
  const banner = page.getByRole("region", { name: `Demo scenario: ${scenario.title}` });
  await expect(banner).toContainText(scenario.promise);
  const provision = page.getByRole("button", { name: "Provision", exact: true });
  await expect(provision).toBeEnabled();
  await provision.click();
  await expectPromisedResult(page, scenario);
}

async function expectPromisedResult(page: Page, scenario: Scenario, expected = scenario.expected) {
  const shown = page.getByRole("region", { name: "The run shown" });
  await expect(shown.getByRole("status").filter({ hasText: /^Done:/ })).toBeVisible({ timeout: 30_000 });
  await expect(summary(page, "Outcome"), scenario.id).toContainText(expected.outcome);
  if (expected.action) await expect(summary(page, "Action"), scenario.id).toHaveText(expected.action);
  if (expected.reason) await expect(shown.getByText(expected.reason).first(), scenario.id).toBeVisible();
}

async function backToScenarios(page: Page, title: string) {
  await page
    .getByRole("region", { name: `Demo scenario: ${title}` })
    .getByRole("link", { name: "All demo scenarios" })
    .click();
  await expect(page.getByRole("heading", { name: "Demo scenarios", level: 1 })).toBeVisible();
}

test("every demo scenario, set up from its button, gives the outcome its card promises, in any order", async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  await page.emulateMedia({ colorScheme: "light" });
  await resetDemoTenant(request);
  const answer = await request.get("/api/demo/scenarios");
  expect(answer.status()).toBe(200);
  const scenarios = ((await answer.json()) as { value: Scenario[] }).value;
  expect(scenarios.map((s) => s.title)).toEqual([
    "Create",
    "Update",
    "Skip: already in sync",
    "Skip: not assigned",
    "Skip: out of scope",
    "Disable",
    "Target failure",
    "Group with members",
    "Cloud Sync from AD",
    "Cloud Sync: a change in AD",
    "Quarantine and its repair",
  ]);

  // Found from the home page, as a presenter would find it.
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Demo scenarios" }).click();
  await expect(page.getByRole("heading", { name: "Demo scenarios", level: 1 })).toBeVisible();
  const list = page.getByRole("list", { name: "Demo scenarios" });
  await expect(list.getByRole("region")).toHaveCount(scenarios.length);
  // Names, never ids, on the panel.
  expect(await list.innerText()).not.toMatch(GUID);
  await expect(card(page, "Skip: not assigned")).toContainText(
    "Isaiah Langer is not assigned to Contoso HR Portal (SCIM)",
  );
  await expectNoSeriousAxeViolations(page);

  const byId = new Map(scenarios.map((s) => [s.id, s]));
  // The panel's order, then stories that undo each other's set-up, out of order.
  const order = [
    ...scenarios.filter((s) => s.id !== "quarantine").map((s) => s.id),
    "update",
    "create",
    "already-in-sync",
    "disable",
  ];
  for (const id of order) {
    const scenario = byId.get(id)!;
    await tellStory(page, scenario);
    await backToScenarios(page, scenario.title);
  }

  // The quarantine, then its repair as the banner tells it.
  const quarantine = byId.get("quarantine")!;
  await tellStory(page, quarantine);
  const banner = page.getByRole("region", { name: `Demo scenario: ${quarantine.title}` });
  await banner.getByRole("link", { name: "Job health" }).click();
  await expect(page.getByRole("heading", { name: "Job health", level: 1 })).toBeVisible();
  const token = "demo-scenario-token";
  await page.getByRole("button", { name: /the app's side of the token/ }).click();
  await page.getByLabel("New token at the app").pressSequentially(token, { delay: 30 });
  await page.getByRole("button", { name: "Issue at the app" }).click();
  await page.getByRole("button", { name: "Update the secret token…" }).click();
  const dialog = page.getByRole("dialog", { name: "Update the secret token and test it" });
  await dialog.getByLabel("New secret token").fill(token);
  await dialog.getByLabel("New secret token").press("Enter");
  await expect(dialog).toBeHidden();
  const actions = page.getByRole("region", { name: "Actions" }).getByRole("alert");
  await expect(actions).toContainText("The secret token was saved and Test connection succeeded.");
  await page.getByRole("button", { name: "Restart…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Restart", exact: true }).click();
  await expect(actions).toContainText("The job is now Active.");
  await page
    .getByRole("region", { name: `Demo scenario: ${quarantine.title}` })
    .getByRole("link", { name: "Back to Provision on demand" })
    .click();
  await page.getByRole("button", { name: "Provision", exact: true }).click();
  await expectPromisedResult(page, quarantine, { outcome: "Success", action: "Create", reason: null });

  // Pressed again, the quarantine is back, whatever the repair left.
  await backToScenarios(page, quarantine.title);
  await tellStory(page, quarantine);
});

test("presenter mode hides ids and enlarges the result, and is remembered", async ({ page, request }) => {
  // Projectors are often dark rooms: this walk is in the dark scheme, the other in the light one.
  await page.emulateMedia({ colorScheme: "dark" });
  await resetDemoTenant(request);
  await page.goto("/demo");
  await card(page, "Target failure").getByRole("button", { name: "Set up and open" }).click();
  await page.getByRole("button", { name: "Provision", exact: true }).click();
  const shown = page.getByRole("region", { name: "The run shown" });
  await expect(shown.getByRole("status").filter({ hasText: /^Done:/ })).toBeVisible();
  const requestId = page.locator("dt", { hasText: /^Graph request id$/ });
  await expect(requestId).toBeVisible();
  const jobId = page.getByText(/^Job scim\./);
  await expect(jobId).toBeVisible();
  const outcomeName = page.locator("dt", { hasText: /^Outcome$/ });
  const normalHeight = (await outcomeName.boundingBox())!.height;

  const toggle = page.getByRole("button", { name: "Presenter mode" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(requestId).toBeHidden();
  await expect(jobId).toBeHidden();
  await expect(summary(page, "Outcome")).toContainText("Failure");
  // The result's text is a size larger for the back row.
  expect((await outcomeName.boundingBox())!.height).toBeGreaterThan(normalHeight * 1.2);
  expect(await shown.innerText()).not.toMatch(GUID);
  await expectNoSeriousAxeViolations(page);

  // Remembered: a reload starts in presenter mode, the ids hidden from the first paint.
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.getAttribute("data-presenter"))).toBe("on");
  await expect(page.getByRole("button", { name: "Presenter mode" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(/^Job scim\./)).toBeHidden();
  // On the person's page too: a fact that is only an id goes, with its name.
  await page.getByRole("search", { name: "People" }).getByRole("combobox").pressSequentially("Pradeep", {
    delay: 30,
  });
  await page.getByRole("option", { name: /Pradeep Gupta/ }).click();
  await expect(page.getByRole("heading", { name: "Pradeep Gupta", level: 1 })).toBeVisible();
  await expect(page.locator("dt", { hasText: /^Object id$/ })).toBeHidden();

  await page.getByRole("button", { name: "Presenter mode" }).press("Enter");
  await expect(page.locator("dt", { hasText: /^Object id$/ })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("button", { name: "Presenter mode" })).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByText(/^Job scim\./)).toBeVisible();
});

test("on the Cloud Sync job the demo panel changes the AD user, and provision by DN carries it to Entra ID", async ({
  page,
  request,
}) => {
  await resetDemoTenant(request);
  await page.goto("/demo");
  await card(page, "Cloud Sync: a change in AD").getByRole("button", { name: "Set up and open" }).click();
  await page.getByRole("button", { name: /^Demo tenant/ }).click();
  await expect(page.getByRole("textbox", { name: "AD user to change (distinguished name)" })).toHaveValue(
    /^CN=Adele Vance,/,
  );
  await page
    .getByRole("combobox", { name: "AD attribute" })
    .selectOption({ label: "Department (department)" });
  await page.getByRole("textbox", { name: "New value in AD" }).pressSequentially("Retail", { delay: 30 });
  await page.getByRole("textbox", { name: "New value in AD" }).press("Enter");
  await expect(page.getByText(/Adele Vance's department in Active Directory is now "Retail"/)).toBeVisible();

  await page.getByRole("button", { name: "Provision", exact: true }).click();
  const shown = page.getByRole("region", { name: "The run shown" });
  await expect(shown.getByRole("status").filter({ hasText: /^Done:/ })).toBeVisible();
  await expect(summary(page, "Action")).toHaveText("Update");
  const department = shown
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Department" }) });
  await expect(department).toContainText("Retail");
});
