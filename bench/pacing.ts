import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createDemoTenant, DEMO_FIXTURES } from "../lib/demo-tenant";
import {
  createGraphClient,
  createMemoryPacingLimiter,
  createSlotPacingLimiter,
  type PacingLimiter,
} from "../lib/graph";
import { buildProvisionOnDemandRequest } from "../lib/provisioning";
import { openSqliteDatabase, type RunsDatabase } from "../lib/runs/database";
import { databasePacingSlots } from "../lib/runs/pacing-slots";

const RUNS = 25;
const LIMIT = 5;
const WINDOW_MS = 1_000;
const BASE_URL = "https://graph.microsoft.com";

const { scimApp, inScopeUser } = DEMO_FIXTURES;
const body = buildProvisionOnDemandRequest({
  ruleId: scimApp.ruleId,
  subject: { kind: "user", objectId: inScopeUser.id },
});

/** Where the pace is kept: in the process (the baseline), or in the console's database (SQLite). */
type PaceStore = "memory" | "database";

const opened: RunsDatabase[] = [];

async function limiterIn(store: PaceStore): Promise<PacingLimiter> {
  const pace = { limit: LIMIT, windowMs: WINDOW_MS };
  if (store === "memory") return createMemoryPacingLimiter(pace);
  const db = await openSqliteDatabase(join(mkdtempSync(join(tmpdir(), "pod-bench-pace-")), "console.db"));
  opened.push(db);
  return createSlotPacingLimiter((config) => databasePacingSlots(db, config), pace);
}

async function pacedClient(store: PaceStore) {
  const tenant = createDemoTenant({ throttle: { limit: LIMIT, windowMs: WINDOW_MS } });
  const client = createGraphClient({
    fetch: tenant.handle,
    baseUrl: BASE_URL,
    limiter: await limiterIn(store),
  });
  return { tenant, client };
}

/** Wall time of one batch of LIMIT calls sent together, which no pacing can shorten: the median of a few. */
async function batchServiceMs(): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    const { client } = await pacedClient("memory");
    const started = performance.now();
    await Promise.all(
      Array.from({ length: LIMIT }, () => client.provisionOnDemand(scimApp.spId, scimApp.jobId, body)),
    );
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/**
 * 25 provisionOnDemand runs queued at once on one job, through the Graph client and its pacing,
 * against the demo tenant throttled to the same 5 calls per 1000 ms.
 *
 * Physical minimum for N calls at L per window W: the first L start at once, each later group of
 * L one window after the previous, so the last group starts ceil(N/L − 1)·W after the first and
 * then needs one batch's service time S:  minimum = ceil(N/L − 1)·W + S.
 */
export async function benchPacing(): Promise<void> {
  const serviceMs = await batchServiceMs();
  try {
    for (const store of ["memory", "database"] as const) await paceWith(store, serviceMs);
  } finally {
    for (const db of opened.splice(0)) await db.destroy();
  }
}

async function paceWith(store: PaceStore, serviceMs: number): Promise<void> {
  const { tenant, client } = await pacedClient(store);
  const sent: number[] = [];
  let maxPosition = 0;
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: RUNS }, () =>
      client.provisionOnDemand(scimApp.spId, scimApp.jobId, body, {
        onQueued: ({ position }) => (maxPosition = Math.max(maxPosition, position)),
        onSent: () => sent.push(performance.now() - started),
      }),
    ),
  );
  const elapsedMs = performance.now() - started;
  const minimumMs = Math.ceil(RUNS / LIMIT - 1) * WINDOW_MS + serviceMs;
  const lastBatchServiceMs = elapsedMs - Math.max(...sent);
  const job = tenant.stats().jobs.find((j) => j.jobId === scimApp.jobId);
  const ratio = elapsedMs / minimumMs;

  console.log(
    `\nPacing kept ${store === "memory" ? "in the process (baseline)" : "in the database (SQLite, as the console keeps it without Redis)"}: ${RUNS} provisionOnDemand runs queued at once on one job (limit ${LIMIT} per ${WINDOW_MS} ms, demo tenant and client)`,
  );
  console.log(
    `  answers 200: ${answers.filter((a) => a.status === 200).length}/${RUNS}, retried: ${answers.filter((a) => a.attempts > 1).length}, deepest queue position: ${maxPosition}`,
  );
  console.log(`  elapsed: ${elapsedMs.toFixed(0)} ms`);
  console.log(
    `  physical minimum: ceil(N/L − 1)·W + S = ${Math.ceil(RUNS / LIMIT - 1)}·${WINDOW_MS} + ${serviceMs.toFixed(0)} = ${minimumMs.toFixed(0)} ms`,
  );
  console.log(
    `    (S = median wall time of ${LIMIT} calls sent together; this run's last batch took ${lastBatchServiceMs.toFixed(0)} ms)`,
  );
  console.log(`  ratio elapsed / minimum: ${ratio.toFixed(3)}× (aim ≤ 1.05×)`);
  console.log(
    `  above the minimum: ${(elapsedMs - minimumMs).toFixed(0)} ms over ${Math.ceil(RUNS / LIMIT - 1)} window boundaries — each window runs from the previous batch's answers, the latest Graph can have counted them`,
  );
  console.log(
    `  answers of 429 from the tenant: ${job?.throttled ?? "?"} (aim 0); most calls in any ${WINDOW_MS} ms: ${job?.maxCallsInWindow ?? "?"}`,
  );
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  await benchPacing();
}
