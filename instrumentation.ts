// Validates the settings once when the server starts: a bad value stops it with a message that
// names the variable, instead of failing later on the first request that reads it.
export async function register() {
  // NEXT_RUNTIME is a constant Next.js inlines per bundle, not a setting (hence no lib/env here).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/startup");
  // The services start with the server (so bulk runs resume), not when someone first opens the console.
  const { consoleServices } = await import("./lib/console");
  const { isDatabaseInUse } = await import("./lib/runs/lease");
  consoleServices().catch((error: unknown) => {
    // A second console on one SQLite file would pace Graph on its own and break the first one's work.
    if (isDatabaseInUse(error)) {
      console.error(`[console] ${error.message}`);
      process.exit(1);
    }
    console.error("[console] the console's services did not start", error);
  });
}
