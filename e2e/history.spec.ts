import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import {
  ADELE,
  APPS,
  findJob,
  PATTI_DN,
  provisionPath,
  resetDemoTenant,
  type JobTarget,
} from "./demo-fixtures";

// History, shared links and comparison in the browser, on runs made through the API.

async function runToEnd(request: APIRequestContext, body: object): Promise<string> {
  const accepted = await request.post("/api/runs", {
    data: body,
    headers: { "Idempotency-Key": crypto.randomUUID() },
  });
  expect(accepted.status()).toBe(202);
  const { id } = (await accepted.json()) as { id: string };
  await expect
    .poll(async () => ((await (await request.get(`/api/runs/${id}`)).json()) as { status: string }).status, {
      timeout: 30_000,
    })
    .toBe("completed");
  return id;
}

test.beforeEach(async ({ request }) => {
  await resetDemoTenant(request);
});

test("a redacted shared link opens in a fresh browser, read-only, without the sensitive values", async ({
  page,
  browser,
  request,
}) => {
  const job = await findJob(request, APPS.cloudSync);
  const runId = await runToEnd(request, {
    ...job,
    subject: { kind: "onPremisesUser", distinguishedName: PATTI_DN },
  });
  const run = (await (await request.get(`/api/runs/${runId}`)).json()) as {
    result: { reports: { modifiedProperties: { name: string; newValue: string | null }[] }[] };
  };
  const sid = run.result.reports[0]!.modifiedProperties.find(
    (p) => p.name === "OnPremiseSecurityIdentifier",
  )?.newValue;
  expect(sid, "the Cloud Sync run exports a security identifier").toBeTruthy();

  await page.goto(`/runs/${runId}`);
  await page.getByRole("button", { name: /share/i }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("checkbox", { name: /redact/i })).toBeChecked();
  await dialog.getByRole("button", { name: /create link/i }).click();
  const link = await dialog.getByRole("textbox", { name: /link/i }).inputValue();
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);

  const colleague = await browser.newContext();
  const shared = await colleague.newPage();
  await shared.goto(link);
  await expect(shared.getByText(/redacted/i).first()).toBeVisible();
  await expect(shared.getByText("Patti Fernandez").first()).toBeVisible();
  expect(await shared.content()).not.toContain(sid!);
  await expect(shared.getByRole("button", { name: "Run again" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(shared);

  // Revoked: the same link now says so.
  const shareId = link.split("/s/")[1]!;
  expect((await request.delete(`/api/shares/${shareId}`)).status()).toBe(204);
  await shared.reload();
  await expect(shared.getByText(/revoked/i).first()).toBeVisible();
  await colleague.close();
});

test("compare two runs of a user before and after an attribute change", async ({ page, request }) => {
  const job: JobTarget = await findJob(request, APPS.hrPortal);
  const body = { ...job, subject: { kind: "user", objectId: ADELE.id } };
  await runToEnd(request, body);
  expect(
    (await request.patch(`/api/demo/users/${ADELE.id}`, { data: { jobTitle: "Store Director" } })).status(),
  ).toBe(200);
  const after = await runToEnd(request, body);

  await page.goto(`/runs/${after}`);
  await page.getByRole("link", { name: /compare with the previous run/i }).click();
  await expect(page).toHaveURL(/\/runs\/compare\?/);
  const changed = page.getByRole("row").filter({ hasText: "jobTitle" }).first();
  await expect(changed).toContainText("Retail Manager");
  await expect(changed).toContainText("Store Director");
  await expect(page.getByText("Create").first()).toBeVisible();
  await expect(page.getByText("Update").first()).toBeVisible();
});

test("history lists runs newest first, filters by outcome, and each row opens its run", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  const body = { ...job, subject: { kind: "user", objectId: ADELE.id } };
  await runToEnd(request, body);
  const skipped = await runToEnd(request, body);
  await page.goto("/runs?outcome=Skipped");
  const rows = page.getByRole("row").filter({ hasText: "Skipped" });
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Success" })).toHaveCount(0);
  await page
    .getByRole("link", { name: new RegExp(ADELE.upn, "i") })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/runs/${skipped}`));
});

test("the audit log records the runs and the demo-tenant change, and exports CSV", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  await request.patch(`/api/demo/users/${ADELE.id}`, { data: { department: "Marketing" } });
  await runToEnd(request, { ...job, subject: { kind: "user", objectId: ADELE.id } });
  await page.goto("/audit");
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: /demo\.changed/ })
      .first(),
  ).toBeVisible();
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: /run\.completed/ })
      .first(),
  ).toBeVisible();
  const csv = await request.get("/api/audit?format=csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toMatch(
    /^at,actor,actor_name,action,target,object_id,object_name,application_id,application_name,graph_request_id,detail\r\n/,
  );
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`every page has no serious accessibility violations (${colorScheme})`, async ({ page, request }) => {
    test.setTimeout(180_000);
    const job = await findJob(request, APPS.hrPortal);
    const first = await runToEnd(request, { ...job, subject: { kind: "user", objectId: ADELE.id } });
    const second = await runToEnd(request, { ...job, subject: { kind: "user", objectId: ADELE.id } });
    const share = (await (
      await request.post(`/api/runs/${first}/shares`, { data: { redact: true } })
    ).json()) as {
      url: string;
    };
    const pages = [
      "/",
      `/apps/${job.servicePrincipalId}`,
      provisionPath(job, `kind=user&user=${ADELE.id}`),
      `${provisionPath(job)}/health`,
      `/runs/${first}`,
      "/runs",
      `/runs/compare?a=${first}&b=${second}`,
      "/audit",
      new URL(share.url).pathname,
      "/no-such-page",
    ];
    await page.emulateMedia({ colorScheme });
    for (const path of pages) {
      await test.step(path, async () => {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await expect(page.getByRole("progressbar")).toHaveCount(0);
        await expectNoSeriousAxeViolations(page);
      });
    }
  });
}
