import "server-only";
import type { Sleep } from "./clock";
import { createDirectory } from "./directory";
import { createDiscovery } from "./discovery";
import { createGraphReader } from "./graph-reader";
import {
  createGraphTransport,
  type GraphFetch,
  type GraphVersion,
  type RetryOptions,
} from "./graph-transport";
import { createMemoryPacingLimiter, PROVISION_ON_DEMAND_PACE, type PacingLimiter } from "./pacing";
import { createProvisionOnDemand } from "./provision-on-demand";
import { createProvisioningLogs } from "./provisioning-logs";
import { createServicePrincipals } from "./service-principals";
import { createSchemaTools } from "./schema-tools";
import { createSynchronization } from "./synchronization";
import { createUserAccess } from "./user-access";

export interface GraphClientOptions {
  /** The platform fetch against Graph, or the demo tenant's handler. */
  fetch: GraphFetch;
  /** Graph's origin without the version, e.g. "https://graph.microsoft.com". */
  baseUrl: string;
  /** v1.0 serves every operation here, provisionOnDemand included. */
  version?: GraphVersion;
  /** A bearer token per request (Entra mode); none in demo mode. */
  getAccessToken?: () => Promise<string | null>;
  /** Pacing of provisionOnDemand per job; in memory, 5 per 10 s, by default. */
  limiter?: PacingLimiter;
  /** Per attempt: reads 30 s, provisionOnDemand 120 s (it often takes longer than 30 s), job actions 60 s. */
  timeouts?: { readMs?: number; provisionMs?: number; actionMs?: number };
  retry?: RetryOptions;
  /** How long discovery's answer is reused; 60 s by default. */
  discoveryCacheMs?: number;
  sleep?: Sleep;
  now?: () => number;
  random?: () => number;
}

// validateCredentials waits for the provisioning service to reach the target, hence a minute for actions.
export const DEFAULT_TIMEOUTS = { readMs: 30_000, provisionMs: 120_000, actionMs: 60_000 } as const;

export type GraphClient = ReturnType<typeof createGraphClient>;

/** The one door to Microsoft Graph: typed operations, each answer checked, paced and retried. */
export function createGraphClient(options: GraphClientOptions) {
  const readMs = options.timeouts?.readMs ?? DEFAULT_TIMEOUTS.readMs;
  const provisionMs = options.timeouts?.provisionMs ?? DEFAULT_TIMEOUTS.provisionMs;
  const actionMs = options.timeouts?.actionMs ?? DEFAULT_TIMEOUTS.actionMs;
  for (const [name, ms] of [
    ["timeouts.readMs", readMs],
    ["timeouts.provisionMs", provisionMs],
    ["timeouts.actionMs", actionMs],
  ] as const)
    if (!Number.isFinite(ms) || ms <= 0)
      throw new RangeError(`${name} must be a positive number of milliseconds, got ${ms}.`);

  const transport = createGraphTransport(options);
  const reader = createGraphReader(transport, readMs);
  const limiter =
    options.limiter ??
    createMemoryPacingLimiter({ ...PROVISION_ON_DEMAND_PACE, now: options.now, sleep: options.sleep });
  const discovery = createDiscovery({
    transport,
    reader,
    readTimeoutMs: readMs,
    cacheMs: options.discoveryCacheMs,
  });

  return {
    ...createServicePrincipals(transport, reader),
    discoverProvisioningApps: discovery.discover,
    ...createSynchronization(reader, transport, actionMs),
    ...createDirectory(reader),
    ...createSchemaTools(transport, reader, readMs),
    ...createUserAccess(reader),
    ...createProvisioningLogs(transport, reader),
    provisionOnDemand: createProvisionOnDemand(transport, limiter, provisionMs),
    /** The limiter provisionOnDemand waits on; bulk runs take their turns from it before they claim an item. */
    pacing: limiter,
  };
}
