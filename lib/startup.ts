import { env, EnvError } from "./env";

try {
  console.log(`[console] starting in ${env().mode} mode`);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// Bulk runs resume when the server starts, not when someone first opens the console.
const { startBulkWorker } = await import("./console/bulk");
startBulkWorker().catch((error: unknown) => console.error("[console] the bulk worker did not start", error));
