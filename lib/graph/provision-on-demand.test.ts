import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDemoTenant, DEMO_FIXTURES } from "@/lib/demo-tenant";
import { buildProvisionOnDemandRequest } from "@/lib/provisioning";
import { createGraphClient } from "./client";
import { createMemoryPacingLimiter } from "./pacing";
import { graphErrorJson, inTurn, json, scriptedGraph } from "@/lib/testing/scripted-graph";
import { busiestWindow } from "@/lib/testing/busiest-window";

const { scimApp, twoJobApp, inScopeUser } = DEMO_FIXTURES;
const BASE = "https://graph.microsoft.com";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const userBody = (ruleId: string) =>
  buildProvisionOnDemandRequest({ ruleId, subject: { kind: "user", objectId: inScopeUser.id } });

describe("provisionOnDemand pacing against the demo tenant", () => {
  it("runs 12 calls on one job without a 429: never more than 5 start in any second, queue positions reported", async () => {
    const tenant = createDemoTenant({ throttle: { limit: 5, windowMs: 1_000 } });
    const client = createGraphClient({
      fetch: tenant.handle,
      baseUrl: BASE,
      limiter: createMemoryPacingLimiter({ limit: 5, windowMs: 1_000 }),
    });
    const t0 = Date.now();
    const sent: number[] = [];
    const queued: { position: number; startsInMs: number }[][] = Array.from({ length: 12 }, () => []);
    const runs = Array.from({ length: 12 }, (_, i) =>
      client.provisionOnDemand(scimApp.spId, scimApp.jobId, userBody(scimApp.ruleId), {
        onQueued: (info) => queued[i]!.push(info),
        onSent: () => sent.push(Date.now() - t0),
      }),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    const answers = await Promise.all(runs);

    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(answers.every((a) => a.attempts === 1 && a.requestId !== null)).toBe(true);
    expect(sent).toHaveLength(12);
    expect(busiestWindow(sent, 1_000)).toBe(5);
    const job = tenant.stats().jobs.find((j) => j.jobId === scimApp.jobId)!;
    expect(job).toMatchObject({ provisionOnDemandCalls: 12, throttled: 0 });
    expect(job.maxCallsInWindow).toBeLessThanOrEqual(5);
    expect(queued.slice(0, 5).every((q) => q.length === 0)).toBe(true);
    expect(queued[5]![0]).toMatchObject({ position: 1 });
    expect(queued[11]![0]).toMatchObject({ position: 7 });
    expect(queued[11]![0]!.startsInMs).toBeGreaterThan(queued[5]![0]!.startsInMs);
  });

  it("does not hold a call on one job behind a full queue on another", async () => {
    const tenant = createDemoTenant({ throttle: { limit: 5, windowMs: 1_000 } });
    const client = createGraphClient({
      fetch: tenant.handle,
      baseUrl: BASE,
      limiter: createMemoryPacingLimiter({ limit: 5, windowMs: 1_000 }),
    });
    const [jobA, jobB] = twoJobApp.jobs;
    const onA = Array.from({ length: 8 }, () =>
      client.provisionOnDemand(twoJobApp.spId, jobA.jobId, userBody(jobA.ruleId)),
    );
    let queuedOnB = false;
    const onB = client.provisionOnDemand(twoJobApp.spId, jobB.jobId, userBody(jobB.ruleId), {
      onQueued: () => (queuedOnB = true),
    });
    await vi.advanceTimersByTimeAsync(0);
    await expect(onB).resolves.toMatchObject({ status: 200 });
    expect(queuedOnB).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(onA);
  });
});

describe("provisionOnDemand after a 429 it did not cause", () => {
  it("retries once after Retry-After, queueing again behind the limiter", async () => {
    const graph = scriptedGraph(
      inTurn(
        () => graphErrorJson(429, "TooManyRequests", "Please retry again later.", { "Retry-After": "0.25" }),
        () => json({ key: "{}", value: "{}" }),
      ),
    );
    const client = createGraphClient({
      fetch: graph.fetch,
      baseUrl: BASE,
      limiter: createMemoryPacingLimiter({ limit: 1, windowMs: 1_000, arrivalAllowanceMs: 0 }),
    });
    const t0 = Date.now();
    const sent: number[] = [];
    const queued: number[] = [];
    const run = client.provisionOnDemand("sp-1", "job.1", userBody("rule-1"), {
      onSent: () => sent.push(Date.now() - t0),
      onQueued: (info) => queued.push(info.startsInMs),
    });
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(run).resolves.toMatchObject({ status: 200, attempts: 2 });
    expect(graph.seen).toHaveLength(2);
    // Retry-After asked for 250 ms, but the job's one call per second was already spent on the first attempt.
    expect(sent).toEqual([0, 1_000]);
    expect(queued).toEqual([750]);
  });
});
