import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BulkItemView, BulkRunView, Page } from "../lib/api/contracts";
import { createDemoTenant, DEMO_FIXTURES } from "../lib/demo-tenant";
import { startCluster, type Cluster } from "../e2e/cluster/cluster-stack";
import { ensureProductionBuild } from "./production-build";

// Pacing efficiency of a 100-item bulk run through the whole console (production build, Entra
// mode, the stand-alone demo tenant as Graph, nginx in front): on one instance with in-process
// state, on one with PostgreSQL and Redis, and on two sharing them.

const ITEMS = 100;
const PACE = { limit: 5, windowMs: 1_000 };
const { scimApp } = DEMO_FIXTURES;

async function api<T>(cluster: Cluster, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${cluster.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer ${cluster.operatorToken()}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function measure(label: string, instances: number, shared: boolean, userIds: string[]) {
  const cluster = await startCluster({ instances, pace: PACE, shared });
  try {
    const { id } = await api<{ id: string }>(cluster, "/api/bulk-runs", {
      servicePrincipalId: scimApp.spId,
      jobId: scimApp.jobId,
      ruleId: scimApp.ruleId,
      subjects: userIds.map((objectId) => ({ kind: "user", objectId })),
    });
    let view: BulkRunView;
    do {
      await new Promise((r) => setTimeout(r, 250));
      view = await api<BulkRunView>(cluster, `/api/bulk-runs/${id}`);
    } while (view.status !== "completed");
    const items = (await api<Page<BulkItemView>>(cluster, `/api/bulk-runs/${id}/items?limit=500`)).items;
    const started = Date.parse(view.startedAt!);
    const finished = items.map((item) => Date.parse(item.finishedAt!));
    const elapsedMs = Math.max(...finished) - started;
    // The first group of `limit` goes at once; its service time is what no pacing can shorten.
    const serviceMs = Math.max(...finished.slice(0, PACE.limit)) - started;
    const minimumMs = Math.ceil(ITEMS / PACE.limit - 1) * PACE.windowMs + serviceMs;
    const stats = await cluster.tenant.jobStats(scimApp.spId, scimApp.jobId);
    const peaks = cluster.consoles.map((c) => c.peakMemoryBytes() / 2 ** 20);
    console.log(`  ${label}`);
    console.log(
      `    elapsed ${elapsedMs} ms; minimum ${Math.ceil(ITEMS / PACE.limit - 1)}·${PACE.windowMs} + ${serviceMs} = ${minimumMs} ms; ratio ${(elapsedMs / minimumMs).toFixed(3)}× (aim ≤ 1.05×)`,
    );
    console.log(
      `    calls ${stats.provisionOnDemandCalls} for ${ITEMS} items, 429 answers ${stats.throttled} (aim 0), most calls in any ${PACE.windowMs} ms: ${stats.maxCallsInWindow}, outcomes ${JSON.stringify({ done: view.done, failed: view.counts.failed, interrupted: view.counts.interrupted })}`,
    );
    console.log(
      `    peak resident memory per console: ${peaks.map((mb) => `${mb.toFixed(0)} MB`).join(", ")}`,
    );
  } finally {
    await cluster.stop();
  }
}

export async function benchBulk(): Promise<void> {
  console.log(
    `\nBulk run: ${ITEMS} users on one job, pace ${PACE.limit} per ${PACE.windowMs} ms, the whole console behind nginx (needs a production build)`,
  );
  await ensureProductionBuild();
  // The stand-alone tenant seeds the same directory: its first hundred users.
  const userIds = [...createDemoTenant({ throttle: false }).state().users.keys()].slice(0, ITEMS);
  await measure("1 instance, SQLite and in-process pacing", 1, false, userIds);
  await measure("1 instance, PostgreSQL and Redis", 1, true, userIds);
  await measure("2 instances, PostgreSQL and Redis", 2, true, userIds);
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  await benchBulk();
}
