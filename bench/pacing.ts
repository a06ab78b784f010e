import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createDemoTenant, DEMO_FIXTURES } from "../lib/demo-tenant";
import { createGraphClient, createMemoryPacingLimiter } from "../lib/graph";
import { buildProvisionOnDemandRequest } from "../lib/provisioning";

const RUNS = 25;
const LIMIT = 5;
const WINDOW_MS = 1_000;
const BASE_URL = "https://graph.microsoft.com";

const { scimApp, inScopeUser } = DEMO_FIXTURES;
const body = buildProvisionOnDemandRequest({
  ruleId: scimApp.ruleId,
  subject: { kind: "user", objectId: inScopeUser.id },
});

function pacedClient() {
  const tenant = createDemoTenant({ throttle: { limit: LIMIT, windowMs: WINDOW_MS } });
  const client = createGraphClient({
    fetch: tenant.handle,
    baseUrl: BASE_URL,
    limiter: createMemoryPacingLimiter({ limit: LIMIT, windowMs: WINDOW_MS }),
  });
  return { tenant, client };
}

/** Wall time of one batch of LIMIT calls sent together, which no pacing can shorten: the median of a few. */
async function batchServiceMs(): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    const { client } = pacedClient();
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
  const { tenant, client } = pacedClient();
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
    `\nPacing: ${RUNS} provisionOnDemand runs queued at once on one job (limit ${LIMIT} per ${WINDOW_MS} ms, demo tenant and client)`,
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
