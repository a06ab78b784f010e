import { env, EnvError } from "./env";

try {
  console.log(`[console] starting in ${env().mode} mode`);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// The services start with the server (so bulk runs resume), not when someone first opens the console.
const { consoleServices } = await import("./console");
consoleServices().catch((error: unknown) =>
  console.error("[console] the console's services did not start", error),
);
