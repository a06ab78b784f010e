import { expect, test, type Page, type Request } from "@playwright/test";
import { ADELE_DN, APPS, findJob, PATTI_DN, provisionPath, resetDemoTenant } from "./demo-fixtures";

// The Cloud Sync form sends the DN it shows (issue 12, problem 2): typed and provisioned at once,
// provisioned with Enter, looked up by name in the demo forest, checked as it is typed.

test.beforeEach(async ({ request }) => {
  await resetDemoTenant(request);
});

const dnBox = (page: Page) => page.getByLabel("Distinguished name", { exact: true });
const provisionButton = (page: Page) => page.getByRole("button", { name: "Provision", exact: true });

/** The Cloud Sync job's provision page, live (its rule has arrived). */
async function openCloudSync(page: Page, query = "") {
  const job = await findJob(page.request, APPS.cloudSync);
  await page.goto(provisionPath(job, query));
  await expect(page.getByText("AD2AADProvisioning").first()).toBeVisible();
  return job;
}

/** The DN the next run request carries. */
function sentDistinguishedName(page: Page): Promise<string> {
  return page
    .waitForRequest(
      (request: Request) => request.method() === "POST" && new URL(request.url()).pathname === "/api/runs",
    )
    .then(
      (request) =>
        (request.postDataJSON() as { subject: { distinguishedName: string } }).subject.distinguishedName,
    );
}

async function runFinished(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /^Done:/ })).toBeVisible({ timeout: 30_000 });
}

test("a DN typed over the link's and provisioned at once is the DN sent, never the previous one", async ({
  page,
}) => {
  await openCloudSync(page, `kind=onPremisesUser&dn=${encodeURIComponent(ADELE_DN)}`);
  const box = dnBox(page);
  await expect(box).toHaveValue(ADELE_DN);

  const sent = sentDistinguishedName(page);
  await box.fill(PATTI_DN);
  await provisionButton(page).click();
  expect(await sent).toBe(PATTI_DN);
  await runFinished(page);
  await expect(page).toHaveURL(new RegExp(`dn=${encodeURIComponent(PATTI_DN).replaceAll("(", "\\(")}`));
});

test("Enter provisions the DN in the box, typed as a person types", async ({ page }) => {
  await openCloudSync(page);
  const box = dnBox(page);
  await box.click();
  const sent = sentDistinguishedName(page);
  await box.pressSequentially(PATTI_DN, { delay: 20 });
  await box.press("Enter");
  expect(await sent).toBe(PATTI_DN);
  await runFinished(page);
});

test("the placeholder's example is a user the demo forest has: provisioning it creates her", async ({
  page,
}) => {
  await openCloudSync(page);
  const example = await dnBox(page).getAttribute("placeholder");
  expect(example).toBe(PATTI_DN);
  await dnBox(page).fill(example!);
  await provisionButton(page).click();
  await runFinished(page);
  const summary = page.locator("dt", { hasText: /^Action$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(summary).toHaveText("Create");
});

test("a name typed with human delays finds the user in the demo forest; the pick puts their DN in the box", async ({
  page,
}) => {
  await openCloudSync(page);
  const box = dnBox(page);
  await box.click();
  await box.pressSequentially("patti fer", { delay: 80 });
  await expect(page.getByText("Searching the demo forest by name")).toBeVisible();
  const option = page.getByRole("option", { name: /Patti Fernandez/ });
  await expect(option).toContainText("only in Active Directory");
  await expect(option).toContainText(PATTI_DN);
  await option.click();
  await expect(box).toHaveValue(PATTI_DN);

  await box.fill("adele vance");
  await expect(page.getByRole("option", { name: /Adele Vance/ })).toContainText("already in Entra ID");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue(ADELE_DN);
  await expect(provisionButton(page)).toBeEnabled();
});

test("the DN is checked at each keystroke, without leaving the box, and Enter on a bad one sends nothing", async ({
  page,
}) => {
  await openCloudSync(page);
  const box = dnBox(page);
  let runsPosted = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/runs") runsPosted += 1;
  });
  await box.click();
  await box.pressSequentially("CN=Patti Fernandez,,DC=corp", { delay: 30 });
  await expect(
    page.getByRole("alert").filter({ hasText: "Part 2 of the distinguished name is empty" }),
  ).toBeVisible();
  await expect(box).toBeFocused();
  await expect(provisionButton(page)).toBeDisabled();
  await box.press("Enter");
  await page.waitForTimeout(500);
  expect(runsPosted).toBe(0);
});
