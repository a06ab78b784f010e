// npm run test:e2e — builds the console (when its sources changed) and runs the Playwright suite in Debian's Chromium: the
// demo-mode project and the Entra-mode project (e2e/entra, which starts its own identity provider,
// Graph stand-in and console from the same build), into one report, test-results/playwright.json.
// Extra arguments go to Playwright (e.g. `npm run test:e2e -- e2e/shell.spec.ts` or `-- --project=entra`).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { ensureBuild } from "./build-cache.mjs";
import { ensureChromium } from "./chromium.mjs";

ensureChromium();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const run = (command, args) => spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;

// Built only when the sources changed since the last build (a content hash); SKIP_BUILD=1 never builds.
if (process.env.SKIP_BUILD !== "1") {
  try {
    await ensureBuild({ env });
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
}
// Each run starts from an empty console database.
rmSync("test-results/e2e-data", { recursive: true, force: true });
process.exit(run("npx", ["playwright", "test", ...process.argv.slice(2)]));
