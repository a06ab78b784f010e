import "server-only";
import {
  createGraphTokenSource,
  databaseTokenCacheStore,
  entraSettings,
  redisTokenCacheStore,
  type Caller,
  type GraphTokenSource,
} from "@/lib/auth";
import { createBulkService, createBulkWorker, type BulkService, type BulkWorker } from "@/lib/bulk";
import { createDemoTenant, type DemoTenant } from "@/lib/demo-tenant";
import { env, type Env } from "@/lib/env";
import {
  createMemoryPacingLimiter,
  PROVISION_ON_DEMAND_PACE,
  type GraphClient,
  type PacingLimiter,
} from "@/lib/graph";
import { createRedisPacingLimiter } from "@/lib/graph/redis-pacing";
import { processSingleton } from "@/lib/process-singleton";
import { createRedisClient } from "@/lib/redis";
import {
  createRunService,
  DEFAULT_REDACTED_ATTRIBUTES,
  openDatabase,
  sensitiveAttributeTest,
  type RunService,
  type RunsDatabase,
  type SensitiveAttributeTest,
} from "@/lib/runs";
import { createGraphClients } from "./graph-clients";
import { startInstance } from "./instance";
import { startRetentionPurge } from "./retention";
import { createSignIns, type SignIns } from "./sign-ins";

/** The provisionOnDemand pace kept per job. */
export interface Pace {
  limit: number;
  windowMs: number;
}

/**
 * The pace of job actions (test connection, secret token, restart, pause, start) per job: its own
 * budget, apart from provisionOnDemand's. Graph documents no limit for them; each starts work in the
 * provisioning service, so a burst on one job is never useful.
 */
export const JOB_ACTION_PACE: Pace = { limit: 5, windowMs: 10_000 };

/** Everything the route facades use, built once per process in the order below. */
export interface ConsoleServices {
  settings: Env;
  db: RunsDatabase;
  /** This process among the console instances sharing the database. */
  instanceId: string;
  /** Demo mode's embedded tenant (Graph and the demo controls); null in Entra mode. */
  demoTenant: DemoTenant | null;
  pace: Pace;
  /** Turns for job actions, JOB_ACTION_PACE per job (shared by every instance through Redis). */
  jobActionPacing: PacingLimiter;
  /** Graph as this caller may use it (their token in delegated mode). */
  graphFor(caller: Caller): GraphClient;
  runs: RunService;
  bulk: BulkService;
  bulkWorker: BulkWorker;
  /** Delegated mode: the operators' latest sign-ins, so bulk runs can call Graph as them. */
  signIns: SignIns;
  /** Which attributes shared links redact. */
  isSensitive: SensitiveAttributeTest;
  /** Stops timers and the bulk worker, and closes the database (tests). */
  stop(): Promise<void>;
}

/**
 * Builds the console's services, in the order each needs the last: settings → database and purge
 * timer → instance heartbeat and recovery → token cache store → Graph token source → pacing
 * (provisionOnDemand's and the job actions') → Graph per caller → run service → bulk service and worker.
 */
export async function buildConsoleServices(settings: Env): Promise<ConsoleServices> {
  const stops: (() => unknown)[] = [];

  const db = await openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir: settings.DATA_DIR });
  stops.push(() => db.destroy());
  stops.push(await startRetentionPurge(db, settings));

  const instance = await startInstance(db, { exclusive: !settings.DATABASE_URL });
  stops.push(instance.stop);

  const redis = settings.REDIS_URL ? createRedisClient(settings.REDIS_URL) : null;
  if (redis) stops.push(() => redis.disconnect());
  const tokens = graphTokenSource(settings, db, redis);

  const pace = consolePace(settings);
  const limiter: PacingLimiter = redis
    ? createRedisPacingLimiter({ redis, ...pace })
    : createMemoryPacingLimiter(pace);
  // Both Redis limiters run the same counting script, so they may share the client.
  const jobActionPacing: PacingLimiter = redis
    ? createRedisPacingLimiter({ redis, ...JOB_ACTION_PACE, keyPrefix: "pod:job-action-pace:" })
    : createMemoryPacingLimiter(JOB_ACTION_PACE);

  const demoTenant =
    settings.mode === "demo"
      ? createDemoTenant({
          throttle: { limit: settings.DEMO_THROTTLE_LIMIT, windowMs: settings.DEMO_THROTTLE_WINDOW_MS },
          // Like a real tenant's, its jobs run their cycles on schedule and write to the provisioning log.
          scheduledCycles: true,
          extraLogEvents: settings.DEMO_LOG_EXTRA_EVENTS,
        })
      : null;
  if (demoTenant) stops.push(() => demoTenant.stop());
  const graphFor = createGraphClients({ settings, limiter, demoTenant, tokens });

  const runs = createRunService({ db, instanceId: instance.id });

  const signIns = createSignIns({ settings, graphFor });
  const bulkWorker = createBulkWorker({
    db,
    runs,
    instanceId: instance.id,
    lanes: pace.limit,
    graphFor: signIns.graphForActor,
  });
  const bulk = createBulkService({ db, pace, onWork: () => bulkWorker.poke() });
  bulkWorker.start();
  stops.push(() => bulkWorker.stop());

  return {
    settings,
    db,
    instanceId: instance.id,
    demoTenant,
    pace,
    jobActionPacing,
    graphFor,
    runs,
    bulk,
    bulkWorker,
    signIns,
    isSensitive: redactionTest(settings),
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

/** The one process singleton of the console: its services, built at server start. */
export function consoleServices(): Promise<ConsoleServices> {
  return processSingleton("console-services", () => buildConsoleServices(env()));
}

/** The provisionOnDemand pace the console keeps per job: Graph's (or the demo tenant's) unless set. */
export function consolePace(settings: Env): Pace {
  const base =
    settings.mode === "demo"
      ? { limit: settings.DEMO_THROTTLE_LIMIT, windowMs: settings.DEMO_THROTTLE_WINDOW_MS }
      : PROVISION_ON_DEMAND_PACE;
  return {
    limit: settings.GRAPH_PACE_LIMIT ?? base.limit,
    windowMs: settings.GRAPH_PACE_WINDOW_MS ?? base.windowMs,
  };
}

/** Entra mode's Graph tokens through MSAL; several instances share one cache either way (Redis spares the database a write per token). */
function graphTokenSource(
  settings: Env,
  db: RunsDatabase,
  redis: ReturnType<typeof createRedisClient> | null,
): GraphTokenSource | null {
  const entra = entraSettings(settings);
  if (!entra) return null;
  const store = redis ? redisTokenCacheStore(redis) : databaseTokenCacheStore(db);
  return createGraphTokenSource({ settings: entra, store });
}

function redactionTest(settings: Env): SensitiveAttributeTest {
  const configured = settings.SHARE_REDACTED_ATTRIBUTES;
  return sensitiveAttributeTest(
    configured
      ? configured
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean)
      : DEFAULT_REDACTED_ATTRIBUTES,
  );
}
