// Peak resident memory of a console under the fuzz load of e2e/api-fuzz.spec.ts (every route and
// method with hostile input, then four 100 MB uploads at once), as that spec reports it.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { ensureProductionBuild } from "./production-build";

const REPORT = "test-results/api-fuzz-report.json";
const BUDGET_MIB = 300;

export async function benchFuzzMemory(): Promise<number> {
  console.log("\nPeak RSS under the fuzz load (e2e/api-fuzz.spec.ts, the console's process group)");
  await ensureProductionBuild();
  rmSync(REPORT, { force: true });
  const ran = spawnSync(
    "npx",
    ["playwright", "test", "e2e/api-fuzz.spec.ts", "--project=demo", "--reporter=dot"],
    {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
    },
  );
  if (ran.status !== 0) throw new Error(`the fuzz spec failed:\n${ran.stdout}\n${ran.stderr}`);
  const report = JSON.parse(readFileSync(REPORT, "utf8")) as {
    peakRssMiB: number;
    peakRssBeforeUploadsMiB: number;
    inputsTried: number;
  };
  console.log(
    `  peak ${report.peakRssMiB} MiB (${report.peakRssBeforeUploadsMiB} MiB before the uploads; ${report.inputsTried} inputs)` +
      ` | ${(report.peakRssMiB / BUDGET_MIB).toFixed(2)}× the ${BUDGET_MIB} MB budget`,
  );
  return report.peakRssMiB;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFuzzMemory();
