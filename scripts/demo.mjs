// npm run demo — the console on the embedded demo tenant at http://localhost:3000.
// Builds when the build in .next is not current (scripts/build-cache.mjs: a content hash; skip with
// --no-build), then serves the production build on this machine only (127.0.0.1) unless HOSTNAME
// names another address to listen on (0.0.0.0: every interface; then set ALLOWED_HOSTS to the
// names others reach it by).
import { spawnSync } from "node:child_process";
import { ensureBuild } from "./build-cache.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = process.env.PORT ?? "3000";
const hostname = process.env.HOSTNAME || "127.0.0.1";

if (!process.argv.includes("--no-build")) {
  try {
    await ensureBuild({ env });
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
}
const shown = hostname === "127.0.0.1" ? "localhost" : hostname;
console.log(`\nProvision-on-demand console on the demo tenant: http://${shown}:${port}\n`);
const served = spawnSync(process.execPath, ["server.mjs", "--port", port, "--hostname", hostname], {
  stdio: "inherit",
  env,
});
process.exit(served.status ?? 1);
