import "server-only";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { createGraphClient, createMemoryPacingLimiter, type GraphClient } from "@/lib/graph";
import { processSingleton } from "@/lib/process-singleton";
import { embeddedDemoTenant } from "./demo";

/**
 * The Graph client of this process. In demo mode its fetch is the embedded tenant's handler,
 * called in-process with the same requests Microsoft Graph would get.
 */
export function graphClient(): GraphClient {
  const settings = env();
  if (settings.mode !== "demo") {
    throw new ApiError(
      "unavailable",
      "Calling Microsoft Graph in Entra mode needs sign-in, which this version does not have yet.",
    );
  }
  return processSingleton("graph-client", () => {
    const tenant = embeddedDemoTenant();
    return createGraphClient({
      fetch: tenant.handle,
      // The demo tenant writes next-page links for Graph's own origin; the client follows no other.
      baseUrl: "https://graph.microsoft.com",
      limiter: createMemoryPacingLimiter({
        limit: settings.DEMO_THROTTLE_LIMIT,
        windowMs: settings.DEMO_THROTTLE_WINDOW_MS,
      }),
    });
  });
}
