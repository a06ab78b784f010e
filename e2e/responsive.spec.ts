import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { ADELE, resetDemoTenant } from "./demo-fixtures";
import { consoleApiOf, consolePages, type ConsolePage } from "./page-weight";

// Every page from a phone to a wide screen, in both schemes: the page never scrolls sideways (a
// wide table scrolls inside itself), the app bar stays one row, and axe finds nothing serious.

const PHONE = { width: 360, height: 740 };
const TABLET = { width: 1024, height: 768 };
const DESKTOP = { width: 1440, height: 900 };

let pages: ConsolePage[] = [];

test.beforeAll(async ({ request }) => {
  test.setTimeout(60_000);
  await resetDemoTenant(request);
  pages = [
    ...(await consolePages(consoleApiOf(request))),
    { name: "demo scenarios", path: "/demo" },
    { name: "not found", path: "/no-such-page" },
  ];
  // The bulk run page is read once its one item is done, so it does not change under axe.
  const bulk = pages
    .find((p) => p.name === "bulk run")!
    .path.split("/")
    .pop()!;
  await expect
    .poll(
      async () => ((await (await request.get(`/api/bulk-runs/${bulk}`)).json()) as { status: string }).status,
    )
    .toBe("completed");
});

/**
 * Nothing when the page is no wider than the window; else how wide it is and what makes it so:
 * the element whose hiding narrows the page most, followed down to the deepest one that still does.
 */
function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const viewport = window.innerWidth;
    if (root.scrollWidth <= viewport) return [];
    const widthWithout = (element: HTMLElement) => {
      const display = element.style.display;
      element.style.display = "none";
      const width = root.scrollWidth;
      element.style.display = display;
      return width;
    };
    const describe = (element: Element) => {
      const classes = [...element.classList].filter((name) => !name.startsWith("mui-")).slice(0, 3);
      const text = (element.textContent ?? "").trim().slice(0, 60);
      return `<${element.tagName.toLowerCase()}${classes.length ? ` class="${classes.join(" ")}"` : ""}> "${text}"`;
    };
    const found = [`the page is ${root.scrollWidth} px wide in a ${viewport} px window`];
    const width = root.scrollWidth;
    let parent: Element = document.body;
    for (;;) {
      let best: { element: HTMLElement; width: number } | null = null;
      for (const child of parent.children) {
        if (!(child instanceof HTMLElement)) continue;
        const without = widthWithout(child);
        if (without < width && (!best || without < best.width)) best = { element: child, width: without };
      }
      if (!best) break;
      found.push(describe(best.element));
      parent = best.element;
    }
    return [...found.slice(0, 1), ...found.slice(1).slice(-3)];
  });
}

async function openAtRest(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  // Loading spinners are indeterminate; a determinate bar (a bulk run's progress) stays.
  await expect(page.locator('[role="progressbar"]:not([aria-valuenow])')).toHaveCount(0);
}

/** The page at `size`, checked: nothing wider than the window, the app bar one row. */
async function expectFits(page: Page, consolePage: ConsolePage, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  expect(await sidewaysOverflow(page), `${consolePage.name} at ${size.width} px scrolls sideways`).toEqual(
    [],
  );
  const bar = (await page.getByRole("banner").boundingBox())!;
  expect(bar.height, `the app bar at ${size.width} px is one row`).toBeLessThanOrEqual(64);
}

// Each page is loaded once and the window resized around it: the layout is CSS alone (no script
// reads the window's size), so that is what a page opened at each size shows. axe reads every page
// in each scheme once: the phone's layout in the light scheme, the wide screen's in the dark one.
test("every page fits 360, 1024 and 1440 px without scrolling sideways, and has no serious accessibility violations in the light and dark schemes", async ({
  page,
}) => {
  test.setTimeout(120_000);
  for (const consolePage of pages) {
    await test.step(`${consolePage.name}: ${consolePage.path}`, async () => {
      await page.setViewportSize(PHONE);
      await page.emulateMedia({ colorScheme: "light" });
      await openAtRest(page, consolePage.path);
      await expectFits(page, consolePage, PHONE);
      await expectNoSeriousAxeViolations(page);

      await expectFits(page, consolePage, TABLET);
      if (consolePage.name === "audit")
        // The log's last column is read without scrolling the table.
        await expect(page.getByRole("columnheader", { name: "Detail" })).toBeInViewport({ ratio: 1 });

      await expectFits(page, consolePage, DESKTOP);
      await page.emulateMedia({ colorScheme: "dark" });
      await expectNoSeriousAxeViolations(page);
    });
  }
  // From 1200 px the sections are in the bar itself.
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Open navigation" })).toBeHidden();
});

test("on a phone the sections, the search and presenter mode are behind one menu button, and the theme toggle stays in view", async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: PHONE,
    colorScheme: "dark",
    baseURL: test.info().project.use.baseURL,
  });
  const page = await context.newPage();
  await openAtRest(page, "/");
  await expect(page.getByRole("button", { name: /^Theme:/ })).toBeInViewport({ ratio: 1 });
  const menu = page.getByRole("button", { name: "Open navigation" });
  await expect(menu).toBeInViewport({ ratio: 1 });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("link", { name: "Audit log" })).toBeHidden();

  await menu.click();
  // While the menu is open the rest of the page is hidden from assistive technology, the button too.
  await expect(page.getByRole("button", { name: "Open navigation", includeHidden: true })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Audit log" })).toBeInViewport();
  // What the bar has no room for on a phone is in the menu too.
  const menuPanel = page.getByRole("dialog", { name: "Menu" });
  await expect(menuPanel.getByRole("combobox", { name: "Find a person" })).toBeInViewport();
  await expect(menuPanel.getByRole("button", { name: "Presenter mode" })).toBeInViewport();
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  await page.keyboard.press("Enter");
  await nav.getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL(/\/runs$/);
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  await expect(nav).toBeHidden();
  await context.close();
});

test("on a phone an id cut short in a table is shown whole on hover and on keyboard focus, and is whole in the page's text", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: PHONE, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await openAtRest(page, "/runs");
  const row = page.getByRole("row").filter({ hasText: ADELE.upn }).first();
  const id = row.getByText(ADELE.id, { exact: true });
  await expect(id).toHaveText(ADELE.id);
  const text = await id.evaluate((element) => ({ shown: element.clientWidth, whole: element.scrollWidth }));
  expect(text.shown, "the id is cut short").toBeLessThan(text.whole);

  await id.hover();
  await expect(page.getByRole("tooltip", { name: ADELE.id })).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(page.getByRole("tooltip")).toHaveCount(0);

  // From the row's link, Tab reaches the id under it.
  await row.getByRole("link", { name: ADELE.upn }).focus();
  await page.keyboard.press("Tab");
  await expect(id.locator("..")).toBeFocused();
  await expect(page.getByRole("tooltip", { name: ADELE.id })).toBeVisible();
  await context.close();
});
