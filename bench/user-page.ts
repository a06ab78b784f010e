// The user page's time to content in the browser, with the demo tenant's 5,000+ users and a
// provisioning log of 100,000 more events, as a ratio to the applications page in the same run.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/chromium";
import { ConsoleProcess } from "../e2e/console-process";
import { ensureProductionBuild } from "./production-build";

const MEGAN = "5930e14b-a8eb-4fb8-8dce-f64882db733d";
const ROUNDS = 12;
const EXTRA_EVENTS = 100_000;

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

/** Milliseconds from navigation until `ready` holds (what a person waits for before they can read). */
async function timeToContent(
  page: Page,
  path: string,
  ready: (page: Page) => Promise<void>,
): Promise<number> {
  const started = performance.now();
  await page.goto(path, { waitUntil: "commit" });
  await ready(page);
  return performance.now() - started;
}

const applicationsReady = (page: Page) =>
  page.getByRole("link", { name: "Contoso HR Portal (SCIM)" }).first().waitFor({ timeout: 60_000 });

async function userPageReady(page: Page): Promise<void> {
  await page.getByRole("article", { name: "Contoso HR Portal (SCIM)" }).waitFor({ timeout: 60_000 });
  await page
    .getByRole("table", { name: /Provisioning events for this user/ })
    .getByRole("row")
    .nth(1)
    .waitFor({ timeout: 60_000 });
}

export async function benchUserPage(): Promise<void> {
  console.log(
    `\nUser page time to content (demo tenant: 5,200 users, ${EXTRA_EVENTS.toLocaleString("en-US")} extra log events)`,
  );
  await ensureProductionBuild();
  const server = new ConsoleProcess({
    DATA_DIR: mkdtempSync(join(tmpdir(), "pod-bench-user-")),
    DEMO_LOG_EXTRA_EVENTS: String(EXTRA_EVENTS),
  });
  await server.start();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    const apps: number[] = [];
    const users: number[] = [];
    // Warm-up: the first visit compiles nothing (production build) but fills discovery's cache for both.
    await timeToContent(page, `${server.url}/`, applicationsReady);
    await timeToContent(page, `${server.url}/users/${MEGAN}`, userPageReady);
    for (let round = 0; round < ROUNDS; round++) {
      apps.push(await timeToContent(page, `${server.url}/`, applicationsReady));
      users.push(await timeToContent(page, `${server.url}/users/${MEGAN}`, userPageReady));
    }
    const [a, u] = [median(apps), median(users)];
    console.log(
      `  applications page median ${a.toFixed(0)} ms | user page median ${u.toFixed(0)} ms (apps with their jobs' last event, run and log page)` +
        ` | ratio ${(u / a).toFixed(2)}× (${ROUNDS} rounds each, alternating)`,
    );
  } finally {
    await browser.close();
    server.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchUserPage();
