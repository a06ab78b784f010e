import { expect, test } from "@playwright/test";
import type { BulkPreview, BulkRunView } from "../../lib/api/contracts";
import { Redis } from "ioredis";
import { APPS, type JobTarget } from "../demo-fixtures";
import { OPERATOR } from "../entra/entra-stack";
import { startCluster, type Cluster } from "./cluster-stack";

// Two console instances behind nginx, one PostgreSQL and one Redis: a bulk run is shared by
// both, paced as one, each item sent once; when one instance dies, the other finishes the run.

const PACE = { limit: 5, windowMs: 1_500 };
let cluster: Cluster;
let job: JobTarget;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await startCluster({ instances: 2, pace: PACE });
  job = await findJob(APPS.hrPortal);
});
test.afterAll(async () => {
  await cluster?.stop();
});

async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${cluster.url}${path}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${cluster.operatorToken()}`,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** The app's first job and its provisioning rule, found through the console's API as the pages do. */
async function findJob(appName: string): Promise<JobTarget> {
  const apps = await api<{ items: { id: string; displayName: string }[] }>(
    `/api/service-principals?search=${encodeURIComponent(appName)}`,
  );
  const app = apps.items.find((a) => a.displayName === appName)!;
  const jobs = await api<{ items: { id: string }[] }>(`/api/service-principals/${app.id}/jobs`);
  const jobId = jobs.items[0]!.id;
  const rules = await api<{ items: { id: string; supportsProvisionOnDemand: boolean }[] }>(
    `/api/service-principals/${app.id}/jobs/${encodeURIComponent(jobId)}/rules`,
  );
  return {
    servicePrincipalId: app.id,
    jobId,
    ruleId: rules.items.find((r) => r.supportsProvisionOnDemand)!.id,
  };
}

/** Thirty user ids from a department group of the demo tenant, resolved by the console's preview. */
async function thirtyUsers(groupName: string): Promise<BulkPreview["subjects"]> {
  const groups = await api<{ items: { id: string; displayName: string }[] }>(
    `/api/directory/groups?search=${encodeURIComponent(groupName)}`,
  );
  const group = groups.items.find((g) => g.displayName === groupName);
  if (!group) throw new Error(`no group ${groupName}`);
  const members = await api<{ items: { id: string }[] }>(`/api/directory/groups/${group.id}/members`);
  expect(members.items.length).toBeGreaterThanOrEqual(30);
  const preview = await api<BulkPreview>("/api/bulk-runs/preview", {
    method: "POST",
    body: {
      servicePrincipalId: job.servicePrincipalId,
      jobId: job.jobId,
      source: {
        kind: "lines",
        text: members.items
          .slice(0, 30)
          .map((m) => m.id)
          .join("\n"),
      },
    },
  });
  expect(preview.unresolved).toEqual([]);
  expect(preview.subjects).toHaveLength(30);
  return preview.subjects;
}

async function startBulk(subjects: BulkPreview["subjects"]): Promise<string> {
  const { id } = await api<{ id: string }>("/api/bulk-runs", {
    method: "POST",
    body: {
      servicePrincipalId: job.servicePrincipalId,
      jobId: job.jobId,
      ruleId: job.ruleId,
      subjects: subjects.map((s) => ({ ...s.subject, label: s.label })),
    },
  });
  return id;
}

/** Polls through nginx (so every instance sees the operator) until the bulk run is finished. */
async function waitUntil(id: string, done: (view: BulkRunView) => boolean): Promise<BulkRunView> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const view = await api<BulkRunView>(`/api/bulk-runs/${id}`);
    if (done(view)) return view;
    if (Date.now() > deadline) throw new Error(`bulk run ${id} did not finish: ${JSON.stringify(view)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface ItemRow {
  instance_id: string | null;
  attempts: number;
  status: string;
}

test("two instances share a bulk run of 30 users at the pace, each user sent once, no 429", async () => {
  test.setTimeout(120_000);
  const before = await cluster.tenant.jobStats(job.servicePrincipalId, job.jobId);
  const id = await startBulk(await thirtyUsers("Contoso Sales"));
  const finished = await waitUntil(id, (view) => view.status === "completed");

  expect(finished).toMatchObject({ total: 30, done: 30, counts: { failed: 0, interrupted: 0, pending: 0 } });
  const after = await cluster.tenant.jobStats(job.servicePrincipalId, job.jobId);
  expect(after.provisionOnDemandCalls - before.provisionOnDemandCalls, "calls Graph received").toBe(30);
  expect(after.throttled, "answers of 429").toBe(0);
  expect(after.maxCallsInWindow, "most calls in any window").toBeLessThanOrEqual(PACE.limit);

  const items = await cluster.query<ItemRow>(
    "select instance_id, attempts, status from bulk_items where bulk_run_id = $1",
    [id],
  );
  expect(items.every((item) => item.attempts === 1 && item.status === "done")).toBe(true);
  expect(new Set(items.map((item) => item.instance_id)).size, "instances that sent items").toBe(2);
  const runs = await cluster.query<{ n: string }>("select count(*) as n from runs where bulk_run_id = $1", [
    id,
  ]);
  expect(Number(runs[0]!.n)).toBe(30);

  // Both instances called Graph on the operator's behalf from one MSAL token cache, kept in Redis.
  const redis = new Redis(cluster.redisUrl);
  try {
    expect(await redis.keys("pod:msal:*")).toEqual([`pod:msal:user:${OPERATOR.oid}`]);
    const cache = JSON.parse((await redis.get(`pod:msal:user:${OPERATOR.oid}`))!) as { AccessToken: object };
    expect(Object.keys(cache.AccessToken).length).toBeGreaterThan(0);
  } finally {
    redis.disconnect();
  }
});

test("when one instance is killed in the middle of a bulk run, the other finishes it", async () => {
  test.setTimeout(150_000);
  const before = await cluster.tenant.jobStats(job.servicePrincipalId, job.jobId);
  const id = await startBulk(await thirtyUsers("Contoso Marketing"));
  await waitUntil(id, (view) => view.done >= 8);
  cluster.consoles[0]!.kill();

  const finished = await waitUntil(id, (view) => view.status === "completed");
  expect(finished.total).toBe(30);
  expect(finished.done).toBe(30);
  expect(finished.counts.pending + finished.counts.sending + finished.counts.failed).toBe(0);
  const items = await cluster.query<ItemRow>(
    "select instance_id, attempts, status from bulk_items where bulk_run_id = $1",
    [id],
  );
  const survivor = items.filter((item) => item.status === "done" && item.instance_id !== null);
  // Items the dead instance had in flight are interrupted, not resent; everything else was sent once.
  const interrupted = items.filter((item) => item.status === "interrupted");
  expect(finished.counts.interrupted).toBe(interrupted.length);
  expect(interrupted.length).toBeLessThanOrEqual(PACE.limit);
  expect(items.every((item) => item.attempts === 1)).toBe(true);
  expect(survivor.length + interrupted.length).toBe(30);
  const after = await cluster.tenant.jobStats(job.servicePrincipalId, job.jobId);
  expect(after.throttled, "answers of 429").toBe(0);
  expect(after.maxCallsInWindow).toBeLessThanOrEqual(PACE.limit);
  // Graph saw each done item once, plus at most the interrupted ones the dead instance had sent.
  const calls = after.provisionOnDemandCalls - before.provisionOnDemandCalls;
  expect(calls).toBeGreaterThanOrEqual(survivor.length);
  expect(calls).toBeLessThanOrEqual(30);

  if (interrupted.length > 0) {
    await api(`/api/bulk-runs/${id}/retry-failed`, { method: "POST" });
    const retried = await waitUntil(id, (view) => view.status === "completed");
    expect(retried.counts.interrupted).toBe(0);
    expect(retried.done).toBe(30);
  }
});
