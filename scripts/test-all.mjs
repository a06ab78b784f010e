// npm test — every check the project has: typecheck, lint, architecture, formatting, unit tests,
// browser tests.
// Runs them all (a failure does not hide the others), then prints the real totals as the last line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureNginx, ensurePostgres, ensureRedis } from "./services.mjs";

// PostgreSQL and Redis for the storage and pacing tests; nginx balances the multi-instance browser test.
ensureNginx();
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  TEST_DATABASE_URL: ensurePostgres(),
  TEST_REDIS_URL: ensureRedis(),
};
const results = [];

function stage(name, command, args, count) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const status = spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;
  const counted = count?.() ?? { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 };
  // A runner that crashed before reporting still counts as a failure.
  if (status !== 0 && counted.failed === 0) counted.failed = 1;
  results.push({ name, status, ms: Date.now() - started, ...counted });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

rmSync("test-results/vitest.json", { force: true });
rmSync("test-results/playwright.json", { force: true });
mkdirSync("test-results", { recursive: true });

stage("typecheck", "npx", ["tsc", "--noEmit"]);
stage("lint", "npx", ["eslint", "--max-warnings=0", "."]);
stage("architecture (dependency-cruiser)", "npm", ["run", "--silent", "lint:architecture"]);
stage("formatting (prettier)", "npx", ["prettier", "--check", "."]);
stage(
  "unit tests (vitest)",
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"],
  () => {
    const report = readJson("test-results/vitest.json");
    return report
      ? {
          passed: report.numPassedTests,
          failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0),
        }
      : { passed: 0, failed: 1 };
  },
);
stage("browser tests (playwright)", "node", ["scripts/e2e.mjs"], () => {
  const report = existsSync("test-results/playwright.json") ? readJson("test-results/playwright.json") : null;
  return report
    ? { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected }
    : { passed: 0, failed: 1 };
});

console.log("\n=== summary ===");
for (const r of results) {
  console.log(
    `${r.status === 0 ? "ok  " : "FAIL"} ${r.name}: ${r.passed} passed, ${r.failed} failed (${(r.ms / 1000).toFixed(1)} s)`,
  );
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
const anyFailed = results.some((r) => r.status !== 0) || failed > 0;
console.log(`${passed} passed, ${failed} failed`);
process.exit(anyFailed ? 1 : 0);
