import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { cloudEndpoints } from "@/lib/auth/clouds";
import { graphTokenFor } from "@/lib/auth/graph-token";
import { env } from "@/lib/env";
import {
  createGraphClient,
  createMemoryPacingLimiter,
  PROVISION_ON_DEMAND_PACE,
  type GraphClient,
  type PacingLimiter,
} from "@/lib/graph";
import { createRedisPacingLimiter } from "@/lib/graph/redis-pacing";
import { createRedisClient } from "@/lib/redis";
import { processSingleton } from "@/lib/process-singleton";
import { embeddedDemoTenant } from "./demo";

/** How many signed-in admins keep a Graph client (and its discovery cache) in memory at once. */
const MAX_CLIENTS = 200;

/**
 * Graph as this caller may use it. Demo mode: the embedded tenant's handler, called in-process
 * with the same requests Microsoft Graph would get — it can never reach a real Graph endpoint.
 * Entra mode: Microsoft Graph with the caller's token (on-behalf-of) or the console's own
 * (application mode). One pacing limiter serves every caller, as the limit is per job.
 */
export function graphClient(caller: Caller): GraphClient {
  const settings = env();
  if (settings.mode === "demo") {
    return processSingleton("graph-client", () =>
      createGraphClient({
        fetch: embeddedDemoTenant().handle,
        // The demo tenant writes next-page links for Graph's own origin; the client follows no other.
        baseUrl: "https://graph.microsoft.com",
        limiter: pacingLimiter(),
      }),
    );
  }
  const clients = processSingleton(
    "graph-clients",
    () => new Map<string, { client: GraphClient; caller: Caller }>(),
  );
  const key = settings.GRAPH_PERMISSION_MODE === "application" ? "app" : `user:${caller.id}`;
  const known = clients.get(key);
  if (known) {
    known.caller = caller; // its token is the freshest for on-behalf-of
    clients.delete(key);
    clients.set(key, known); // most recently used last
    return known.client;
  }
  const limiter = pacingLimiter();
  const entry: { client: GraphClient; caller: Caller } = {
    caller,
    client: createGraphClient({
      fetch: (request) => fetch(request),
      baseUrl: settings.GRAPH_ENDPOINT ?? cloudEndpoints(settings.ENTRA_CLOUD).graphEndpoint,
      getAccessToken: () => graphTokenFor(entry.caller),
      limiter,
    }),
  };
  clients.set(key, entry);
  if (clients.size > MAX_CLIENTS) clients.delete(clients.keys().next().value!);
  return entry.client;
}

/** The provisionOnDemand pace the console keeps per job: Graph's (or the demo tenant's) unless set. */
export function consolePace(): { limit: number; windowMs: number } {
  const settings = env();
  const base =
    settings.mode === "demo"
      ? { limit: settings.DEMO_THROTTLE_LIMIT, windowMs: settings.DEMO_THROTTLE_WINDOW_MS }
      : PROVISION_ON_DEMAND_PACE;
  return {
    limit: settings.GRAPH_PACE_LIMIT ?? base.limit,
    windowMs: settings.GRAPH_PACE_WINDOW_MS ?? base.windowMs,
  };
}

/**
 * One limiter for every caller of this process, as the limit is per job. With REDIS_URL it is
 * shared by every console instance through Redis; without it, it lives in this process.
 */
function pacingLimiter(): PacingLimiter {
  return processSingleton("pacing-limiter", () => {
    const url = env().REDIS_URL;
    return url
      ? createRedisPacingLimiter({ redis: createRedisClient(url), ...consolePace() })
      : createMemoryPacingLimiter(consolePace());
  });
}
