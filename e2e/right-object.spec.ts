import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  ADELE,
  APPS,
  findJob,
  MEGAN,
  provisionPath,
  resetDemoTenant,
  SALES_TEAM_EMEA,
} from "./demo-fixtures";

// The pickers can only select what matches what was typed (issue 12, problem 1): typed as a person
// types (80 ms a key) and as fast as a keyboard goes, picked by a click on the first row, by ↓ and
// Enter pressed before the answer is in, and by a click while the search is still on its way.

test.beforeEach(async ({ request }) => {
  await resetDemoTenant(request);
});

const userBox = (page: Page) => page.getByRole("combobox", { name: "User", exact: true });
const groupBox = (page: Page) => page.getByRole("combobox", { name: "Group", exact: true });
const membersBox = (page: Page) =>
  page.getByRole("combobox", { name: "Members to provision with the group" });
/** The line under the subject's box that names what is chosen (the demo panel has a picker of its own). */
const selected = (page: Page, text: string) => page.locator("#subject-panel").getByText(`Selected: ${text}`);

/** The provision page of the HR Portal, live (its rule has arrived, so typing is not lost to hydration). */
async function openHrPortal(page: Page, query = "") {
  const job = await findJob(page.request, APPS.hrPortal);
  await page.goto(provisionPath(job, query));
  await expect(page.getByText("USERGROUP_OUTBOUND_USERGROUP")).toBeVisible();
  return job;
}

/** Opens the list as it is before anything is typed: the directory's first users, none of them the one wanted. */
async function openUnfilteredList(page: Page, box: Locator) {
  await box.click();
  await expect(page.getByRole("listbox").getByRole("option").first()).toBeVisible();
  await expect(page.getByRole("option", { name: /Julia Dubois|Jack Hill/ }).first()).toBeVisible();
}

/** Holds the answers to searches for `text` until released, to click and press keys while they are on their way. */
async function holdSearch(page: Page, path: RegExp) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(path, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test("typing adele with human delays and clicking the first row selects Adele Vance", async ({ page }) => {
  await openHrPortal(page);
  const box = userBox(page);
  await openUnfilteredList(page, box);
  await box.pressSequentially("adele", { delay: 80 });
  await page.getByRole("listbox").getByRole("option").first().click();
  await expect(box).toHaveValue(ADELE.name);
  await expect(page).toHaveURL(new RegExp(`user=${ADELE.id}`));
  await expect(selected(page, `${ADELE.name} · ${ADELE.upn}`)).toBeVisible();
  await expect(page.locator("#provision-readiness")).toContainText(`Provisions ${ADELE.name} (${ADELE.upn})`);
});

for (const [how, delay] of [
  ["with human delays", 80],
  ["fast", 0],
] as const) {
  test(`typing megan ${how}, then ↓ and Enter at once, selects Megan, never whoever was listed before`, async ({
    page,
  }) => {
    await openHrPortal(page);
    const box = userBox(page);
    await openUnfilteredList(page, box);
    await box.pressSequentially("megan", { delay });
    // No wait: the keys land before the search for "megan" has answered.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(box).toHaveValue(MEGAN.name);
    await expect(page).toHaveURL(new RegExp(`user=${MEGAN.id}`));
    await expect(selected(page, MEGAN.name)).toBeVisible();
  });
}

test("a click while the search is on its way selects nothing; the list says Searching…", async ({ page }) => {
  await openHrPortal(page);
  const box = userBox(page);
  await openUnfilteredList(page, box);
  const firstRow = (await page.getByRole("listbox").getByRole("option").first().boundingBox())!;
  const release = await holdSearch(page, /\/api\/directory\/users\?search=megan$/);

  await box.pressSequentially("megan");
  await expect(page.getByText("Searching…")).toBeVisible();
  await expect(page.getByRole("listbox").getByRole("option")).toHaveCount(0);
  // Where the first unfiltered user was listed a moment ago.
  await page.mouse.click(firstRow.x + firstRow.width / 2, firstRow.y + firstRow.height / 2);
  await expect(box).not.toHaveValue(/Julia Dubois|Jack Hill/);
  expect(new URL(page.url()).searchParams.get("user")).toBeNull();
  await expect(page.locator("#subject-panel").getByText(/^Selected:/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Provision", exact: true })).toBeDisabled();

  release();
  await box.click();
  await box.fill("megan");
  await page.getByRole("option", { name: new RegExp(MEGAN.name) }).click();
  await expect(box).toHaveValue(MEGAN.name);
});

test("the chosen user is named apart from the suggestions, which are only what matches the new text", async ({
  page,
}) => {
  await openHrPortal(page, `kind=user&user=${ADELE.id}`);
  const box = userBox(page);
  await expect(box).toHaveValue(ADELE.name);
  await box.click();
  await box.press("ControlOrMeta+a");
  await box.pressSequentially("meg", { delay: 80 });
  await expect(page.getByRole("option", { name: new RegExp(MEGAN.name) })).toBeVisible();
  await expect(page.getByRole("option", { name: new RegExp(ADELE.name) })).toHaveCount(0);
  await expect(selected(page, ADELE.name)).toBeVisible();
  // Leaving the box without a pick keeps the chosen user, and says so.
  await page.keyboard.press("Escape");
  await page.getByRole("heading", { name: "2. What to provision" }).click();
  await expect(box).toHaveValue(ADELE.name);
  await expect(page).toHaveURL(new RegExp(`user=${ADELE.id}`));
});

test("groups: the first row for what was typed, ↓ and Enter before the answer, and a click in flight", async ({
  page,
}) => {
  await openHrPortal(page);
  await page.getByRole("tab", { name: "Group" }).click();
  const box = groupBox(page);

  await box.click();
  await box.pressSequentially("sales team emea", { delay: 80 });
  await page.getByRole("listbox").getByRole("option").first().click();
  await expect(box).toHaveValue(SALES_TEAM_EMEA.name);
  await expect(page).toHaveURL(new RegExp(`group=${SALES_TEAM_EMEA.id}`));

  await box.click();
  await box.press("ControlOrMeta+a");
  await box.pressSequentially("sales team ap");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue("Sales Team APAC");

  const release = await holdSearch(page, /\/api\/directory\/groups\?search=sales\+team\+am$/);
  await box.click();
  await box.press("ControlOrMeta+a");
  await box.pressSequentially("sales team am");
  await expect(page.getByText("Searching…")).toBeVisible();
  await page.getByText("Searching…").click();
  await expect(box).not.toHaveValue("Sales Team Americas");
  await expect(selected(page, "Sales Team APAC")).toBeVisible();
  release();
  await box.click();
  await box.fill("sales team am");
  await page.getByRole("option", { name: "Sales Team Americas" }).click();
  await expect(box).toHaveValue("Sales Team Americas");
});

test("members: ↓ and Enter before the answer adds the member typed; a click in flight adds nobody", async ({
  page,
}) => {
  await openHrPortal(page, `kind=group&group=${SALES_TEAM_EMEA.id}`);
  await expect(groupBox(page)).toHaveValue(SALES_TEAM_EMEA.name);
  const box = membersBox(page);

  await box.click();
  await expect(page.getByRole("listbox").getByRole("option").first()).toBeVisible();
  await box.pressSequentially("meg");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: MEGAN.name })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`members=${MEGAN.id}$`));

  const [lynne] = SALES_TEAM_EMEA.members;
  const release = await holdSearch(page, /\/api\/directory\/groups\/[^/]+\/members\?search=lyn$/);
  await box.press("ControlOrMeta+a");
  await box.pressSequentially("lyn", { delay: 80 });
  await expect(page.getByText("Searching the group's members…")).toBeVisible();
  await page.getByText("Searching the group's members…").click();
  await expect(page.getByText("1 of at most 5 members picked.")).toBeVisible();
  release();
  await box.click();
  await box.fill("lyn");
  await page.getByRole("listbox").getByRole("option").first().click();
  await expect(page.getByRole("button", { name: lynne!.name })).toBeVisible();
  await expect(page.getByText("2 of at most 5 members picked.")).toBeVisible();
  await expect(page.locator("#provision-readiness")).toContainText(`${SALES_TEAM_EMEA.name} with 2 members`);
});

test("on a narrow window the picker, its suggestions and the chosen user fit, and Enter still waits", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openHrPortal(page);
  const box = userBox(page);
  await box.click();
  await box.pressSequentially("megan", { delay: 80 });
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue(MEGAN.name);
  const line = selected(page, MEGAN.name);
  await expect(line).toBeVisible();
  for (const part of [line, box, page.locator("#provision-readiness")]) {
    const bounds = (await part.boundingBox())!;
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(360);
  }
  await box.click();
  await box.press("ControlOrMeta+a");
  await box.pressSequentially("adele", { delay: 80 });
  const option = page.getByRole("option", { name: new RegExp(ADELE.name) });
  const optionBounds = (await option.boundingBox())!;
  expect(optionBounds.x + optionBounds.width).toBeLessThanOrEqual(360);
  await option.click();
  await expect(selected(page, ADELE.name)).toBeVisible();
});
