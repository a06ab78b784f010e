import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import {
  ADELE,
  ADELE_DN,
  ALEX,
  APPS,
  findJob,
  ISAIAH,
  MEGAN,
  PATTI_DN,
  PRADEEP,
  provisionPath,
  resetDemoTenant,
  SALES_TEAM_EMEA,
  type JobTarget,
} from "./demo-fixtures";

// Bulk runs in the browser against the demo tenant. Each scenario uses its own job, so one
// scenario's calls never wait behind another's in the job's pace (5 calls per 10 seconds).

const LEARNING_HUB = "Contoso Learning Hub";
const TAILSPIN = "Tailspin Travel (SCIM)";
/** Seeded users (lib/demo-tenant/seed/fixtures.ts) by userPrincipalName. */
const UPNS = [
  ADELE.upn,
  "LynneR@contoso.com",
  "DiegoS@contoso.com",
  "MeganB@contoso.com",
  "NestorW@contoso.com",
  "AlexW@contoso.com",
  "IsaiahL@contoso.com",
];
/** Seeded groups drawn with a random number of members; one with 6 to 20 takes 2 to 4 calls. */
const GROUP_CANDIDATES = ["Project", "Council", "Team", "Club", "Board", "Circle", "Approvers", "Reviewers"];

test.beforeEach(async ({ request }) => {
  await resetDemoTenant(request);
});

function progress(page: Page) {
  return page.getByRole("progressbar", { name: "Bulk run progress" });
}

function countChips(page: Page) {
  return page.getByRole("group", { name: /Counts by outcome/ }).getByRole("button");
}

async function axeInBothSchemes(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousAxeViolations(page);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Waits until the bulk run page shows every item done and the run completed. */
async function expectCompleted(page: Page, total: number) {
  await expect(progress(page)).toHaveAttribute("aria-valuetext", `${total} of ${total} done`, {
    timeout: 45_000,
  });
  await expect(page.getByRole("status").filter({ hasText: /^Bulk run completed/ })).toBeAttached();
  await expect(page.getByRole("button", { name: "Pause" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel" })).toHaveCount(0);
}

async function startAndOpen(page: Page): Promise<string> {
  const start = page.getByRole("button", { name: "Start bulk run" });
  await expect(start).toBeEnabled();
  await start.click();
  await expect(page).toHaveURL(/\/bulk\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Bulk run · / })).toBeVisible();
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
}

/** A seeded group whose members take 2 to 4 calls, found through the console's own preview. */
async function groupOfSeveralCalls(
  request: APIRequestContext,
  job: JobTarget,
): Promise<{ name: string; calls: number }> {
  for (const search of GROUP_CANDIDATES) {
    const groups = (await (await request.get(`/api/directory/groups?search=${search}`)).json()) as {
      items: { id: string; displayName: string }[];
    };
    for (const group of groups.items) {
      const answer = await request.post("/api/bulk-runs/preview", {
        data: {
          servicePrincipalId: job.servicePrincipalId,
          jobId: job.jobId,
          source: { kind: "group", groupId: group.id },
        },
      });
      expect(answer.status(), await answer.text()).toBe(200);
      const preview = (await answer.json()) as { subjects: unknown[] };
      if (preview.subjects.length >= 2 && preview.subjects.length <= 4)
        return { name: group.displayName, calls: preview.subjects.length };
    }
  }
  throw new Error("No seeded group has 6 to 20 members among the candidates.");
}

test("pasted UPNs: the unknown line is listed, the rest run to the end, filter by outcome, open a run", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(provisionPath(job));
  await expect(page.getByText("USERGROUP_OUTBOUND_USERGROUP")).toBeVisible();
  await page.getByRole("link", { name: "Bulk run…" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New bulk run" })).toBeVisible();
  await expect(page.getByText(job.ruleId)).toBeVisible();

  const preview = page.getByRole("button", { name: "Preview" });
  await expect(preview).toBeDisabled();
  await expect(page.getByRole("button", { name: "Start bulk run" })).toBeDisabled();
  await page
    .getByRole("textbox", { name: "Objects, one a line" })
    .fill([...UPNS.slice(0, 3), "nobody.here@contoso.com"].join("\n"));
  await preview.click();

  await expect(page.getByText("3 objects resolved, 1 not resolved.")).toBeVisible();
  const unresolved = page.getByRole("list", { name: "Entries that could not be resolved" });
  await expect(unresolved.getByRole("listitem")).toHaveCount(1);
  await expect(unresolved).toContainText("Line 4:");
  await expect(unresolved).toContainText("nobody.here@contoso.com");
  await expect(unresolved).toContainText("No user has this userPrincipalName");
  for (const upn of UPNS.slice(0, 3)) await expect(page.getByRole("cell", { name: upn })).toBeVisible();
  await expect(
    page.getByText(/At most 10,000 objects per bulk run; one bulk run at a time per job/),
  ).toBeVisible();
  await expect(page.getByText("40 users take at least 1 min 10 s", { exact: false })).toBeVisible();
  await axeInBothSchemes(page);

  await startAndOpen(page);
  await expectCompleted(page, 3);
  const chips = countChips(page);
  await expect(chips.first()).toHaveText("All 3");
  const first = (await chips.nth(1).textContent())!.trim();
  const [, label, count] = /^(.+) (\d+)$/.exec(first)!;
  await chips.nth(1).click();
  await expect(page).toHaveURL(new RegExp(`outcome=`));
  await expect(chips.nth(1)).toHaveAttribute("aria-pressed", "true");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(Number(count) + 1);
  for (const row of await rows.all()) {
    if ((await row.getByRole("columnheader").count()) > 0) continue;
    await expect(row).toContainText(label!);
  }
  await axeInBothSchemes(page);

  await page
    .getByRole("link", { name: /^View run/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Bulk runs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bulk runs" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: APPS.hrPortal }).first()).toContainText("3 of 3 done");
});

test("a group's members go five to a call: the preview says how many calls, and the run completes", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const job = await findJob(request, LEARNING_HUB);
  const group = await groupOfSeveralCalls(request, job);
  await page.goto(`${provisionPath(job)}/bulk`);
  await expect(page.getByRole("heading", { level: 1, name: "New bulk run" })).toBeVisible();
  await page.getByRole("tab", { name: "Group members" }).click();
  await expect(page.getByText("Members go 5 to a call")).toBeVisible();
  await page.getByRole("combobox", { name: "Group", exact: true }).fill(group.name);
  await page.getByRole("option", { name: group.name, exact: true }).click();
  await page.getByRole("button", { name: "Preview" }).click();

  await expect(page.getByText(`${group.calls} objects resolved`)).toBeVisible();
  await expect(page.getByText(new RegExp(`^Estimated time: ${group.calls} calls`))).toBeVisible();
  await expect(page.getByRole("cell", { name: /^Group with \d members?$/ })).toHaveCount(group.calls);
  await expect(page.getByRole("cell", { name: "Group with 5 members" }).first()).toBeVisible();

  await startAndOpen(page);
  await expectCompleted(page, group.calls);
});

test("pause and resume a bulk run read from a CSV file: the status and the buttons follow", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const job = await findJob(request, TAILSPIN);
  await page.goto(`${provisionPath(job)}/bulk`);
  await expect(page.getByRole("heading", { level: 1, name: "New bulk run" })).toBeVisible();
  await page.getByRole("tab", { name: "Upload CSV" }).click();
  await page.locator('input[type="file"]').setInputFiles({
    name: "users.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`displayName,userPrincipalName\n${UPNS.map((upn) => `x,${upn}`).join("\n")}\n`),
  });
  await expect(page.getByText("users.csv: 8 non-blank lines read.")).toBeVisible();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("7 objects resolved.")).toBeVisible();
  await startAndOpen(page);

  // The sixth and seventh calls wait for the job's next window, so the run is still going.
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Bulk run paused/ })).toBeAttached();
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Pause" })).toHaveCount(0);
  await expect(page.getByText("Paused", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByRole("button", { name: "Resume" })).toHaveCount(0);
  await expectCompleted(page, 7);
  await expect(page.getByText("Completed", { exact: true })).toBeVisible();
});

test("cancel a bulk run after confirming: the items not sent are cancelled", async ({ page, request }) => {
  test.setTimeout(120_000);
  const job = await findJob(request, LEARNING_HUB, 1);
  await page.goto(`${provisionPath(job)}/bulk`);
  await page.getByRole("textbox", { name: "Objects, one a line" }).fill(UPNS.slice(0, 7).join("\n"));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("7 objects resolved.")).toBeVisible();
  await startAndOpen(page);

  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this bulk run?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel bulk run" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: /^Bulk run cancelled/ })).toBeAttached();
  await expect(page.getByRole("button", { name: /^Not sent \(cancelled\) \d+$/ })).toBeVisible();
  await expect(progress(page)).toHaveAttribute("aria-valuetext", /^\d of 7 sent, \d not sent \(cancelled\)$/);
  await expect(page.getByRole("button", { name: "Pause" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Resume" })).toHaveCount(0);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^bulk-run-.+\.csv$/);
  const csv = await readFile(await file.path(), "utf8");
  expect(csv.trim().split(/\r?\n/)).toHaveLength(8);
});

/** Assigned to Northwind Expenses and accepted by its target (lib/demo-tenant/seed/fixtures.ts). */
const GRADY_ID = "f760b789-2442-410f-91b5-2c0d242f0ddf";
/** No such user: the call fails (Graph answers 404), as for a user deleted after the preview. */
const MISSING_ID = "00000000-0000-4000-8000-00000000dead";

/** The items table's row of an object, and its Attempts cell. */
function attemptsOf(page: Page, text: string) {
  return page.getByRole("row").filter({ hasText: text }).getByRole("cell").nth(5);
}

test("a Failure, a failed call and a cancel each in its own count; each retry re-sends exactly its items", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const job = await findJob(request, APPS.northwind);
  // /bulk starts a bulk run: the button asks for the application and the job.
  await page.goto("/bulk");
  await page.getByRole("button", { name: "Start a bulk run" }).click();
  const dialog = page.getByRole("dialog", { name: "Start a bulk run" });
  await dialog.getByRole("combobox", { name: "Application" }).selectOption({ label: APPS.northwind });
  await expect(dialog.getByRole("combobox", { name: "Job" })).not.toHaveValue("");
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New bulk run" })).toBeVisible();
  await expect(page).toHaveURL(/\/bulk$/);

  // Five calls go at once, the other three wait for the job's next window: time to cancel them.
  const ids = [
    PRADEEP.id,
    GRADY_ID,
    MISSING_ID,
    ADELE.id,
    ALEX.id,
    ISAIAH.id,
    MEGAN.id,
    SALES_TEAM_EMEA.members[0]!.id,
  ];
  const created = await request.post("/api/bulk-runs", {
    data: { ...job, subjects: ids.map((objectId) => ({ kind: "user", objectId })) },
  });
  expect(created.status(), await created.text()).toBe(202);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/bulk/${id}`);
  await expect(progress(page)).toHaveAttribute("aria-valuetext", "5 of 8 done", { timeout: 20_000 });
  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  await page
    .getByRole("dialog", { name: "Cancel this bulk run?" })
    .getByRole("button", { name: "Cancel bulk run" })
    .click();

  await expect(progress(page)).toHaveAttribute("aria-valuetext", "5 of 8 sent, 3 not sent (cancelled)");
  await expect(
    page.getByRole("status").filter({ hasText: /^Bulk run cancelled: 5 of 8 sent, 3 not sent/ }),
  ).toBeAttached();
  const chips = page.getByRole("group", { name: /Counts by outcome/ });
  await expect(chips.getByRole("button", { name: "Failure 1", exact: true })).toBeVisible();
  await expect(chips.getByRole("button", { name: "Success 1", exact: true })).toBeVisible();
  await expect(chips.getByRole("button", { name: "Skipped 2", exact: true })).toBeVisible();
  await expect(chips.getByRole("button", { name: "Call failed 1", exact: true })).toBeVisible();
  await expect(chips.getByRole("button", { name: "Not sent (cancelled) 3", exact: true })).toBeVisible();
  await expect(
    page.getByText(/^Skipped by reason: 2 not in scope for this application \(NotEffectivelyEntitled\)/),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Retry \d+ interrupted/ })).toHaveCount(0);

  // Each retry sends its one item again: its Attempts go to 2, nobody else's.
  await page.getByRole("button", { name: "Retry 1 failed call" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Bulk run completed/ })).toBeAttached({
    timeout: 30_000,
  });
  await expect(attemptsOf(page, MISSING_ID)).toHaveText("2");
  await expect(attemptsOf(page, PRADEEP.id)).toHaveText("1");
  await page.getByRole("button", { name: "Retry 1 Failure" }).click();
  await expect(attemptsOf(page, PRADEEP.id)).toHaveText("2", { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: /^Bulk run completed/ })).toBeAttached({
    timeout: 30_000,
  });
  for (const other of [GRADY_ID, ADELE.id, ALEX.id]) await expect(attemptsOf(page, other)).toHaveText("1");
  await expect(attemptsOf(page, MEGAN.id)).toHaveText("0");
  await expect(progress(page)).toHaveAttribute("aria-valuetext", "5 of 8 sent, 3 not sent (cancelled)");
  await axeInBothSchemes(page);

  // The list shows each run's outcome counts.
  await page.goto("/bulk");
  await expect(page.getByRole("row").filter({ hasText: APPS.northwind }).first()).toContainText(
    "1 Success, 2 Skipped, 1 Failure, 1 Call failed, 3 Not sent (cancelled)",
  );
});

test("the preview checks DNs, names a group's members and warns about an unassigned group", async ({
  page,
  request,
}) => {
  const cloudSync = await findJob(request, APPS.cloudSync);
  await page.goto(`${provisionPath(cloudSync)}/bulk`);
  const missingDn = "CN=Nobody Here,OU=Users,OU=Chicago,DC=corp,DC=contoso,DC=com";
  await page
    .getByRole("textbox", { name: "Objects, one a line" })
    .fill([PATTI_DN, ADELE_DN, missingDn].join("\n"));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("2 objects resolved, 1 not resolved.")).toBeVisible();
  const unresolved = page.getByRole("list", { name: "Entries that could not be resolved" });
  await expect(unresolved).toContainText(missingDn);
  await expect(unresolved).toContainText("No user in Active Directory has this distinguished name.");
  await expect(page.getByRole("cell", { name: `Patti Fernandez (${PATTI_DN})` })).toBeVisible();

  const learningHub = await findJob(request, LEARNING_HUB);
  const unassigned = await groupOfSeveralCalls(request, learningHub);
  const pickGroup = async (name: string) => {
    await page.getByRole("combobox", { name: "Group", exact: true }).fill(name);
    await page.getByRole("option", { name, exact: true }).click();
    await page.getByRole("button", { name: "Preview" }).click();
  };
  await page.goto(`${provisionPath(learningHub)}/bulk`);
  await page.getByRole("tab", { name: "Group members" }).click();
  await pickGroup(SALES_TEAM_EMEA.name);
  // Each call's members by name, not "members 1–4 of 4" alone; the group is assigned: no warning.
  await expect(page.getByRole("cell", { name: /^Sales Team EMEA \(members 1–4 of 4\)/ })).toContainText(
    SALES_TEAM_EMEA.members.map((member) => member.name).join(", "),
  );
  await expect(page.getByRole("list", { name: "Preview warnings" })).toHaveCount(0);

  await page.getByRole("combobox", { name: "Group", exact: true }).clear();
  await pickGroup(unassigned.name);
  await expect(page.getByRole("list", { name: "Preview warnings" })).toContainText(
    `${unassigned.name} is not assigned to this application: its members will be skipped`,
  );
  await axeInBothSchemes(page);
});
