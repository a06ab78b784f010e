import { execFileSync } from "node:child_process";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./e2e/chromium";

// The demo-mode server takes a port nothing holds (the system picks it); the workers Playwright
// starts read this config again, so the choice travels to them in the environment.
process.env.E2E_DEMO_PORT ??= execFileSync(
  process.execPath,
  [
    "-e",
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ],
  { encoding: "utf8" },
).trim();
const port = Number(process.env.E2E_DEMO_PORT);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  outputDir: "test-results/artifacts",
  // Demo mode against the server below; Entra mode (e2e/entra) starts its own identity provider,
  // demo tenant as Graph and console (e2e/entra/entra-stack.ts). One run, one JSON report.
  // The cluster project (e2e/cluster) runs two consoles in Entra mode behind nginx, with
  // PostgreSQL and Redis, to show they act as one.
  projects: [
    { name: "demo", testIgnore: ["entra/**", "cluster/**"] },
    { name: "entra", testDir: "e2e/entra" },
    { name: "cluster", testDir: "e2e/cluster" },
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `node server.mjs --hostname 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    env: { NEXT_TELEMETRY_DISABLED: "1", DATA_DIR: "test-results/e2e-data" },
  },
});
