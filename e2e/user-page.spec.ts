import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { ADELE, APPS, PRADEEP, resetDemoTenant } from "./demo-fixtures";

// A help-desk ticket about one person: find them from the app bar, see every application that
// provisions them and why, read what the provisioning service did in the last days, and act.

const MEGAN = { id: "5930e14b-a8eb-4fb8-8dce-f64882db733d", name: "Megan Bowen", upn: "MeganB@contoso.com" };

test.beforeEach(async ({ request }) => {
  await resetDemoTenant(request);
});

function searchBox(page: Page) {
  return page.getByRole("search", { name: "People" }).getByRole("combobox", { name: "Find a person" });
}

function appCard(page: Page, name: string) {
  return page.getByRole("article", { name });
}

/** The value of one fact of an event's summary ("Started by", "Action", …). */
function fact(page: Page, term: string) {
  return page.locator("dt", { hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");
}

function logTable(page: Page) {
  return page.getByRole("table", { name: /Provisioning events for this user/ });
}

async function axeInBothSchemes(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousAxeViolations(page);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("search by part of the name, read the last days, open an event, provision on demand: the run joins its log entry", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await searchBox(page).pressSequentially("megan bo", { delay: 80 });
  await page.getByRole("option", { name: new RegExp(MEGAN.name) }).click();
  await expect(page).toHaveURL(`/users/${MEGAN.id}`);
  await expect(page.getByRole("heading", { level: 1, name: MEGAN.name })).toBeVisible();
  await expect(page.getByRole("list", { name: "Account state" })).toContainText("Enabled");

  const hr = appCard(page, APPS.hrPortal);
  await expect(hr).toContainText("Assigned through group Sales Team EMEA");
  await expect(appCard(page, "Contoso Learning Hub")).toContainText("Assigned through group Sales Team EMEA");
  await expect(hr).toContainText("Scheduled cycle");
  await expect(hr).toContainText("Already in sync");

  // The log of the last days: created three days ago, her title updated yesterday, in sync this morning.
  const rows = logTable(page).getByRole("row");
  await expect(rows.filter({ hasText: "Create" }).first()).toBeVisible();
  const times = await logTable(page).locator("tbody tr td:first-child").allTextContents();
  const parsed = times.map((text) => Date.parse(text));
  expect(parsed.every((time) => Date.now() - time < 4 * 86_400_000)).toBe(true);
  expect(parsed).toEqual([...parsed].sort((a, b) => b - a));
  await axeInBothSchemes(page);

  const update = rows.filter({ hasText: "Update" }).first();
  await update.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/users/${MEGAN.id}/events/`));
  await expect(page.getByRole("heading", { level: 1, name: /^Update · / })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Steps" })).toBeVisible();
  const title = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "title", exact: true }) });
  await expect(title).toContainText("Content Writer");
  await expect(title).toContainText("Content Strategist");
  await expect(page.getByText("None: the provisioning service's own cycle made this change.")).toBeVisible();
  await axeInBothSchemes(page);

  await page.getByRole("link", { name: MEGAN.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: MEGAN.name })).toBeVisible();
  await hr
    .getByRole("button", { name: /^Provision on demand with SCIM provisioning in Contoso HR Portal/ })
    .click();
  await expect(hr.getByRole("status").filter({ hasText: "Success" })).toBeVisible({ timeout: 30_000 });
  await expect(hr).toContainText("Create by");
  const entryLink = hr.getByRole("link", { name: "Its provisioning-log entry" });
  await expect(entryLink).toBeVisible();
  await expect(hr).toContainText("Provision on demand ·");
  await expect(logTable(page).getByRole("row").nth(1)).toContainText("Provision on demand");
  await expect(
    logTable(page).getByRole("row").nth(1).getByRole("link", { name: "Console run" }),
  ).toBeVisible();

  await entryLink.click();
  await expect(page.getByRole("heading", { level: 1, name: /^Create · / })).toBeVisible();
  await expect(fact(page, "Started by")).toHaveText("Provision on demand");
  await page.getByRole("link", { name: /The console run of this change/ }).click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  await page.getByRole("link", { name: "The provisioning-log entry of this change" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Create · / })).toBeVisible();
});

test("Cloud Sync for an on-premises user: the AD account's events, and a run by distinguished name joined to its entry", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto("/runs");
  await searchBox(page).fill("Adele");
  await page.getByRole("option", { name: new RegExp(ADELE.name) }).click();
  await expect(page.getByRole("heading", { level: 1, name: ADELE.name })).toBeVisible();
  await expect(page.getByRole("list", { name: "Account state" })).toContainText("Synced from on-premises AD");

  const sync = appCard(page, APPS.cloudSync);
  await expect(sync).toContainText("Cloud Sync of the user's Active Directory account");
  await expect(sync).toContainText("Scheduled cycle");
  await page.getByRole("combobox", { name: "Application" }).selectOption({ label: APPS.cloudSync });
  await expect(page).toHaveURL(/app=/);
  const rows = logTable(page).getByRole("row");
  await expect(rows.nth(1)).toContainText(APPS.cloudSync);
  await expect(
    rows.filter({ hasNotText: APPS.cloudSync }).filter({ has: page.getByRole("cell") }),
  ).toHaveCount(0);

  await sync.getByRole("button", { name: /^Provision on demand with Cloud Sync/ }).click();
  await expect(sync.getByRole("status").filter({ hasText: /Success|Skipped/ })).toBeVisible({
    timeout: 30_000,
  });
  await sync.getByRole("link", { name: "Its provisioning-log entry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ADELE.upn);
  await expect(fact(page, "Started by")).toHaveText("Provision on demand");
  await expect(page.getByRole("link", { name: /The console run of this change/ })).toBeVisible();
  await page.getByRole("button", { name: /^Details \(\d+\) of step 1, Import/ }).click();
  await expect(page.getByRole("cell", { name: /^CN=Adele Vance,/ }).first()).toBeVisible();
});

test("retry the failures waiting on one job: one bulk run of exactly those objects", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/users/${PRADEEP.id}`);
  const northwind = appCard(page, APPS.northwind);
  await expect(northwind).toContainText("Assigned directly");
  await expect(northwind).toContainText("SCIM endpoint rejected the request");
  const jobs = (await (await request.get("/api/service-principals?search=Northwind")).json()) as {
    items: { id: string }[];
  };
  const spId = jobs.items[0]!.id;
  const jobId = (
    (await (await request.get(`/api/service-principals/${spId}/jobs`)).json()) as { items: { id: string }[] }
  ).items[0]!.id;
  const waiting = (await (
    await request.get(`/api/service-principals/${spId}/jobs/${encodeURIComponent(jobId)}/failures`)
  ).json()) as { items: { label: string; subject: { objectId: string } | null }[] };
  expect(waiting.items.length).toBeGreaterThanOrEqual(2);

  const toggle = northwind.getByRole("button", {
    name: `${waiting.items.length} failures waiting on this job`,
  });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const table = northwind.getByRole("table", { name: /Objects whose latest event on this job failed/ });
  await expect(table.getByRole("row")).toHaveCount(waiting.items.length + 1);
  await expect(table).toContainText(PRADEEP.name);
  await axeInBothSchemes(page);

  await northwind.getByRole("button", { name: /^Retry the \d+ failures waiting on/ }).click();
  await expect(page).toHaveURL(/\/bulk\/[^/?]+$/);
  const bulkId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  await expect(page.getByRole("progressbar", { name: "Bulk run progress" })).toHaveAttribute(
    "aria-valuetext",
    `${waiting.items.length} of ${waiting.items.length} done`,
    { timeout: 45_000 },
  );
  const items = (await (await request.get(`/api/bulk-runs/${bulkId}/items?limit=500`)).json()) as {
    items: { subject: { objectId: string } }[];
  };
  expect(items.items.map((item) => item.subject.objectId).sort()).toEqual(
    waiting.items.map((item) => item.subject!.objectId).sort(),
  );
  const runs = (await (await request.get("/api/bulk-runs")).json()) as { items: { id: string }[] };
  expect(runs.items.filter((run) => run.id === bulkId)).toHaveLength(1);
});

test("Enter on an address, on a still-running search, a hand-edited link and a narrow window", async ({
  page,
}) => {
  await page.goto("/audit");
  await searchBox(page).fill(MEGAN.upn);
  await searchBox(page).press("Enter");
  await expect(page).toHaveURL(`/users/${encodeURIComponent(MEGAN.upn)}`);
  await expect(page.getByRole("heading", { level: 1, name: MEGAN.name })).toBeVisible();

  // Typed fast and sent at once: the search is still in flight, and the only match opens.
  await searchBox(page).pressSequentially("Pradeep G");
  await searchBox(page).press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: PRADEEP.name })).toBeVisible();

  await searchBox(page).pressSequentially("zzzz-nobody", { delay: 80 });
  await searchBox(page).press("Enter");
  await expect(page.getByRole("banner").getByRole("status")).toHaveText("No user matches “zzzz-nobody”.");
  await expect(page.getByRole("heading", { level: 1, name: PRADEEP.name })).toBeVisible();

  await page.goto("/users/nobody.here@contoso.com");
  await expect(page.getByRole("heading", { level: 1, name: "No such user" })).toBeVisible();
  await expect(page.getByText(/nobody\.here@contoso\.com/)).toBeVisible();

  await page.goto(`/users/${MEGAN.id}?app=not-an-app&failures=1`);
  await expect(
    page.getByText(/which does not provision this user; all applications are shown/),
  ).toBeVisible();
  await expect(page.getByRole("switch", { name: "Failures only" })).toBeChecked();
  await expect(page.getByText("No events that failed for this user.", { exact: false })).toBeVisible();

  await page.goto(`/users/${MEGAN.id}/events/not-an-event`);
  await expect(page.getByRole("heading", { level: 1, name: "No such provisioning event" })).toBeVisible();

  await page.setViewportSize({ width: 380, height: 800 });
  await page.goto(`/users/${MEGAN.id}`);
  await expect(page.getByRole("heading", { level: 1, name: MEGAN.name })).toBeVisible();
  // A narrow window keeps the search in the app bar's menu.
  await page.getByRole("button", { name: "Open navigation" }).click();
  await expect(searchBox(page)).toBeVisible();
  await page.keyboard.press("Escape");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  const provision = appCard(page, APPS.hrPortal).getByRole("button", { name: /^Provision on demand with/ });
  await provision.scrollIntoViewIfNeeded();
  await expect(provision).toBeInViewport();
  const box = await provision.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(380);
});

test("the box takes every key from the first, at machine speed and by keyboard only, while its suggestions load", async ({
  page,
}) => {
  for (const how of ["keyboard focus, no delay", "click, 20 ms per key"] as const) {
    await page.goto("/runs");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    if (how === "keyboard focus, no delay") {
      await searchBox(page).focus(); // no pointer ever came near: the suggestions load on focus
      await page.keyboard.type("megan bo");
    } else {
      await searchBox(page).click();
      await page.keyboard.type("megan bo", { delay: 20 });
    }
    await expect(searchBox(page), how).toHaveValue("megan bo");
    await expect(searchBox(page), how).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: MEGAN.name }), how).toBeVisible();
  }
});
