// Validates the settings once when the server starts: a bad value stops it with a message that
// names the variable, instead of failing later on the first request that reads it.
export async function register() {
  // NEXT_RUNTIME is a constant Next.js inlines per bundle, not a setting (hence no lib/env here).
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/startup");
}
