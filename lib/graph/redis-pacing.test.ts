import { describe, expect, it } from "vitest";
import { useTestRedis } from "@/lib/testing/redis";
import type { PacingLimiter, PacingWait } from "./pacing";
import { createRedisPacingLimiter } from "./redis-pacing";
import { busiestWindow } from "@/lib/testing/busiest-window";

const { connect, connectUnreachable, uniquePrefix } = useTestRedis();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Acquires, notes when the call was released, and answers at once as a quick Graph would. */
async function call(limiter: PacingLimiter, key: string, releases: number[]) {
  const permit = await limiter.acquire(key);
  releases.push(performance.now());
  permit.answered();
}

describe("Redis pacing limiter", () => {
  it("shares one sliding-window budget between two instances, in order on each, near the fastest pace", async () => {
    const options = { limit: 3, windowMs: 400, keyPrefix: uniquePrefix("pace") };
    const first = createRedisPacingLimiter({ ...options, redis: connect() });
    const second = createRedisPacingLimiter({ ...options, redis: connect() });
    const releases: number[] = [];
    const orderOnFirst: number[] = [];
    const orderOnSecond: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 15 }, (_, i) => {
        const [limiter, order] = i % 2 === 0 ? [first, orderOnFirst] : [second, orderOnSecond];
        return call(limiter, "sp/job", releases).then(() => order.push(i));
      }),
    );
    const starts = releases.map((at) => at - t0);
    expect(starts).toHaveLength(15);
    expect(busiestWindow(starts, 400)).toBe(3);
    // Five rounds of three: the last round cannot start before four windows have passed.
    const elapsed = Math.max(...starts) - Math.min(...starts);
    expect(elapsed).toBeGreaterThanOrEqual(4 * 400);
    expect(elapsed).toBeLessThan(1.6 * 4 * 400);
    expect(orderOnFirst).toEqual([...orderOnFirst].sort((a, b) => a - b));
    expect(orderOnSecond).toEqual([...orderOnSecond].sort((a, b) => a - b));
  });

  it("holds an unanswered call's slot for the window plus the allowance, an answered one for a window from the answer", async () => {
    const limiter = createRedisPacingLimiter({
      redis: connect(),
      limit: 1,
      windowMs: 400,
      // Far longer than the window, so "held for the allowance" and "a window from the answer"
      // differ by more than a loaded machine's delays.
      arrivalAllowanceMs: 1_500,
      keyPrefix: uniquePrefix("pace"),
    });
    await limiter.acquire("job"); // never answered
    const t0 = performance.now();
    const second = await limiter.acquire("job");
    const secondAt = performance.now() - t0;
    second.answered();
    await limiter.acquire("job");
    const thirdAt = performance.now() - t0;
    expect(secondAt).toBeGreaterThanOrEqual(1_890);
    expect(thirdAt - secondAt).toBeGreaterThanOrEqual(395);
    expect(thirdAt - secondAt).toBeLessThan(1_500);
  });

  it("frees a cancelled call's slot at once", async () => {
    const limiter = createRedisPacingLimiter({
      redis: connect(),
      limit: 1,
      windowMs: 5_000,
      keyPrefix: uniquePrefix("pace"),
    });
    const unused = await limiter.acquire("job");
    expect(await limiter.snapshot("job")).toEqual({ queued: 0, startedInWindow: 1 });
    const t0 = performance.now();
    const next = limiter.acquire("job");
    await sleep(50);
    unused.cancel?.();
    await next;
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it("drops an aborted waiter without giving it a slot, and moves the one behind it up", async () => {
    const limiter = createRedisPacingLimiter({
      redis: connect(),
      limit: 1,
      windowMs: 600,
      arrivalAllowanceMs: 0,
      keyPrefix: uniquePrefix("pace"),
    });
    await limiter.acquire("job");
    const controller = new AbortController();
    const firstWaits: PacingWait[] = [];
    const first = limiter.acquire("job", {
      signal: controller.signal,
      onWait: (info) => firstWaits.push(info),
    });
    const positions: number[] = [];
    const second = limiter.acquire("job", { onWait: (info) => positions.push(info.position) });
    await sleep(50);
    expect(await limiter.snapshot("job")).toEqual({ queued: 2, startedInWindow: 1 });
    expect(firstWaits[0]?.position).toBe(1);
    expect(firstWaits[0]?.waitMs).toBeGreaterThan(400);
    expect(firstWaits[0]?.waitMs).toBeLessThanOrEqual(600);

    controller.abort(new Error("bulk run paused"));
    await expect(first).rejects.toThrow("bulk run paused");
    expect(positions).toEqual([2, 1]);
    const permit = await second;
    expect(await limiter.snapshot("job")).toEqual({ queued: 0, startedInWindow: 1 });
    permit.cancel?.();
    await sleep(50);
    expect(await limiter.snapshot("job")).toEqual({ queued: 0, startedInWindow: 0 });
  });

  it("keeps jobs apart: a full job does not hold back another", async () => {
    const limiter = createRedisPacingLimiter({
      redis: connect(),
      limit: 1,
      windowMs: 5_000,
      keyPrefix: uniquePrefix("pace"),
    });
    await limiter.acquire("sp/job-a");
    const t0 = performance.now();
    await limiter.acquire("sp/job-b");
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it("fails quickly with an error naming Redis when Redis cannot be reached", async () => {
    const redis = await connectUnreachable();
    const limiter = createRedisPacingLimiter({ redis, limit: 5, windowMs: 10_000 });
    const t0 = performance.now();
    const waiting = [limiter.acquire("job"), limiter.acquire("job")];
    for (const attempt of waiting) await expect(attempt).rejects.toThrow(/Redis is unreachable/);
    await expect(limiter.snapshot("job")).rejects.toThrow(/Redis is unreachable/);
    expect(performance.now() - t0).toBeLessThan(3_000);
  });

  it("refuses a limit or window that makes no sense", () => {
    const redis = connect();
    expect(() => createRedisPacingLimiter({ redis, limit: 0, windowMs: 1_000 })).toThrow(/limit/);
    expect(() => createRedisPacingLimiter({ redis, limit: 5, windowMs: -1 })).toThrow(/windowMs/);
  });
});
