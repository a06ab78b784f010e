import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BulkRunView } from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import { createDemoTenant, DEMO_FIXTURES, type DemoTenant } from "@/lib/demo-tenant";
import { createGraphClient, createMemoryPacingLimiter, type PacingLimiter } from "@/lib/graph";
import { createRunService } from "@/lib/runs";
import { runRow } from "@/lib/testing/run-rows";
import type { RunsDatabase } from "@/lib/runs/database";
import { HEARTBEAT_MS, registerInstance } from "@/lib/runs/instances";
import { testDatabases } from "@/lib/testing/databases";
import { createBulkService } from "./bulk-service";
import { completeFinishedBulkRuns, recoverOrphanedItems } from "./bulk-store";
import { createBulkWorker } from "./bulk-worker";

// Bulk runs end to end inside one process: the bulk service and workers on a real database, the
// Graph client over the demo tenant's HTTP handler, paced by a real limiter with a short window.

const PACE = { limit: 3, windowMs: 300 };
const { scimApp } = DEMO_FIXTURES;

function users(tenant: DemoTenant, count: number): string[] {
  return [...tenant.state().users.values()].slice(0, count).map((user) => user.id);
}

function instance(db: RunsDatabase, tenant: DemoTenant, limiter: PacingLimiter, id: string) {
  const graph = createGraphClient({ fetch: tenant.handle, baseUrl: "https://graph.microsoft.com", limiter });
  const runs = createRunService({ db, instanceId: id });
  return createBulkWorker({ db, runs, instanceId: id, lanes: PACE.limit, graphFor: () => graph, pollMs: 50 });
}

async function until(
  read: () => Promise<BulkRunView | null>,
  done: (view: BulkRunView) => boolean,
  ms = 20_000,
): Promise<BulkRunView> {
  const deadline = Date.now() + ms;
  for (;;) {
    const view = await read();
    if (view && done(view)) return view;
    if (Date.now() > deadline) throw new Error(`timed out; last view: ${JSON.stringify(view)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const userRequest = (ids: string[]) => ({
  servicePrincipalId: scimApp.spId,
  jobId: scimApp.jobId,
  ruleId: scimApp.ruleId,
  subjects: ids.map((objectId) => ({ kind: "user" as const, objectId, label: `label ${objectId}` })),
});

describe.each(testDatabases())("bulk runs on %s", (name, database) => {
  let db: RunsDatabase;
  let tenant: DemoTenant;
  const stops: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    db = await database()();
    tenant = createDemoTenant({ throttle: PACE });
  });
  afterEach(async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
    await db.destroy();
  });

  const job = () => tenant.stats().jobs.find((j) => j.jobId === scimApp.jobId)!;

  it("sends every item once, at the pace and never over it, and counts the outcomes", async () => {
    const service = createBulkService({ db, pace: PACE });
    const ids = users(tenant, 10);
    const { id } = await service.create({
      request: userRequest(ids),
      actor: "alice",
      applicationLabel: "HR",
    });
    const queued = await service.get(id);
    expect(queued).toMatchObject({ status: "queued", total: 10, done: 0, counts: { pending: 10 } });
    expect(queued!.etaMs).toBe(Math.floor(9 / PACE.limit) * PACE.windowMs);

    const worker = instance(db, tenant, createMemoryPacingLimiter(PACE), "instance-a");
    stops.push(() => worker.stop());
    const started = Date.now();
    worker.start();
    const finished = await until(
      () => service.get(id),
      (view) => view.status === "completed",
    );
    const elapsed = Date.now() - started;

    expect(finished.done).toBe(10);
    expect(finished.etaMs).toBeNull();
    const { Success, Skipped, Failure, Warning, Unknown, failed } = finished.counts;
    expect(Success + Skipped + Failure + Warning + Unknown).toBe(10);
    expect(failed).toBe(0);
    expect(job()).toMatchObject({ provisionOnDemandCalls: 10, throttled: 0 });
    expect(job().maxCallsInWindow).toBeLessThanOrEqual(PACE.limit);
    // Four groups of three: at least three windows apart from the first.
    expect(elapsed).toBeGreaterThanOrEqual(3 * PACE.windowMs);

    const page = await service.items(id, { limit: 100 });
    expect(page.items.map((item) => item.position)).toEqual([...Array(10).keys()].map((i) => i + 1));
    expect(page.items.every((item) => item.status === "done" && item.runId && item.attempts === 1)).toBe(
      true,
    );
    expect(page.items[0]!.label).toBe(`label ${ids[0]}`);
    const runs = await db.selectFrom("runs").select(["id", "bulk_run_id"]).execute();
    expect(runs).toHaveLength(10);
    expect(new Set(runs.map((run) => run.bulk_run_id))).toEqual(new Set([id]));
  });

  it("keeps each item's outcome and, for a failure, Graph's error code", async () => {
    const { rejectingApp, rejectedUser, acceptedUser } = DEMO_FIXTURES;
    const service = createBulkService({ db, pace: PACE });
    const { id } = await service.create({
      request: {
        servicePrincipalId: rejectingApp.spId,
        jobId: rejectingApp.jobId,
        ruleId: rejectingApp.ruleId,
        subjects: [
          { kind: "user", objectId: rejectedUser.id },
          { kind: "user", objectId: acceptedUser.id },
        ],
      },
      actor: "a",
      applicationLabel: null,
    });
    const worker = instance(db, tenant, createMemoryPacingLimiter(PACE), "instance-a");
    stops.push(() => worker.stop());
    worker.start();
    const finished = await until(
      () => service.get(id),
      (view) => view.status === "completed",
    );
    expect(finished.counts).toMatchObject({ Failure: 1, Success: 1 });
    const [failure] = (await service.items(id, { filter: "Failure", limit: 5 })).items;
    expect(failure).toMatchObject({ position: 1, status: "done", outcome: "Failure" });
    expect(failure!.errorCode).toMatch(/\w/);
    expect((await service.items(id, { filter: "Success", limit: 5 })).items[0]!.errorCode).toBeNull();
  });

  it("refuses a second active bulk run on the same job, and bad subjects by index", async () => {
    const service = createBulkService({ db, pace: PACE });
    const { id } = await service.create({
      request: userRequest(users(tenant, 2)),
      actor: "a",
      applicationLabel: null,
    });
    const second = service.create({
      request: userRequest(users(tenant, 1)),
      actor: "b",
      applicationLabel: null,
    });
    await expect(second).rejects.toThrow(new RegExp(`Bulk run ${id} is queued on this job`));
    await expect(second).rejects.toBeInstanceOf(ApiError);

    await service.act(id, "cancel", "a");
    const bad = userRequest([]);
    bad.subjects.push({ kind: "user", objectId: "", label: "x" });
    await expect(service.create({ request: bad, actor: "a", applicationLabel: null })).rejects.toThrow(
      /^subjects\[0\]/,
    );
    const twice = userRequest([...users(tenant, 1), ...users(tenant, 1)]);
    await expect(service.create({ request: twice, actor: "a", applicationLabel: null })).rejects.toThrow(
      /subjects\[1\]: the same object is listed twice/,
    );
  });

  it("pauses between calls, resumes where it stopped, and cancels what was not sent", async () => {
    const service = createBulkService({ db, pace: PACE });
    const { id } = await service.create({
      request: userRequest(users(tenant, 12)),
      actor: "a",
      applicationLabel: null,
    });
    const worker = instance(db, tenant, createMemoryPacingLimiter(PACE), "instance-a");
    stops.push(() => worker.stop());
    worker.start();
    await until(
      () => service.get(id),
      (view) => view.done >= 3,
    );
    const paused = await service.act(id, "pause", "a");
    expect(paused.status).toBe("paused");
    await expect(service.act(id, "pause", "a")).rejects.toThrow(/only a queued or running one can be paused/);
    const settled = await until(
      () => service.get(id),
      (view) => view.counts.sending === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 3 * PACE.windowMs));
    expect((await service.get(id))!.done).toBe(settled.done); // nothing sent while paused
    expect(settled.done).toBeLessThan(12);

    await service.act(id, "resume", "a");
    await until(
      () => service.get(id),
      (view) => view.done >= settled.done + 2,
    );
    const cancelled = await service.act(id, "cancel", "a");
    expect(cancelled.status).toBe("cancelled");
    const final = await until(
      () => service.get(id),
      (view) => view.counts.sending === 0,
    );
    expect(final.counts.cancelled).toBeGreaterThan(0);
    expect(final.done).toBe(12);
    expect(job().provisionOnDemandCalls).toBe(12 - final.counts.cancelled);
    await expect(service.act(id, "retry-failed", "a")).rejects.toThrow(/no item failed or was interrupted/);
  });

  it("counts a Failure, a failed call and the cancelled items apart, and each retry sends exactly its items", async () => {
    const { rejectingApp, rejectedUser, acceptedUser } = DEMO_FIXTURES;
    const slow = { limit: 3, windowMs: 1500 };
    const service = createBulkService({ db, pace: slow });
    const missing = "00000000-0000-4000-8000-00000000dead";
    const others = users(tenant, 6).filter((user) => user !== rejectedUser.id && user !== acceptedUser.id);
    const { id } = await service.create({
      request: {
        servicePrincipalId: rejectingApp.spId,
        jobId: rejectingApp.jobId,
        ruleId: rejectingApp.ruleId,
        subjects: [rejectedUser.id, acceptedUser.id, missing, ...others.slice(0, 3)].map((objectId) => ({
          kind: "user" as const,
          objectId,
        })),
      },
      actor: "a",
      applicationLabel: null,
    });
    const calls = () =>
      tenant.stats().jobs.find((j) => j.jobId === rejectingApp.jobId)!.provisionOnDemandCalls;
    const worker = instance(db, tenant, createMemoryPacingLimiter(slow), "instance-a");
    stops.push(() => worker.stop());
    worker.start();
    await until(
      () => service.get(id),
      (view) => view.done === 3,
    );
    await service.act(id, "cancel", "a");
    const cancelled = await until(
      () => service.get(id),
      (view) => view.counts.sending === 0,
    );
    expect(cancelled).toMatchObject({
      status: "cancelled",
      sent: 3,
      notSent: 3,
      counts: { Failure: 1, Success: 1, failed: 1, cancelled: 3 },
    });
    await expect(service.act(id, "retry-interrupted", "a")).rejects.toThrow(/no item was interrupted/);

    const attempts = async () =>
      Object.fromEntries((await service.items(id, { limit: 10 })).items.map((i) => [i.position, i.attempts]));
    await service.act(id, "retry-calls", "a");
    await until(
      () => service.get(id),
      (view) => view.status === "completed",
    );
    expect(await attempts()).toEqual({ 1: 1, 2: 1, 3: 2, 4: 0, 5: 0, 6: 0 });
    expect(calls()).toBe(4);

    await service.act(id, "retry-failures", "a");
    const final = await until(
      () => service.get(id),
      (view) => view.status === "completed",
    );
    expect(await attempts()).toEqual({ 1: 2, 2: 1, 3: 2, 4: 0, 5: 0, 6: 0 });
    expect(calls()).toBe(5);
    expect(final).toMatchObject({
      sent: 3,
      notSent: 3,
      counts: { Failure: 1, Success: 1, failed: 1, cancelled: 3 },
    });
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "detail"])
      .where("target", "=", id)
      .execute();
    expect(
      audit.filter((entry) => entry.action === "bulk.retried").map((entry) => JSON.parse(entry.detail!)),
    ).toEqual([
      { items: "retry-calls", count: 1 },
      { items: "retry-failures", count: 1 },
    ]);
  });

  /** A bulk run of `count` users whose first item a console that died had claimed, with its run in `runStatus` (or none). */
  async function claimedByDeadConsole(count: number, runStatus: string | null) {
    const service = createBulkService({ db, pace: PACE });
    const { id } = await service.create({
      request: userRequest(users(tenant, count)),
      actor: "a",
      applicationLabel: null,
    });
    const longAgo = new Date(Date.now() - 60_000).toISOString();
    await registerInstance(db, "dead-instance", longAgo);
    const item = await db
      .selectFrom("bulk_items")
      .selectAll()
      .where("bulk_run_id", "=", id)
      .where("position", "=", 1)
      .executeTakeFirstOrThrow();
    let runId: string | null = null;
    if (runStatus) {
      runId = crypto.randomUUID();
      await db
        .insertInto("runs")
        .values(
          runRow({
            id: runId,
            created_at: longAgo,
            status: runStatus,
            started_at: runStatus === "queued" ? null : longAgo,
            outcome: runStatus === "completed" ? "Success" : null,
            action: runStatus === "completed" ? "Create" : null,
            finished_at: runStatus === "completed" ? longAgo : null,
            bulk_run_id: id,
            instance_id: "dead-instance",
            subject_key: item.subject_key,
          }),
        )
        .execute();
    }
    await db
      .updateTable("bulk_items")
      .set({
        status: "sending",
        instance_id: "dead-instance",
        claimed_at: longAgo,
        attempts: 1,
        run_id: runId,
      })
      .where("id", "=", item.id)
      .execute();
    const liveSince = new Date(Date.now() - 5 * HEARTBEAT_MS).toISOString();
    const recover = () =>
      recoverOrphanedItems(db, new Date().toISOString(), "instance-a", { exclusive: false, liveSince });
    return { service, id, runId, recover };
  }

  it("marks an item interrupted when its call may have reached Graph, and resends it only on retry", async () => {
    const { service, id, recover } = await claimedByDeadConsole(3, "running");
    const worker = instance(db, tenant, createMemoryPacingLimiter(PACE), "instance-a");
    stops.push(() => worker.stop());
    worker.start();
    await until(
      () => service.get(id),
      (view) => view.counts.pending === 0 && view.counts.sending === 1,
    );
    expect(job().provisionOnDemandCalls).toBe(2);

    expect(await recover()).toEqual({ interrupted: 1, requeued: 0, finished: 0 });
    await completeFinishedBulkRuns(db, new Date().toISOString());
    const recovered = await service.get(id);
    expect(recovered).toMatchObject({ status: "completed", done: 3, counts: { interrupted: 1 } });
    expect(
      (await service.items(id, { filter: "interrupted", limit: 10 })).items.map((i) => i.position),
    ).toEqual([1]);

    await service.act(id, "retry-failed", "a");
    const retried = await until(
      () => service.get(id),
      (view) => view.status === "completed",
    );
    expect(retried.counts.interrupted).toBe(0);
    expect(job().provisionOnDemandCalls).toBe(3);
    const first = (await service.items(id, { limit: 1 })).items[0]!;
    expect(first).toMatchObject({ status: "done", attempts: 2 });
  });

  it.each([
    ["no run yet", null],
    ["its run still queued", "queued"],
  ])("sends an item once when its console died before the call left (%s)", async (_case, runStatus) => {
    const { service, id, runId, recover } = await claimedByDeadConsole(2, runStatus);
    expect(await recover()).toEqual({ interrupted: 0, requeued: 1, finished: 0 });
    if (runId) {
      const orphan = await db
        .selectFrom("runs")
        .selectAll()
        .where("id", "=", runId)
        .executeTakeFirstOrThrow();
      expect(orphan).toMatchObject({ status: "failed", error_code: "NotSent" });
    }
    const before = job().provisionOnDemandCalls;
    const worker = instance(db, tenant, createMemoryPacingLimiter(PACE), "instance-a");
    worker.start();
    const done = await until(
      () => service.get(id),
      (view) => view.status === "completed",
    );
    await worker.stop();
    expect(done).toMatchObject({ done: 2, counts: { interrupted: 0, failed: 0 } });
    expect(job().provisionOnDemandCalls - before).toBe(2);
    const items = (await service.items(id, { limit: 10 })).items;
    expect(items.every((item) => item.attempts === 1)).toBe(true);
  });

  it("gives an item the answer its run had when the console died before telling the item", async () => {
    const { service, id, recover } = await claimedByDeadConsole(1, "completed");
    expect(await recover()).toEqual({ interrupted: 0, requeued: 0, finished: 1 });
    await completeFinishedBulkRuns(db, new Date().toISOString());
    expect(await service.get(id)).toMatchObject({ status: "completed", done: 1, counts: { Success: 1 } });
    expect(job().provisionOnDemandCalls).toBe(0);
  });

  it(`two instances share one bulk run: each item claimed by exactly one (${name})`, async () => {
    const service = createBulkService({ db, pace: PACE });
    const ids = users(tenant, 12);
    const { id } = await service.create({ request: userRequest(ids), actor: "a", applicationLabel: null });
    // One limiter stands for the shared Redis budget; each instance has its own database handle.
    const limiter = createMemoryPacingLimiter(PACE);
    const a = instance(db, tenant, limiter, "instance-a");
    const b = instance(db, tenant, limiter, "instance-b");
    stops.push(
      () => a.stop(),
      () => b.stop(),
    );
    a.start();
    b.start();
    await until(
      () => service.get(id),
      (view) => view.status === "completed",
    );
    const claimedBy = await db.selectFrom("bulk_items").select(["instance_id", "attempts"]).execute();
    expect(claimedBy.every((item) => item.attempts === 1)).toBe(true);
    expect(new Set(claimedBy.map((item) => item.instance_id))).toEqual(new Set(["instance-a", "instance-b"]));
    expect(job()).toMatchObject({ provisionOnDemandCalls: 12, throttled: 0 });
    expect(job().maxCallsInWindow).toBeLessThanOrEqual(PACE.limit);
  });
});
