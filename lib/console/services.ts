import "server-only";
import { join, resolve } from "node:path";
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
  createSlotPacingLimiter,
  PROVISION_ON_DEMAND_PACE,
  type GraphClient,
  type PacingLimiter,
} from "@/lib/graph";
import { createRedisPacingLimiter } from "@/lib/graph/redis-pacing";
import { withKeyPrefix } from "@/lib/graph/slot-pacing";
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
import { databasePacingSlots } from "@/lib/runs/pacing-slots";
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

/** How often queued runs no live console is sending are looked for (a stopped console's, or ones waiting for their operator's sign-in). */
const RESUME_POLL_MS = 2_000;

/**
 * Builds the console's services, in the order each needs the last: settings → database and purge
 * timer → instance heartbeat, lease (SQLite) and recovery → token cache store → Graph token source
 * → pacing (provisionOnDemand's and the job actions'; Redis, or the database) → Graph per caller →
 * run service (resuming queued runs) → bulk service and worker.
 */
export async function buildConsoleServices(settings: Env): Promise<ConsoleServices> {
  const stops: (() => unknown)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };

  const db = await openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir: settings.DATA_DIR });
  stops.push(() => db.destroy());
  const instance = await startInstance(db, {
    exclusive: settings.DATABASE_URL ? null : { where: sqliteLocation(settings) },
    onLeaseLost: () => void stopAll().finally(() => process.exit(1)),
  }).catch(async (error: unknown) => {
    await stopAll();
    throw error;
  });
  stops.push(() => instance.stop());
  stops.push(await startRetentionPurge(db, settings));

  const redis = settings.REDIS_URL ? createRedisClient(settings.REDIS_URL) : null;
  if (redis) stops.push(() => redis.disconnect());
  const tokens = graphTokenSource(settings, db, redis);

  const pace = consolePace(settings);
  // The pace outlives the process: in Redis, or in the database (a restarted console sees the calls it made).
  const limiter: PacingLimiter = redis
    ? createRedisPacingLimiter({ redis, ...pace })
    : createSlotPacingLimiter((config) => databasePacingSlots(db, config), pace);
  // Job actions have a budget of their own per job, in the same store under other keys.
  const jobActionPacing: PacingLimiter = redis
    ? createRedisPacingLimiter({ redis, ...JOB_ACTION_PACE, keyPrefix: "pod:job-action-pace:" })
    : createSlotPacingLimiter(
        (config) => withKeyPrefix(databasePacingSlots(db, config), "job-action:"),
        JOB_ACTION_PACE,
      );

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

  const resume = () =>
    runs
      .resumeQueued(signIns.graphForActor, instance.peers())
      .then((resumed) => {
        if (resumed > 0) console.warn(`[console] resumed ${resumed} queued run(s) no console was sending.`);
      })
      .catch((error: unknown) => console.error("[console] resuming queued runs failed", error));
  void resume();
  const resumer = setInterval(resume, RESUME_POLL_MS);
  resumer.unref();
  stops.push(() => clearInterval(resumer));

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
    stop: stopAll,
  };
}

/** Where the SQLite database is, as a refusal names it. */
function sqliteLocation(settings: Env): string {
  return `in DATA_DIR=${resolve(settings.DATA_DIR)} (${join(resolve(settings.DATA_DIR), "console.db")})`;
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
