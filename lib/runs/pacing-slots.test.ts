import { afterAll, describe, expect, it } from "vitest";
import { createSlotPacingLimiter, type PacingLimiter } from "@/lib/graph";
import { busiestWindow } from "@/lib/testing/busiest-window";
import { testDatabases } from "@/lib/testing/databases";
import type { RunsDatabase } from "./database";
import { databasePacingSlots } from "./pacing-slots";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDatabases())("the pace kept in the database (%s)", (_name, database) => {
  const open = database();
  const connections: RunsDatabase[] = [];
  afterAll(async () => {
    for (const db of connections) await db.destroy();
  });

  /** A limiter on a connection of its own, as a console process has. */
  async function consoleLimiter(pace: { limit: number; windowMs: number; arrivalAllowanceMs?: number }) {
    const db = await open();
    connections.push(db);
    return createSlotPacingLimiter((config) => databasePacingSlots(db, config), pace);
  }

  async function call(limiter: PacingLimiter, key: string, releases: number[], answer = true) {
    const permit = await limiter.acquire(key);
    releases.push(performance.now());
    if (answer) permit.answered();
  }

  it("shares one sliding-window budget between two consoles on one database", async () => {
    const pace = { limit: 3, windowMs: 400 };
    const [first, second] = [await consoleLimiter(pace), await consoleLimiter(pace)];
    const releases: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => call(i % 2 ? second : first, "sp/shared", releases)),
    );
    const starts = releases.map((at) => at - t0);
    expect(busiestWindow(starts, 400)).toBe(3);
    const elapsed = Math.max(...starts) - Math.min(...starts);
    expect(elapsed).toBeGreaterThanOrEqual(3 * 400);
    expect(elapsed).toBeLessThan(2 * 3 * 400);
  });

  it("keeps a pace larger than one statement can create (GRAPH_PACE_LIMIT of 20,000)", async () => {
    const limiter = await consoleLimiter({ limit: 20_000, windowMs: 60_000 });
    const permits = await Promise.all(Array.from({ length: 50 }, () => limiter.acquire("sp/large")));
    for (const permit of permits) permit.answered();
    expect(await limiter.snapshot("sp/large")).toEqual({ queued: 0, startedInWindow: 50 });
  });

  it("outlives the process: a console started after one died waits out the calls it made", async () => {
    const pace = { limit: 3, windowMs: 800, arrivalAllowanceMs: 0 };
    const dying = await consoleLimiter(pace);
    const releases: number[] = [];
    for (let i = 0; i < 3; i++) await call(dying, "sp/restart", releases, false); // in flight at the kill
    const restarted = await consoleLimiter(pace);
    for (let i = 0; i < 3; i++) await call(restarted, "sp/restart", releases);
    expect(busiestWindow(releases, 800)).toBe(3);
    expect(releases[3]! - releases[0]!).toBeGreaterThanOrEqual(795);
  });

  it("frees a slot whose call was never sent at once, and shows what is held", async () => {
    const limiter = await consoleLimiter({ limit: 1, windowMs: 5_000 });
    const unused = await limiter.acquire("sp/cancel");
    expect(await limiter.snapshot("sp/cancel")).toEqual({ queued: 0, startedInWindow: 1 });
    const t0 = performance.now();
    const next = limiter.acquire("sp/cancel");
    await sleep(50);
    unused.cancel?.();
    await next;
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it("never lets a call hold or free a slot that lapsed and went to another call", async () => {
    const pace = { limit: 1, windowMs: 150, arrivalAllowanceMs: 0 };
    const [late, other] = [await consoleLimiter(pace), await consoleLimiter(pace)];
    const stale = await late.acquire("sp/lapse");
    await sleep(200);
    const fresh = await other.acquire("sp/lapse");
    expect(await stale.sending?.()).toBe(false);
    stale.cancel?.();
    await sleep(30);
    expect(await other.snapshot("sp/lapse")).toEqual({ queued: 0, startedInWindow: 1 });
    fresh.cancel?.();
  });

  it("keeps jobs apart", async () => {
    const limiter = await consoleLimiter({ limit: 1, windowMs: 5_000 });
    await limiter.acquire("sp/job-a");
    const t0 = performance.now();
    await limiter.acquire("sp/job-b");
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
