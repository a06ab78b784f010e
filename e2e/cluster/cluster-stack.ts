import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { Client } from "pg";
import { freshPostgresUrl } from "../../lib/testing/fresh-postgres";
// @ts-expect-error -- plain JavaScript test support, no type declarations
import { ensurePostgres, ensureRedis } from "../../scripts/services.mjs";
import { ConsoleProcess } from "../console-process";
import { DemoTenantProcess } from "../demo-tenant-process";
import { entraConsoleEnv, OPERATOR, startEntraProvider } from "../entra/entra-stack";
import type { TestIdentityProvider } from "../identity-provider";
import { LoadBalancer } from "./load-balancer";

// Several console instances acting as one: Entra mode against the stand-alone demo tenant (as
// Graph) and the test identity provider, sharing a fresh PostgreSQL schema and Redis, behind nginx.

export interface ClusterOptions {
  instances: number;
  /** The demo tenant's throttle and the consoles' pace (the window shortened for tests). */
  pace: { limit: number; windowMs: number };
  /**
   * PostgreSQL and Redis (default). False: one instance on its own SQLite file with in-process
   * pacing and token cache — the console's single-instance mode, for comparison.
   */
  shared?: boolean;
}

export interface Cluster {
  url: string;
  /** The Redis the consoles share (shared clusters only). */
  redisUrl: string;
  consoles: ConsoleProcess[];
  tenant: DemoTenantProcess;
  provider: TestIdentityProvider;
  /** The operator's console token, as the browser would send it. */
  operatorToken(): string;
  /** Reads the consoles' shared database directly (what the API does not show: who claimed what); shared only. */
  query<T>(sql: string, parameters?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const shared = options.shared ?? true;
  if (!shared && options.instances > 1)
    throw new Error("Several instances need shared state (PostgreSQL and Redis).");
  const databaseUrl = await freshPostgresUrl(process.env.TEST_DATABASE_URL ?? (ensurePostgres() as string));
  // Keys are per job and per account; a database number of its own keeps other tests' keys apart.
  const redisDatabase = 1 + Math.floor(Math.random() * 15);
  const redisUrl = `${(process.env.TEST_REDIS_URL ?? (ensureRedis() as string)).replace(/\/\d*$/, "")}/${redisDatabase}`;
  const provider = await startEntraProvider();
  const dataDir = mkdtempSync(join(tmpdir(), "pod-cluster-"));
  const tenant = new DemoTenantProcess(
    [
      "--graph-token-authority",
      provider.authority,
      "--throttle-limit",
      String(options.pace.limit),
      "--throttle-window-ms",
      String(options.pace.windowMs),
    ],
    { NODE_EXTRA_CA_CERTS: provider.certificatePath },
  );
  const consoleFor = (index: number) =>
    new ConsoleProcess({
      ...entraConsoleEnv(provider, tenant.url),
      ...(shared ? { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl } : {}),
      GRAPH_PACE_LIMIT: String(options.pace.limit),
      GRAPH_PACE_WINDOW_MS: String(options.pace.windowMs),
      DATA_DIR: join(dataDir, `instance-${index + 1}`),
    });
  const consoles: ConsoleProcess[] = [];
  let balancer: LoadBalancer | null = null;
  const database = new Client({ connectionString: databaseUrl });
  const stop = async () => {
    balancer?.stop();
    for (const console of consoles) console.kill();
    tenant.stop();
    await database.end().catch(() => undefined);
    await provider.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // The cluster's own Redis database starts empty: pace slots and token caches are this run's.
    const redis = new Redis(redisUrl);
    await redis.flushdb();
    redis.disconnect();
    await tenant.start();
    // One after the other: the first applies the migrations, the others find them done.
    for (let index = 0; index < options.instances; index++) {
      const console = consoleFor(index);
      consoles.push(console);
      await console.start();
    }
    balancer = new LoadBalancer(consoles.map((c) => c.port));
    await balancer.start();
    await database.connect();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: balancer.url,
    redisUrl,
    consoles,
    tenant,
    provider,
    operatorToken: () => provider.mintConsoleToken({ oid: OPERATOR.oid }),
    async query<T>(sql: string, parameters: unknown[] = []) {
      return (await database.query(sql, parameters)).rows as T[];
    },
    stop,
  };
}
