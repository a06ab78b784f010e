// Validates the settings once when the server starts: a bad value stops it with a message that
// names the variable, instead of failing later on the first request that reads it.
export async function register() {
  // NEXT_RUNTIME is a constant Next.js inlines per bundle, not a setting (hence no lib/env here).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/startup");
  // Bulk runs resume when the server starts, not when someone first opens the console.
  const { startBulkWorker } = await import("./lib/console/bulk");
  startBulkWorker().catch((error: unknown) =>
    console.error("[console] the bulk worker did not start", error),
  );
}
