import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./entra-test";
import { OPERATOR } from "./entra-stack";

// MSAL loads only in Entra mode: the demo console (the suite's other server) never downloads it.

// The suite's demo-mode server (playwright.config.ts picks its port).
const DEMO_CONSOLE = `http://127.0.0.1:${process.env.E2E_DEMO_PORT}`;

/** The JavaScript the page downloaded while loading, by URL. */
function scriptsOf(page: Page): Map<string, Promise<string>> {
  const scripts = new Map<string, Promise<string>>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script")
      scripts.set(
        response.url(),
        response.text().catch(() => ""),
      );
  });
  return scripts;
}

async function msalScripts(scripts: Map<string, Promise<string>>): Promise<string[]> {
  const found: string[] = [];
  for (const [url, text] of scripts) if ((await text).includes("PublicClientApplication")) found.push(url);
  return found;
}

test("the demo console's pages download no MSAL code; Entra mode's do", async ({ openBrowser }) => {
  const demo = await openBrowser();
  const demoScripts = scriptsOf(demo);
  await demo.goto(`${DEMO_CONSOLE}/`);
  await expect(demo.getByText("Demo tenant", { exact: true })).toBeVisible();
  await demo.waitForLoadState("networkidle");
  expect(demoScripts.size).toBeGreaterThan(0);
  expect(await msalScripts(demoScripts)).toEqual([]);

  const entra = await openBrowser();
  const entraScripts = scriptsOf(entra);
  await entra.goto("/");
  await signInAs(entra, OPERATOR);
  expect((await msalScripts(entraScripts)).length).toBeGreaterThan(0);
});
