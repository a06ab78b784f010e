import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { findJob, provisionPath, type JobTarget } from "../demo-fixtures";
import type { TestUser } from "../identity-provider";
import { expect, signInAs, test } from "./entra-test";
import { BrowserEvidence } from "./graph-token-leaks";
import { ADMINISTRATOR, OPERATOR, READER, startEntraStack, type EntraStack } from "./entra-stack";

// Job actions in Entra mode: only a Console.Administrator may act on a job. Readers and Operators
// see every action disabled with the reason, and the server refuses each with 403 whatever the
// page shows; an Administrator goes from a failed Test connection to an Active job. The stand-alone
// demo tenant plays Microsoft Graph and checks the Graph token of every call.

const TAILSPIN = "Tailspin Travel (SCIM)";
const ACTIONS = ["test-connection", "secret-token", "restart", "pause", "start"] as const;
const BODIES: Record<(typeof ACTIONS)[number], unknown> = {
  "test-connection": undefined,
  "secret-token": { secretToken: "never-saved" },
  restart: { resetScope: "QuarantineState" },
  pause: undefined,
  start: undefined,
};

async function apiAs(entra: EntraStack, user: TestUser): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: entra.consoleURL,
    extraHTTPHeaders: { authorization: `Bearer ${entra.provider.mintConsoleToken({ oid: user.oid })}` },
  });
}

async function tailspinJob(entra: EntraStack): Promise<JobTarget> {
  const api = await apiAs(entra, READER);
  try {
    return await findJob(api, TAILSPIN);
  } finally {
    await api.dispose();
  }
}

const actionsPath = (job: JobTarget, action?: string) =>
  `/api/service-principals/${encodeURIComponent(job.servicePrincipalId)}/jobs/${encodeURIComponent(job.jobId)}/actions${action ? `/${action}` : ""}`;

/** Tailspin's app issues a new token: the test plays the app's admin page, at the demo tenant itself. */
async function appIssues(entra: EntraStack, job: JobTarget, token: string) {
  const answer = await fetch(
    `${entra.graphURL}/demo/service-principals/${job.servicePrincipalId}/jobs/${encodeURIComponent(job.jobId)}/target-token`,
    { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) },
  );
  expect(answer.status).toBe(204);
}

const result = (page: Page) => page.getByRole("region", { name: "Actions" }).getByRole("alert");

async function confirmDialog(page: Page, button: string) {
  await page.getByRole("dialog").getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
}

for (const user of [READER, OPERATOR]) {
  test(`${user.name} (${user.roles.join(", ")}) sees every job action disabled with the reason; the API refuses each with 403`, async ({
    entra,
    openBrowser,
  }) => {
    const job = await tailspinJob(entra);
    const page = await openBrowser();
    await page.goto(`${provisionPath(job)}/health`);
    await signInAs(page, user);
    await expect(page.getByRole("heading", { name: "Job health", level: 1 })).toBeVisible();
    for (const name of ["Test connection", "Update the secret token…", "Restart…", "Pause", "Start"])
      await expect(page.getByRole("button", { name, exact: true })).toBeDisabled();
    await expect(page.getByText(/Acting on the job needs the Console\.Administrator app role/)).toBeVisible();
    await expect(page.getByText(new RegExp(`${user.name} can`))).toBeVisible();

    const api = await apiAs(entra, user);
    try {
      const before = ((await (await api.get(actionsPath(job))).json()) as { items: unknown[] }).items.length;
      for (const action of ACTIONS) {
        const refused = await api.post(actionsPath(job, action), {
          headers: { "idempotency-key": crypto.randomUUID() },
          ...(BODIES[action] === undefined ? {} : { data: BODIES[action] }),
        });
        expect(refused.status(), action).toBe(403);
        expect(((await refused.json()) as { error: { authReason: string } }).error.authReason).toBe(
          "role_missing",
        );
      }
      // Reading the timeline is allowed, and nothing was recorded on it.
      const after = await api.get(actionsPath(job));
      expect(after.status()).toBe(200);
      expect(((await after.json()) as { items: unknown[] }).items).toHaveLength(before);
    } finally {
      await api.dispose();
    }
  });
}

test("an Administrator tests the connection, saves the app's new token, restarts the job and sees it Active", async ({
  entra,
  openBrowser,
}) => {
  const job = await tailspinJob(entra);
  const token = `tailspin-${crypto.randomUUID()}`;
  const page = await openBrowser();
  await page.goto(`${provisionPath(job)}/health`);
  await signInAs(page, ADMINISTRATOR);
  const status = page.getByRole("region", { name: "Status" });
  await expect(status).toContainText("Quarantine");

  await page.getByRole("button", { name: "Test connection" }).click();
  await confirmDialog(page, "Test connection");
  await expect(result(page)).toContainText("Test connection failed. The app refused the credentials.", {
    timeout: 30_000,
  });

  await appIssues(entra, job, token);
  await page.getByRole("button", { name: "Update the secret token…" }).click();
  await page.getByRole("dialog").getByLabel("New secret token").pressSequentially(token, { delay: 30 });
  await confirmDialog(page, "Save and test");
  await expect(result(page)).toContainText("The secret token was saved and Test connection succeeded.");

  await page.getByRole("button", { name: "Restart…" }).click();
  await confirmDialog(page, "Restart");
  await expect(result(page)).toContainText("Restarted (Quarantine only). The job is now Active.");
  await expect(status).toContainText("Active");
  const latest = page
    .getByRole("list", { name: "Actions on this job, newest first" })
    .getByRole("listitem")
    .first();
  await expect(latest).toContainText(`by ${ADMINISTRATOR.name}`);
});

test("a Graph permission missing for the console is explained with who can grant it", async ({
  openBrowser,
}) => {
  test.setTimeout(150_000);
  // The console holds Synchronization.Read.All only: it can read jobs, not act on them.
  const readOnly = await startEntraStack({
    delegatedGraphScopes: [
      "Synchronization.Read.All",
      "Application.Read.All",
      "User.Read.All",
      "GroupMember.Read.All",
    ],
  });
  try {
    const job = await tailspinJob(readOnly);
    const page = await openBrowser();
    const evidence = new BrowserEvidence(page.context());
    await page.goto(`${readOnly.consoleURL}${provisionPath(job)}/health`);
    await signInAs(page, ADMINISTRATOR);
    await page.getByRole("button", { name: "Pause" }).click();
    await confirmDialog(page, "Pause");
    await expect(result(page)).toContainText(
      "Pause failed. Microsoft Graph refused: permission or role missing.",
      {
        timeout: 30_000,
      },
    );
    await expect(result(page)).toContainText("Synchronization.ReadWrite.All");
    await expect(result(page)).toContainText(
      "Cloud Application Administrator or Application Administrator can grant admin consent",
    );
    await expect(result(page)).toContainText("Authorization_RequestDenied");
    // This stack's Graph tokens stay on its server too.
    expect(await evidence.placesHolding(readOnly.provider.issuedGraphTokens())).toEqual([]);
  } finally {
    await readOnly.stop();
  }
});
