// Script weight per page as Chromium fetched it by network idle (compressed bytes on the wire), for
// every page, in demo mode and in Entra mode (signed in through the test identity provider).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { ConsoleProcess } from "../e2e/console-process";
import { ADMINISTRATOR, startEntraStack } from "../e2e/entra/entra-stack";
import {
  consolePages,
  kb,
  SCRIPT_BUDGET_BYTES,
  weighPage,
  withoutCache,
  type ConsoleApi,
  type PageWeight,
} from "../e2e/page-weight";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/chromium";
import { ensureProductionBuild } from "./production-build";

export interface PageWeightFigures {
  demo: PageWeight[];
  entra: PageWeight[];
}

async function weighAll(
  browser: Browser,
  baseURL: string,
  api: ConsoleApi,
  signIn?: (page: Page) => Promise<void>,
): Promise<PageWeight[]> {
  const pages = await consolePages(api);
  const context = await browser.newContext({ baseURL, ignoreHTTPSErrors: true });
  try {
    const tab = await context.newPage();
    if (signIn) await signIn(tab);
    await withoutCache(tab);
    const weights: PageWeight[] = [];
    for (const page of pages) weights.push(await weighPage(tab, page));
    return weights;
  } finally {
    await context.close();
  }
}

function print(mode: string, weights: PageWeight[]): void {
  const worst = weights.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const over = weights.filter((w) => w.bytes > SCRIPT_BUDGET_BYTES);
  console.log(`  ${mode}:`);
  for (const w of weights)
    console.log(
      `    ${w.name.padEnd(16)} ${kb(w.bytes).padStart(7)} KB in ${String(w.scripts).padStart(2)} scripts` +
        ` (${(w.bytes / SCRIPT_BUDGET_BYTES).toFixed(2)}× the budget)${w.bytes > SCRIPT_BUDGET_BYTES ? "  OVER" : ""}`,
    );
  console.log(
    `    heaviest: ${worst.name}, ${kb(worst.bytes)} KB = ${(worst.bytes / SCRIPT_BUDGET_BYTES).toFixed(2)}× the ${kb(SCRIPT_BUDGET_BYTES)} KB budget;` +
      ` ${over.length === 0 ? "every page within it" : `${over.length} page(s) over it: ${over.map((w) => w.name).join(", ")}`}`,
  );
}

export async function benchPageWeight(): Promise<PageWeightFigures> {
  console.log(
    `\nScript per page (compressed bytes Chromium downloaded by network idle, cold cache; budget ${kb(SCRIPT_BUDGET_BYTES)} KB)`,
  );
  await ensureProductionBuild();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const demoConsole = new ConsoleProcess({ DATA_DIR: mkdtempSync(join(tmpdir(), "pod-bench-weight-")) });
    await demoConsole.start();
    let demo: PageWeight[];
    try {
      demo = await weighAll(browser, demoConsole.url, (path, init) =>
        fetch(`${demoConsole.url}${path}`, init),
      );
    } finally {
      demoConsole.kill();
    }
    print("demo mode", demo);

    const stack = await startEntraStack();
    let entra: PageWeight[];
    try {
      const token = stack.provider.mintConsoleToken({
        oid: ADMINISTRATOR.oid,
        roles: ["Console.Administrator", "Console.Operator", "Console.Reader"],
      });
      const api: ConsoleApi = (path, init) =>
        fetch(`${stack.consoleURL}${path}`, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${token}` },
        });
      entra = await weighAll(browser, stack.consoleURL, api, async (tab) => {
        await tab.goto("/");
        await tab.getByRole("main").getByRole("button", { name: "Sign in", exact: true }).click();
        await tab.getByRole("button", { name: `Sign in as ${ADMINISTRATOR.name}` }).click();
        await tab
          .getByRole("button", { name: `Account: ${ADMINISTRATOR.name}` })
          .waitFor({ timeout: 60_000 });
      });
    } finally {
      await stack.stop();
    }
    print("Entra mode (signed in as an administrator; MSAL loaded)", entra);
    return { demo, entra };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPageWeight();
