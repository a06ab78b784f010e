// `npm run demo` with a current build: the time from starting the command until the console
// answers /api/health (the build is checked by its content hash, not rebuilt).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestServerProcess } from "../e2e/console-process";
import { freePort } from "../e2e/free-port";
import { staleReason } from "../scripts/build-cache.mjs";
import { ensureProductionBuild } from "./production-build";

const ROUNDS = 3;

export async function benchDemoStart(): Promise<number> {
  console.log("\nnpm run demo with a current build (start of the command → /api/health answers)");
  await ensureProductionBuild();
  if (staleReason() !== null) throw new Error(`the build is not current: ${staleReason()}`);
  const seconds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const port = await freePort();
    const demo = new TestServerProcess(
      "npm run demo",
      () => ["scripts/demo.mjs"],
      { PORT: String(port), HOSTNAME: "127.0.0.1", DATA_DIR: mkdtempSync(join(tmpdir(), "pod-bench-demo-")) },
      async (url) => (await fetch(`${url}/api/health`)).ok,
      port,
    );
    const started = performance.now();
    await demo.start();
    seconds.push((performance.now() - started) / 1000);
    demo.kill();
    await demo.exitedAndGone();
  }
  const median = [...seconds].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
  console.log(
    `  serving after ${median.toFixed(2)} s (median of ${ROUNDS}: ${seconds.map((s) => s.toFixed(2)).join(", ")} s; aim < 5 s: ${(median / 5).toFixed(2)}× the aim)`,
  );
  return median;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDemoStart();
