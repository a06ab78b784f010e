import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { csvRecords } from "../lib/testing/csv";
import { APPS, ISAIAH, PRADEEP, resetDemoTenant } from "./demo-fixtures";

// Searching history and the audit log as a help-desk agent would: the reason a run was skipped or
// failed, the operator by part of their name, the log by action, object and application, with
// names beside the ids, and downloads that say as much.

/** Sets a demo story up and provisions its object through the API; answers the finished run's id. */
async function runScenario(request: APIRequestContext, scenario: string): Promise<string> {
  const setUp = await request.post(`/api/demo/scenarios/${scenario}`);
  expect(setUp.status()).toBe(200);
  const { open } = (await setUp.json()) as {
    open: { servicePrincipalId: string; jobId: string; ruleId: string; userId: string };
  };
  const accepted = await request.post("/api/runs", {
    data: {
      servicePrincipalId: open.servicePrincipalId,
      jobId: open.jobId,
      ruleId: open.ruleId,
      subject: { kind: "user", objectId: open.userId },
    },
    headers: { "Idempotency-Key": crypto.randomUUID() },
  });
  expect(accepted.status()).toBe(202);
  const { id } = (await accepted.json()) as { id: string };
  await expect
    .poll(async () => ((await (await request.get(`/api/runs/${id}`)).json()) as { status: string }).status, {
      timeout: 20_000,
    })
    .toBe("completed");
  return id;
}

/** Clicks a download button and reads the CSV it saves. */
async function downloadCsv(page: Page, button: Locator) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return csvRecords(await readFile((await download.path())!, "utf8"));
}

/** Types into a filter and presses Enter, as a person does; the URL then carries the filter. */
async function searchBy(page: Page, label: string, text: string, param: string) {
  const field = page.getByRole("textbox", { name: label });
  await field.fill(text);
  await field.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]${param}=`));
}

test("history and the audit log find runs by reason, by part of a name, by action, object and app, and export it all", async ({
  page,
  request,
}) => {
  await resetDemoTenant(request);
  const skipped = await runScenario(request, "not-assigned");
  const failed = await runScenario(request, "target-failure");

  // History: the reason column, and "Who ran it" by part of the operator's name.
  await page.goto("/runs");
  await searchBy(page, "Who ran it", "demo oper", "actor");
  const rows = page.getByRole("row");
  const isaiahRow = rows.filter({ hasText: ISAIAH.upn }).first();
  await expect(isaiahRow).toContainText("Not in scope for this application");
  await expect(isaiahRow).toContainText("NotEffectivelyEntitled");
  await expect(isaiahRow).toContainText("Demo operator");
  const pradeepRow = rows.filter({ hasText: /pradeep/i }).first();
  await expect(pradeepRow).toContainText("SCIM endpoint rejected the request");
  await expect(pradeepRow).toContainText("SystemForCrossDomainIdentityManagementBadResponse");

  // By reason, then the filtered history as CSV.
  await searchBy(page, "Reason", "noteffectivelyentitled", "reason");
  // The failed run is gone (earlier tests may have left other runs of Pradeep's with this reason).
  await expect(page.locator(`a[href="/runs/${failed}"]`)).toHaveCount(0);
  await expect(rows.filter({ hasText: ISAIAH.upn }).first()).toBeVisible();
  const history = await downloadCsv(page, page.getByRole("button", { name: "Download CSV" }));
  expect(history.header).toEqual(expect.arrayContaining(["requested_at", "actor_name", "outcome", "reason"]));
  expect(history.rows.every((row) => row.reason_code === "NotEffectivelyEntitled")).toBe(true);
  expect(history.rows.find((row) => row.run_id === skipped)).toMatchObject({
    application: APPS.hrPortal,
    subject_id: ISAIAH.id,
    actor_name: "Demo operator",
    outcome: "Skipped",
    reason: "Not in scope for this application",
  });

  // One run's CSV: who, what and why before its steps.
  await page.goto(`/runs/${failed}`);
  const single = await downloadCsv(page, page.getByRole("button", { name: "Download CSV" }));
  expect(single.header.slice(0, 6)).toEqual([
    "run_id",
    "application",
    "application_id",
    "job",
    "job_id",
    "subject",
  ]);
  expect(single.rows[0]).toMatchObject({
    section: "run",
    application: APPS.northwind,
    subject_id: PRADEEP.id,
    status: "completed",
    outcome: "Failure",
    reason_code: "SystemForCrossDomainIdentityManagementBadResponse",
    reason: "SCIM endpoint rejected the request",
  });
  expect(single.rows[0]!.requested_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(single.rows.some((row) => row.section === "step")).toBe(true);

  // The audit log by action: names, not only ids.
  await page.goto("/audit");
  // The entries come from the browser's own query: once they show, the page answers to its controls.
  await expect(page.getByRole("table")).toBeVisible();
  await page.getByRole("combobox", { name: "Action" }).selectOption({ label: "Run completed" });
  await expect(page).toHaveURL(/action=run\.completed/);
  await searchBy(page, "Object", "pradeep", "object");
  const entry = page.getByRole("row").filter({ hasText: PRADEEP.name }).first();
  await expect(entry).toContainText("Demo operator");
  await expect(entry).toContainText(APPS.northwind);
  await expect(entry.getByRole("link", { name: PRADEEP.name })).toHaveAttribute("href", `/runs/${failed}`);
  await expect(page.getByRole("row").filter({ hasText: ISAIAH.name })).toHaveCount(0);

  // By application, with the object cleared: Isaiah's run was on the HR Portal, not Northwind.
  await page.getByRole("textbox", { name: "Object" }).clear();
  await searchBy(page, "Application", "northwind exp", "app");
  await expect(page).not.toHaveURL(/object=/);
  await expect(page.getByRole("row").filter({ hasText: PRADEEP.name }).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: ISAIAH.name })).toHaveCount(0);
  const audit = await downloadCsv(page, page.getByRole("button", { name: "Download CSV" }));
  expect(audit.header).toEqual(expect.arrayContaining(["actor_name", "object_name", "application_name"]));
  expect(audit.rows.length).toBeGreaterThan(0);
  expect(
    audit.rows.every((row) => row.action === "run.completed" && row.application_name === APPS.northwind),
  ).toBe(true);
  expect(audit.rows.find((row) => row.target === failed)).toMatchObject({
    actor_name: "Demo operator",
    object_id: PRADEEP.id,
    object_name: PRADEEP.name,
  });
});
