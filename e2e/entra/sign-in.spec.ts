import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "../accessibility";
import { ADELE, APPS, findJob, provisionPath, type JobTarget } from "../demo-fixtures";
import type { TestUser } from "../identity-provider";
import { expect, signInAs, test } from "./entra-test";
import { BrowserEvidence } from "./graph-token-leaks";
import { NO_ROLE, OPERATOR, READER, type EntraStack } from "./entra-stack";

// Entra mode in the browser: sign-in by redirect against the test identity provider, the console
// API token on every call, roles, deep links through the sign-in round trip, and sign-out.
// After each test the entra-test fixture searches every browser used for Graph tokens.

/** The console's API as this user, with a token minted by the provider (for setting up, not for what is tested). */
async function apiAs(entra: EntraStack, user: TestUser): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: entra.consoleURL,
    extraHTTPHeaders: { authorization: `Bearer ${entra.provider.mintConsoleToken({ oid: user.oid })}` },
  });
}

async function hrPortalJob(entra: EntraStack): Promise<JobTarget> {
  const api = await apiAs(entra, OPERATOR);
  try {
    return await findJob(api, APPS.hrPortal);
  } finally {
    await api.dispose();
  }
}

/** Starts a run for Adele and waits for it to finish; its id. */
async function provisionAdele(entra: EntraStack, job: JobTarget): Promise<string> {
  const api = await apiAs(entra, OPERATOR);
  try {
    const started = await api.post("/api/runs", {
      data: { ...job, subject: { kind: "user", objectId: ADELE.id } },
    });
    expect(started.status(), await started.text()).toBe(202);
    const { id } = (await started.json()) as { id: string };
    await expect
      .poll(async () => ((await (await api.get(`/api/runs/${id}`)).json()) as { status: string }).status, {
        timeout: 30_000,
      })
      .toBe("completed");
    return id;
  } finally {
    await api.dispose();
  }
}

/** The bearer token the page sends with its next /api call. */
function nextConsoleToken(page: Page): Promise<string> {
  return page
    .waitForRequest(
      (request) => new URL(request.url()).pathname.startsWith("/api/") && !!request.headers().authorization,
    )
    .then((request) => request.headers().authorization!.replace(/^Bearer /, ""));
}

/** A run's title names Adele by display name or by UPN, depending on what the result carried. */
const ADELE_SHOWN = new RegExp(`${ADELE.name}|${ADELE.upn}`);

function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test("the Operator follows a prefilled form link, signs in, lands back on it, provisions Adele, opens the run and shares it", async ({
  entra,
  openBrowser,
}) => {
  const job = await hrPortalJob(entra);
  const page = await openBrowser();
  const violations = cspViolations(page);
  const formPath = provisionPath(job, `kind=user&user=${ADELE.id}`);

  await page.goto(formPath);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await signInAs(page, OPERATOR);
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === formPath);
  await expect(page.getByRole("combobox", { name: "User" })).toHaveValue(ADELE.name);

  const provision = page.getByRole("button", { name: "Provision", exact: true });
  await expect(provision).toBeEnabled();
  await provision.click();
  await expect(page.getByRole("status").filter({ hasText: /^Done:/ })).toBeVisible({ timeout: 30_000 });
  // The run went through Graph: the console obtained a Graph token for Olivia on behalf of her sign-in.
  expect(entra.provider.issuedGraphTokens().length).toBeGreaterThan(0);

  await page.locator('a[href^="/runs/"]').first().click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ADELE_SHOWN);
  // The same request as curl names the Graph this console calls (its GRAPH_ENDPOINT), not global Graph.
  await page.getByRole("tab", { name: "curl" }).click();
  const curl = page.getByLabel("The same request as curl");
  await expect(curl).toContainText(`${entra.graphURL}/v1.0/servicePrincipals/`);
  await expect(curl).not.toContainText("graph.microsoft.com");

  await page.getByRole("button", { name: "Share" }).click();
  await page.getByRole("button", { name: "Create link" }).click();
  const link = await page.getByRole("textbox", { name: "Link to share" }).inputValue();
  expect(link).toMatch(/\/s\/[^/]+$/);
  expect(violations).toEqual([]);
});

test("a Reader opens a shared link after signing in and cannot run provisioning: the button says why, the API says 403", async ({
  entra,
  openBrowser,
}) => {
  const job = await hrPortalJob(entra);
  const runId = await provisionAdele(entra, job);
  const operator = await apiAs(entra, OPERATOR);
  const share = (await (
    await operator.post(`/api/runs/${runId}/shares`, { data: { redact: true } })
  ).json()) as {
    id?: string;
    url?: string;
  };
  await operator.dispose();
  const sharePath = `/s/${encodeURIComponent(share.id ?? "")}`;

  const page = await openBrowser();
  await page.goto(sharePath);
  await signInAs(page, READER);
  await expect(page).toHaveURL((url) => url.pathname === sharePath);
  await expect(page.getByText(`Shared by`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ADELE_SHOWN);

  const token = nextConsoleToken(page);
  await page.goto(provisionPath(job, `kind=user&user=${ADELE.id}`));
  await expect(page.getByRole("combobox", { name: "User" })).toHaveValue(ADELE.name);
  const provision = page.getByRole("button", { name: "Provision", exact: true });
  await expect(provision).toBeDisabled();
  await expect(page.getByText(/needs the Console\.Operator app role/)).toBeVisible();

  // The server holds the line whatever the page shows: Rita's own token cannot start a run.
  const readerToken = await token;
  // The search for Graph tokens after each test looks where tokens live: it finds this console token.
  expect(await new BrowserEvidence(page.context()).placesHolding([readerToken])).toContainEqual(
    expect.stringMatching(/^storage of /),
  );
  const api = await playwrightRequest.newContext({ baseURL: entra.consoleURL });
  const refused = await api.post("/api/runs", {
    headers: { authorization: `Bearer ${readerToken}` },
    data: { ...job, subject: { kind: "user", objectId: ADELE.id } },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { authReason: string } }).error.authReason).toBe("role_missing");
  // The same token reads runs: it is the role, not the token, that is refused.
  expect(
    (await api.get(`/api/runs/${runId}`, { headers: { authorization: `Bearer ${readerToken}` } })).status(),
  ).toBe(200);
  await api.dispose();
});

test("a signed-out user following a run link lands on the run after sign-in; the account menu shows who; sign-out works", async ({
  entra,
  openBrowser,
}) => {
  const runId = await provisionAdele(entra, await hrPortalJob(entra));
  const page = await openBrowser();
  await page.goto(`/runs/${runId}`);
  await signInAs(page, OPERATOR);
  await expect(page).toHaveURL((url) => url.pathname === `/runs/${runId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ADELE_SHOWN);

  await page.getByRole("button", { name: `Account: ${OPERATOR.name}` }).click();
  const menu = page.getByRole("dialog", { name: "Account" });
  await expect(menu).toContainText(OPERATOR.preferredUsername);
  await expect(menu.getByRole("list", { name: "Console roles" })).toHaveText("Console.Operator");
  await menu.getByRole("button", { name: "Sign out" }).click();

  await expect(page.getByRole("main").getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  expect(
    await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.includes("accesstoken"))),
  ).toEqual([]);
  await page.goto(`/runs/${runId}`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText(ADELE_SHOWN);
});

test("someone signed in without a console role is told so and who can fix it", async ({ openBrowser }) => {
  const page = await openBrowser();
  await page.goto("/");
  await signInAs(page, NO_ROLE);
  await expect(page.getByText("No access to this console")).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Console.Reader");
  await expect(page.getByRole("heading", { name: "Applications with provisioning" })).toHaveCount(0);
});

test("a missing Graph consent reported by the server is shown as a prompt saying what is missing and who can grant it", async ({
  openBrowser,
}) => {
  const page = await openBrowser();
  await page.route("**/api/service-principals**", (route) =>
    route.fulfill({
      status: 403,
      json: {
        error: {
          code: "forbidden",
          message:
            "Microsoft Graph access for the console has not been consented to. Sign in again and accept, or ask an administrator to grant admin consent.",
          authReason: "consent_required",
        },
      },
    }),
  );
  await page.goto("/");
  await signInAs(page, OPERATOR);
  const prompt = page.getByRole("alert").filter({ hasText: "Consent to Microsoft Graph is missing" });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText("Synchronization.ReadWrite.All");
  await expect(prompt).toContainText("Grant admin consent");
});

test("when MSAL can no longer renew the token silently, the page goes to sign in and comes back to where it was", async ({
  openBrowser,
}) => {
  test.setTimeout(90_000);
  const page = await openBrowser();
  await page.goto("/runs?outcome=success");
  await signInAs(page, OPERATOR);
  // What a lapsed session looks like to MSAL: the account is known, its tokens are gone.
  const removed = await page.evaluate(() => {
    const keys = Object.keys(sessionStorage).filter((key) => /accesstoken|refreshtoken/i.test(key));
    for (const key of keys) sessionStorage.removeItem(key);
    return keys.length;
  });
  expect(removed).toBeGreaterThanOrEqual(2);
  await page.reload();
  await page.getByRole("button", { name: `Sign in as ${OPERATOR.name}` }).click({ timeout: 30_000 });
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === "/runs?outcome=success");
  await expect(page.getByRole("button", { name: `Account: ${OPERATOR.name}` })).toBeVisible();
});

test("the signed-out screen and the open account panel have no serious accessibility violations", async ({
  openBrowser,
}) => {
  const page = await openBrowser();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await signInAs(page, READER);
  await page.getByRole("button", { name: `Account: ${READER.name}` }).click();
  await expect(page.getByRole("dialog", { name: "Account" })).toContainText("Console.Reader");
  await expectNoSeriousAxeViolations(page);
});

test("a Reader follows a bulk run's progress but has no pause, cancel or retry; the API refuses them with 403", async ({
  entra,
  openBrowser,
}) => {
  const job = await hrPortalJob(entra);
  const operator = await apiAs(entra, OPERATOR);
  const started = await operator.post("/api/bulk-runs", {
    data: { ...job, subjects: [{ kind: "user", objectId: ADELE.id, label: ADELE.upn }] },
  });
  expect(started.status(), await started.text()).toBe(202);
  const { id } = (await started.json()) as { id: string };
  await operator.dispose();

  const page = await openBrowser();
  await page.goto(`/bulk/${id}`);
  await signInAs(page, READER);
  await expect(page).toHaveURL((url) => url.pathname === `/bulk/${id}`);
  await expect(page.getByText("1 of 1 done", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("link", { name: "View run" })).toBeVisible();
  for (const name of ["Pause", "Resume", "Cancel", "Retry failed"])
    await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
  await expect(page.getByText(/needs the Console\.Operator app role/)).toBeVisible();

  const reader = await apiAs(entra, READER);
  const refused = await reader.post(`/api/bulk-runs/${id}/retry-failed`);
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { authReason: string } }).error.authReason).toBe("role_missing");
  expect((await reader.post("/api/bulk-runs", { data: { ...job, subjects: [] } })).status()).toBe(403);
  expect((await reader.get(`/api/bulk-runs/${id}/items`)).status()).toBe(200);
  await reader.dispose();
});
