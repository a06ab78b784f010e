import "server-only";
import { createDemoControls, type DemoStats } from "./controls/demo-controls";
import { runProvisionOnDemand } from "./engine/provision";
import { createGraphApi } from "./graph/graph-api";
import { errorResult, newErrorIds, toResponse } from "./graph/graph-call";
import { createJobLifecycle } from "./jobs/job-lifecycle";
import { badRequest } from "./graph/graph-error";
import { throttleKey } from "./graph/provision-on-demand";
import { createProvisionThrottle, PROVISION_ON_DEMAND_LIMIT, type ThrottleOptions } from "./graph/throttle";
import type { GraphTokenCheckConfig } from "./graph-token-check";
import { createTokenIssuer, type TokenIssuer } from "./identity/token-issuer";
import type { TenantState } from "./model";
import { createCycles, type CycleSummary } from "./provisioning-log/cycles";
import { entryFromAnswer } from "./provisioning-log/from-answer";
import { createProvisioningLog, type ProvisioningLog } from "./provisioning-log/store";
import { createScimTargets, type ScimTargets } from "./scim";
import { DEFAULT_SEED, seedTenant } from "./seed";
import { CONTOSO_DOMAIN, CONTOSO_TENANT_ID, DEMO_SCIM_ORIGIN, DEVELOPER_CLIENTS } from "./seed/fixtures";
import { seedProvisioningHistory, syntheticLogEvents } from "./seed/provisioning-history";
import { createSeededRandom } from "./seed/random";

export { DEMO_FIXTURES, DEVELOPER_CLIENTS, type DemoFixtures, type DeveloperClient } from "./seed/fixtures";
export type { DemoStats } from "./controls/demo-controls";
export type { ThrottleOptions } from "./graph/throttle";
export type { CycleSummary } from "./provisioning-log/cycles";

/** A Web-standard handler: Microsoft Graph itself, the demo tenant, or anything that answers like them. */
export type GraphHandler = (request: Request) => Promise<Response>;

export interface DemoTenantOptions {
  /** Same seed, same tenant: ids, names and assignments. */
  seed?: number;
  /** provisionOnDemand pacing per job; Graph's 5 per 10 s by default; false turns it off. */
  throttle?: ThrottleOptions | false;
  now?: () => Date;
  /** Point a built-in SCIM target's jobs at an external SCIM app instead (keyed by target id, e.g. "hr-portal"). */
  scimTargets?: Record<string, { baseUrl: string; bearerToken?: string | null }>;
  /**
   * Check Graph access tokens (signature, issuer, audience, expiry, scopes or roles) as Microsoft
   * Graph would: tokens of an external authority, or ("self") of the tenant's own token endpoint,
   * which then serves client credentials at `/{tenantId}/oauth2/v2.0/token`. Off when absent.
   */
  graphTokens?: GraphTokenCheckConfig | "self";
  /** Run each job's scheduled cycles on its interval (off: cycles run only when asked, as tests want). */
  scheduledCycles?: boolean;
  /** Synthetic events added to the seeded provisioning log, for load tests (none by default). */
  extraLogEvents?: number;
}

export interface DemoTenant {
  /** Serves `/v1.0/…` and `/beta/…` (Graph), `/scim/{targetId}/…` and `/demo/…`; the host is ignored. */
  handle: GraphHandler;
  /** The live state (mutable; for tests and tools). */
  state(): TenantState;
  /** Back to the seeded state: directory, assignments, SCIM stores, call counters. */
  reset(): void;
  stats(): DemoStats;
  scim: ScimTargets;
  /** The provisioning log behind /auditLogs/provisioning (for tests and tools). */
  provisioningLog: ProvisioningLog;
  /** Runs one scheduled cycle of a job now; null when there is no such job or one is running. */
  runCycle(spId: string, jobId: string): Promise<CycleSummary | null>;
  /** Stops the scheduled cycles' timer. */
  stop(): void;
}

const SCIM_HOST = new URL(DEMO_SCIM_ORIGIN).host;

export function createDemoTenant(options: DemoTenantOptions = {}): DemoTenant {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? (() => new Date());
  const throttleOptions = options.throttle === undefined ? PROVISION_ON_DEMAND_LIMIT : options.throttle;

  const build = () => {
    const seeded = seedTenant(seed);
    for (const [targetId, external] of Object.entries(options.scimTargets ?? {})) {
      const builtIn = `${DEMO_SCIM_ORIGIN}/scim/${targetId}`;
      for (const sp of seeded.state.servicePrincipals.values())
        for (const job of sp.jobs)
          if (job.target.kind === "scim" && job.target.baseUrl === builtIn)
            job.target = {
              ...job.target,
              baseUrl: external.baseUrl.replace(/\/+$/, ""),
              bearerToken: external.bearerToken ?? job.target.bearerToken,
            };
    }
    return seeded;
  };
  // Ids minted at run time (SCIM resources, changeIds, assignments) come from their own seeded streams.
  const idStreams = () => ({
    engine: createSeededRandom(seed ^ 0x2545f491),
    scim: createSeededRandom(seed ^ 0x9e3779b9),
    log: createSeededRandom(seed ^ 0x1b873593),
  });

  let seeded = build();
  // The seed as built, never changed: what the demo's scenarios put back (built on first use).
  let pristine: ReturnType<typeof build> | null = null;
  let ids = idStreams();
  const provisioningLog = createProvisioningLog();
  // The seeded history ends where the tenant starts (or is reset), so its days are the last ones.
  const loadHistory = () => {
    provisioningLog.clear();
    const endsAt = now().getTime();
    provisioningLog.load([
      ...seedProvisioningHistory(seeded.state, { seed, endsAt }),
      ...syntheticLogEvents(seeded.state, { seed, endsAt, count: options.extraLogEvents ?? 0 }),
    ]);
  };
  loadHistory();
  const scim = createScimTargets(seeded.scimTargets, { clock: { now, newId: () => ids.scim.guid() } });
  const throttle = createProvisionThrottle(throttleOptions, () => now().getTime());

  const scimFetch = (request: Request): Promise<Response> =>
    new URL(request.url).host === SCIM_HOST ? scim.handle(request) : fetch(request);

  const lifecycle = createJobLifecycle({ scimFetch, now, newId: () => ids.engine.guid() });
  let issuer: TokenIssuer | null = null;
  let tokens: GraphTokenCheckConfig | undefined;
  if (options.graphTokens === "self") {
    const own = createTokenIssuer({
      tenantId: CONTOSO_TENANT_ID,
      domains: [CONTOSO_DOMAIN, "contoso.onmicrosoft.com"],
      tenantName: "Contoso",
      clients: Object.values(DEVELOPER_CLIENTS),
      now,
    });
    issuer = own;
    tokens = {
      issuer: own.issuer,
      jwksUri: `demo-tenant:${CONTOSO_TENANT_ID}/discovery/v2.0/keys`,
      audience: "https://graph.microsoft.com",
      tenantId: CONTOSO_TENANT_ID,
      fetchJwks: async () => own.jwks(),
      now: () => now().getTime(),
    };
  } else tokens = options.graphTokens;
  const engine = (input: Parameters<typeof runProvisionOnDemand>[1]) =>
    runProvisionOnDemand({ tenant: seeded.state, scimFetch, now, newId: () => ids.engine.guid() }, input);
  const cycles = createCycles({
    tenant: () => seeded.state,
    log: () => provisioningLog,
    run: engine,
    now,
    newId: () => ids.log.guid(),
  });
  if (options.scheduledCycles) cycles.start();

  const graph = createGraphApi({
    tokens,
    tenant: () => seeded.state,
    now,
    throttle,
    lifecycle,
    provisioningLog: () => provisioningLog,
    // Every on-demand run is logged as the provisioning service logs it, with its own cycle id.
    provision: async (input) => {
      const answer = await engine(input);
      const entry = entryFromAnswer(
        {
          tenantId: seeded.state.tenantId,
          servicePrincipal: input.servicePrincipal,
          job: input.job,
          cycleId: ids.log.guid(),
          initiatedBy: { id: "", displayName: "Provision on demand", initiatorType: "user" },
          newId: () => ids.log.guid(),
        },
        answer,
      );
      if (entry) provisioningLog.append(entry);
      return answer;
    },
  });

  const reset = () => {
    seeded = build();
    ids = idStreams();
    scim.reset();
    throttle.reset();
    loadHistory();
    cycles.reset();
  };

  const stats = (): DemoStats => ({
    throttle: throttleOptions ? { ...throttleOptions } : null,
    jobs: [...seeded.state.servicePrincipals.values()].flatMap((sp) =>
      sp.jobs.map((j) => ({
        servicePrincipalId: sp.id,
        servicePrincipalDisplayName: sp.displayName,
        jobId: j.job.id,
        ...throttle.stats(throttleKey(sp.id, j.job.id)),
      })),
    ),
  });

  const controls = createDemoControls({
    tenant: () => seeded.state,
    reset,
    stats,
    scim,
    newId: () => ids.engine.guid(),
    now,
    changed: cycles.markChanged,
    runCycle: cycles.runCycle,
    scenarios: { pristine: () => (pristine ??= build()), provision: engine },
  });

  async function handle(request: Request): Promise<Response> {
    const first = new URL(request.url).pathname.split("/")[1] ?? "";
    switch (first.toLowerCase()) {
      case "v1.0":
        return graph.handle(request, "v1.0");
      case "beta":
        return graph.handle(request, "beta");
      case "scim":
        return scim.handle(request);
      case "demo":
        return controls.handle(request);
      default: {
        if (issuer?.serves(first)) return issuer.handle(request);
        const errorIds = newErrorIds(request.headers, now());
        return toResponse(
          errorResult(
            badRequest(
              `Invalid version: '${first}'. Use /v1.0 or /beta (Graph), /scim/{targetId} or /demo${issuer ? `, or /${CONTOSO_TENANT_ID}/oauth2/v2.0/token for a token` : ""}.`,
            ),
            errorIds,
          ),
          errorIds,
        );
      }
    }
  }

  return {
    handle,
    state: () => seeded.state,
    reset,
    stats,
    scim,
    provisioningLog,
    runCycle: cycles.runCycle,
    stop: cycles.stop,
  };
}
