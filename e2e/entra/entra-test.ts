import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import type { TestUser } from "../identity-provider";
import { startEntraStack, type EntraStack } from "./entra-stack";
import { BrowserEvidence } from "./graph-token-leaks";

interface WorkerFixtures {
  entra: EntraStack;
}

interface TestFixtures {
  /** A fresh browser (context and page) for one person; each is searched for Graph tokens after the test. */
  openBrowser: () => Promise<Page>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  entra: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for
    async ({}, use) => {
      const stack = await startEntraStack();
      await use(stack);
      await stack.stop();
    },
    { scope: "worker", timeout: 120_000 },
  ],
  openBrowser: async ({ browser, entra }, use) => {
    const opened: { context: BrowserContext; evidence: BrowserEvidence }[] = [];
    await use(async () => {
      const context = await newConsoleContext(browser, entra);
      opened.push({ context, evidence: new BrowserEvidence(context) });
      return context.newPage();
    });
    // After every flow: no Graph token in any /api answer, cookie or browser storage.
    const graphTokens = entra.provider.issuedGraphTokens();
    for (const { context, evidence } of opened) {
      expect(
        await evidence.placesHolding(graphTokens),
        "places in the browser holding a Graph token",
      ).toEqual([]);
      await context.close();
    }
  },
});

function newConsoleContext(browser: Browser, entra: EntraStack): Promise<BrowserContext> {
  // The provider's certificate is self-signed; the console itself is plain HTTP on loopback.
  return browser.newContext({ baseURL: entra.consoleURL, ignoreHTTPSErrors: true });
}

/** From the console's signed-out screen through the provider's sign-in page and back. */
export async function signInAs(page: Page, user: TestUser): Promise<void> {
  await page.getByRole("main").getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("button", { name: `Sign in as ${user.name}` }).click();
  // Three page loads and a code redemption: give a loaded machine time.
  await expect(page.getByRole("button", { name: `Account: ${user.name}` })).toBeVisible({ timeout: 30_000 });
}

export { expect };
