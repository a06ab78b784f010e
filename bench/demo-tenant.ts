// The demo tenant's figures: seed time and memory, provisionOnDemand throughput, user search latency.
//   npx tsx --conditions=react-server bench/demo-tenant.ts   (add --expose-gc via NODE_OPTIONS for exact heap figures)
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createDemoTenant, DEMO_FIXTURES, type DemoTenant } from "../lib/demo-tenant";

const PROVISION_RUNS = 300;
const SEARCHES = 400;
const format = (n: number, digits = 1) => n.toFixed(digits);

function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  gc();
  return true;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function measureSeed(): {
  coldMs: number;
  warmMs: number;
  memoryMb: number;
  memoryHow: string;
  tenant: DemoTenant;
} {
  const exactHeap = collectGarbage();
  const before = process.memoryUsage();
  let started = performance.now();
  const tenant = createDemoTenant({ throttle: false });
  const coldMs = performance.now() - started;
  collectGarbage();
  const after = process.memoryUsage();
  const memoryMb = exactHeap
    ? (after.heapUsed - before.heapUsed) / 2 ** 20
    : (after.rss - before.rss) / 2 ** 20;

  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    started = performance.now();
    createDemoTenant({ throttle: false });
    warm.push(performance.now() - started);
  }
  warm.sort((a, b) => a - b);
  return {
    coldMs,
    warmMs: warm[1] ?? Number.NaN,
    memoryMb,
    memoryHow: exactHeap ? "heap after GC" : "RSS delta, no --expose-gc",
    tenant,
  };
}

async function measureProvisioning(tenant: DemoTenant): Promise<number> {
  const { scimApp, inScopeUser } = DEMO_FIXTURES;
  const url = `https://graph.microsoft.com/v1.0/servicePrincipals/${scimApp.spId}/synchronization/jobs/${encodeURIComponent(scimApp.jobId)}/provisionOnDemand`;
  const body = JSON.stringify({
    parameters: [
      { ruleId: scimApp.ruleId, subjects: [{ objectId: inScopeUser.id, objectTypeName: "User" }] },
    ],
  });
  const run = async () => {
    const response = await tenant.handle(
      new Request(url, { method: "POST", headers: { "Content-Type": "application/json" }, body }),
    );
    if (response.status !== 200)
      throw new Error(`provisionOnDemand answered ${response.status}: ${await response.text()}`);
    await response.text();
  };
  for (let i = 0; i < 20; i++) await run();
  const started = performance.now();
  for (let i = 0; i < PROVISION_RUNS; i++) await run();
  return PROVISION_RUNS / ((performance.now() - started) / 1000);
}

async function measureSearch(
  tenant: DemoTenant,
  query: (prefix: string) => string,
): Promise<{ p50: number; p99: number }> {
  const names = [...tenant.state().users.values()].map((u) => u.displayName);
  const prefixes = Array.from({ length: SEARCHES }, (_, i) =>
    (names[(i * 7919) % names.length] ?? "a").slice(0, 2 + (i % 4)),
  );
  const timings: number[] = [];
  for (const [i, prefix] of prefixes.entries()) {
    const started = performance.now();
    const response = await tenant.handle(
      new Request(`https://graph.microsoft.com/v1.0/users?${query(prefix)}`, {
        headers: { ConsistencyLevel: "eventual" },
      }),
    );
    await response.text();
    if (i >= 20) timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 50), p99: percentile(timings, 99) };
}

export async function benchDemoTenant(): Promise<void> {
  const seed = measureSeed();
  const users = seed.tenant.state().users.size;
  console.log(
    `\nDemo tenant — ${users} users, ${seed.tenant.state().groups.size} groups, ${seed.tenant.state().servicePrincipals.size} service principals`,
  );
  console.log(`  seed: ${format(seed.coldMs)} ms first, ${format(seed.warmMs)} ms warm (aim < 1000 ms)`);
  console.log(`  memory of the seeded tenant: ${format(seed.memoryMb)} MB (${seed.memoryHow}; aim < 300 MB)`);
  console.log(
    `  provisionOnDemand, throttling off, one user (RedundantExport): ${format(await measureProvisioning(seed.tenant), 0)} ops/s over ${PROVISION_RUNS} runs`,
  );
  const search = await measureSearch(
    seed.tenant,
    (p) => `$search=${encodeURIComponent(`"displayName:${p}"`)}&$top=25&$count=true`,
  );
  console.log(
    `  $search="displayName:…" over ${users} users: p50 ${format(search.p50, 2)} ms, p99 ${format(search.p99, 2)} ms (aim p99 < 20 ms)`,
  );
  const starts = await measureSearch(
    seed.tenant,
    (p) => `$filter=${encodeURIComponent(`startswith(displayName,'${p.replaceAll("'", "''")}')`)}&$top=25`,
  );
  console.log(
    `  $filter=startswith(displayName,…): p50 ${format(starts.p50, 2)} ms, p99 ${format(starts.p99, 2)} ms (aim p99 < 20 ms)`,
  );
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  await benchDemoTenant();
}
