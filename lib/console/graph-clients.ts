import "server-only";
import { graphEndpointOf, type Caller, type GraphTokenSource } from "@/lib/auth";
import type { DemoTenant } from "@/lib/demo-tenant";
import type { Env } from "@/lib/env";
import { createGraphClient, type GraphClient, type PacingLimiter } from "@/lib/graph";

/** How many signed-in admins keep a Graph client (and its discovery cache) in memory at once. */
const MAX_CLIENTS = 200;

/**
 * Graph as each caller may use it. Demo mode: the embedded tenant's handler, called in-process
 * with the same requests Microsoft Graph would get — it can never reach a real Graph endpoint.
 * Entra mode: Microsoft Graph with the caller's token (on-behalf-of) or the console's own
 * (application mode). One pacing limiter serves every caller, as the limit is per job.
 */
export function createGraphClients(deps: {
  settings: Env;
  limiter: PacingLimiter;
  demoTenant: DemoTenant | null;
  tokens: GraphTokenSource | null;
}): (caller: Caller) => GraphClient {
  const { settings, limiter, demoTenant, tokens } = deps;
  if (demoTenant) {
    const client = createGraphClient({
      fetch: demoTenant.handle,
      // The demo tenant writes next-page links for Graph's own origin; the client follows no other.
      baseUrl: "https://graph.microsoft.com",
      limiter,
    });
    return () => client;
  }
  if (!tokens) throw new Error("Entra mode needs a Graph token source.");
  const baseUrl = graphEndpointOf(settings);
  const clients = new Map<string, { client: GraphClient; caller: Caller }>();
  return (caller) => {
    const key = settings.GRAPH_PERMISSION_MODE === "application" ? "app" : `user:${caller.id}`;
    const known = clients.get(key);
    if (known) {
      known.caller = caller; // its token is the freshest for on-behalf-of
      clients.delete(key);
      clients.set(key, known); // most recently used last
      return known.client;
    }
    const entry: { client: GraphClient; caller: Caller } = {
      caller,
      client: createGraphClient({
        fetch: (request) => fetch(request),
        baseUrl,
        getAccessToken: () => tokens.tokenFor(entry.caller),
        limiter,
      }),
    };
    clients.set(key, entry);
    if (clients.size > MAX_CLIENTS) clients.delete(clients.keys().next().value!);
    return entry.client;
  };
}
