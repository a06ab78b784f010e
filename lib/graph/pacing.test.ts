import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMemoryPacingLimiter, type PacingWait } from "./pacing";
import { busiestWindow } from "@/lib/testing/busiest-window";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("memory pacing limiter", () => {
  it("releases 12 calls on one job at most 5 per 1000 ms, in order, all of them", async () => {
    const limiter = createMemoryPacingLimiter({ limit: 5, windowMs: 1_000, arrivalAllowanceMs: 0 });
    const t0 = Date.now();
    const starts: number[] = [];
    const order: number[] = [];
    const waits: PacingWait[][] = Array.from({ length: 12 }, () => []);
    const calls = Array.from({ length: 12 }, (_, i) =>
      limiter.acquire("sp/job", { onWait: (info) => waits[i]!.push(info) }).then(() => {
        starts.push(Date.now() - t0);
        order.push(i);
      }),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(calls);
    expect(starts).toEqual([0, 0, 0, 0, 0, 1_000, 1_000, 1_000, 1_000, 1_000, 2_000, 2_000]);
    expect(busiestWindow(starts, 1_000)).toBe(5);
    expect(order).toEqual([...Array(12).keys()]);
    // The sixth waited first in line, for one window; the twelfth was seventh, two windows out.
    expect(waits[0]).toEqual([]);
    expect(waits[5]![0]).toEqual({ position: 1, waitMs: 1_000 });
    expect(waits[11]![0]).toEqual({ position: 7, waitMs: 2_000 });
    // Positions are reported again as the queue moves.
    expect(waits[11]!.map((w) => w.position)).toEqual([7, 2]);
    expect(waits[11]![1]).toEqual({ position: 2, waitMs: 1_000 });
  });

  it("counts a call from its answer, or from its release plus the arrival allowance when no answer came", async () => {
    const limiter = createMemoryPacingLimiter({ limit: 1, windowMs: 1_000, arrivalAllowanceMs: 50 });
    const t0 = Date.now();
    const startTimes: number[] = [];
    const take = () => limiter.acquire("job").then((permit) => (startTimes.push(Date.now() - t0), permit));

    await take(); // never answered: counts from 0 + 50
    const second = take();
    await vi.advanceTimersByTimeAsync(1_049);
    expect(startTimes).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    const permit = await second;
    expect(startTimes).toEqual([0, 1_050]);

    const third = take();
    await vi.advanceTimersByTimeAsync(10);
    permit.answered(); // answered 10 ms after release: the next may go a window after that
    await vi.advanceTimersByTimeAsync(999);
    expect(startTimes).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await third;
    expect(startTimes).toEqual([0, 1_050, 2_060]);
  });

  it("does not make calls on different jobs wait for each other", async () => {
    const limiter = createMemoryPacingLimiter({ limit: 1, windowMs: 10_000 });
    await limiter.acquire("sp/job-a");
    let otherStarted = false;
    void limiter.acquire("sp/job-b").then(() => (otherStarted = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(otherStarted).toBe(true);
    expect(await limiter.snapshot("sp/job-a")).toEqual({ queued: 0, startedInWindow: 1 });
  });

  it("drops an aborted waiter and moves the ones behind it up", async () => {
    const limiter = createMemoryPacingLimiter({ limit: 1, windowMs: 1_000, arrivalAllowanceMs: 0 });
    await limiter.acquire("job");
    const controller = new AbortController();
    const first = limiter.acquire("job", { signal: controller.signal });
    const positions: number[] = [];
    const second = limiter.acquire("job", { onWait: (w) => positions.push(w.position) });
    expect(await limiter.snapshot("job")).toEqual({ queued: 2, startedInWindow: 1 });
    controller.abort(new Error("cancelled"));
    await expect(first).rejects.toThrow("cancelled");
    expect(positions).toEqual([2, 1]);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(second).resolves.toHaveProperty("answered");
    expect(await limiter.snapshot("job")).toEqual({ queued: 0, startedInWindow: 1 });
  });

  it("frees the window as time passes", async () => {
    const limiter = createMemoryPacingLimiter({ limit: 2, windowMs: 1_000, arrivalAllowanceMs: 0 });
    await limiter.acquire("job");
    await limiter.acquire("job");
    expect(await limiter.snapshot("job")).toEqual({ queued: 0, startedInWindow: 2 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await limiter.snapshot("job")).toEqual({ queued: 0, startedInWindow: 0 });
  });

  it("refuses a limit or window that makes no sense", () => {
    expect(() => createMemoryPacingLimiter({ limit: 0, windowMs: 1_000 })).toThrow(/limit/);
    expect(() => createMemoryPacingLimiter({ limit: 5, windowMs: Number.NaN })).toThrow(/windowMs/);
  });
});
