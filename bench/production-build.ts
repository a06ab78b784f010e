import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** The console's production build, built first when there is none (benches measure what ships). */
export function ensureProductionBuild(): void {
  if (existsSync(".next/BUILD_ID")) return;
  const built = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) throw new Error("next build failed");
}
