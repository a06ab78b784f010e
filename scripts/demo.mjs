// npm run demo — the console on the embedded demo tenant at http://localhost:3000.
// Builds once (skip with --no-build), then serves the production build.
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = process.env.PORT ?? "3000";
const run = (args) => spawnSync("npx", args, { stdio: "inherit", env }).status ?? 1;

if (!process.argv.includes("--no-build")) {
  const built = run(["next", "build"]);
  if (built !== 0) process.exit(built);
}
console.log(`\nProvision-on-demand console on the demo tenant: http://localhost:${port}\n`);
process.exit(run(["next", "start", "-p", port]));
