import "server-only";
import { systemSleep, type Sleep } from "./clock";

export interface PacingWait {
  /** 1 for the next call to go. */
  position: number;
  /** Estimated time until this call may start. */
  waitMs: number;
}

export interface PacingSnapshot {
  /** Calls waiting for their turn. */
  queued: number;
  /** Calls started within the current window. */
  startedInWindow: number;
}

/**
 * Releases calls for one key (one synchronization job) in FIFO order, at most `limit` per sliding
 * window. A Redis-backed implementation shares the same budget across console instances.
 */
export interface PacingLimiter {
  /** Resolves when the caller may start; rejects with the signal's reason when aborted while waiting. */
  acquire(key: string, options?: { signal?: AbortSignal; onWait?(info: PacingWait): void }): Promise<void>;
  snapshot(key: string): Promise<PacingSnapshot>;
}

export interface MemoryPacingOptions {
  limit: number;
  windowMs: number;
  /** Added to every window so jitter between our clock and Graph's never costs a 429; 2% of the window by default. */
  marginMs?: number;
  now?: () => number;
  sleep?: Sleep;
}

/** Graph's documented limit for provisionOnDemand. */
export const PROVISION_ON_DEMAND_PACE = { limit: 5, windowMs: 10_000 } as const;

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  onWait: ((info: PacingWait) => void) | undefined;
  reportedPosition: number;
  detach(): void;
}

interface Lane {
  starts: number[];
  queue: Waiter[];
  timer: AbortController | null;
}

export function createMemoryPacingLimiter(options: MemoryPacingOptions): PacingLimiter {
  const { limit, windowMs } = options;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`Pacing limit must be a whole number ≥ 1, got ${limit}.`);
  if (!Number.isFinite(windowMs) || windowMs <= 0)
    throw new RangeError(`Pacing windowMs must be a positive number, got ${windowMs}.`);
  const marginMs = options.marginMs ?? Math.ceil(windowMs * 0.02);
  if (!Number.isFinite(marginMs) || marginMs < 0)
    throw new RangeError(`Pacing marginMs must be ≥ 0, got ${marginMs}.`);
  const spacing = windowMs + marginMs;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? systemSleep;
  const lanes = new Map<string, Lane>();

  const lane = (key: string): Lane => {
    let found = lanes.get(key);
    if (!found) lanes.set(key, (found = { starts: [], queue: [], timer: null }));
    return found;
  };

  const prune = (l: Lane, at: number) => {
    while (l.starts.length > 0 && l.starts[0]! + spacing <= at) l.starts.shift();
  };

  function pump(key: string, l: Lane) {
    const at = now();
    prune(l, at);
    while (l.queue.length > 0 && l.starts.length < limit) {
      const waiter = l.queue.shift()!;
      l.starts.push(at);
      waiter.detach();
      waiter.resolve();
    }
    l.timer?.abort();
    l.timer = null;
    if (l.queue.length === 0) {
      if (l.starts.length === 0) lanes.delete(key);
      return;
    }
    reportPositions(l, at);
    const timer = new AbortController();
    l.timer = timer;
    sleep(Math.max(1, l.starts[0]! + spacing - at), timer.signal).then(
      () => {
        if (l.timer === timer) pump(key, l);
      },
      () => undefined,
    );
  }

  /** Each waiter's start is one window after the start `limit` places ahead of it. */
  function reportPositions(l: Lane, at: number) {
    const slots = [...l.starts];
    l.queue.forEach((waiter, index) => {
      const startsAt = Math.max(at, slots[slots.length - limit]! + spacing);
      slots.push(startsAt);
      const position = index + 1;
      if (position === waiter.reportedPosition) return;
      waiter.reportedPosition = position;
      try {
        waiter.onWait?.({ position, waitMs: startsAt - at });
      } catch {
        // A listener's failure must not stall the queue.
      }
    });
  }

  return {
    acquire(key, { signal, onWait } = {}) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const l = lane(key);
        const onAbort = () => {
          const index = l.queue.indexOf(waiter);
          if (index < 0) return;
          l.queue.splice(index, 1);
          reject(signal?.reason);
          pump(key, l);
        };
        const waiter: Waiter = {
          resolve,
          reject,
          onWait,
          reportedPosition: 0,
          detach: () => signal?.removeEventListener("abort", onAbort),
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        l.queue.push(waiter);
        pump(key, l);
      });
    },
    async snapshot(key) {
      const l = lanes.get(key);
      if (!l) return { queued: 0, startedInWindow: 0 };
      prune(l, now());
      return { queued: l.queue.length, startedInWindow: l.starts.length };
    },
  };
}
