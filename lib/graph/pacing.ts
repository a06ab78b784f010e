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
  /** Calls that still count against the current window. */
  startedInWindow: number;
}

/** A call's turn. `answered()` says Graph has answered, so the call was counted by then at the latest. */
export interface PacingPermit {
  answered(): void;
  /** The turn was not used (no call was sent): it stops counting at once. */
  cancel?(): void;
  /**
   * A turn taken earlier is used now (bulk runs claim an item in between): its window starts now.
   * False when the turn lapsed meanwhile; the caller then waits for a new one.
   */
  sending?(): Promise<boolean> | boolean;
}

/**
 * Releases calls for one key (one synchronization job) in FIFO order, at most `limit` per sliding
 * window. A Redis-backed implementation shares the same budget across console instances.
 */
export interface PacingLimiter {
  /** Resolves when the caller may send; rejects with the signal's reason when aborted while waiting. */
  acquire(
    key: string,
    options?: { signal?: AbortSignal; onWait?(info: PacingWait): void },
  ): Promise<PacingPermit>;
  snapshot(key: string): Promise<PacingSnapshot>;
}

export interface MemoryPacingOptions {
  limit: number;
  windowMs: number;
  /**
   * How late after its release Graph may still count a call (the time to reach Graph). A call's
   * window runs from its answer or from release plus this allowance, whichever comes first.
   * Default: a quarter of the window, at most 500 ms.
   */
  arrivalAllowanceMs?: number;
  now?: () => number;
  sleep?: Sleep;
}

/** Graph's documented limit for provisionOnDemand. */
export const PROVISION_ON_DEMAND_PACE = { limit: 5, windowMs: 10_000 } as const;

/** A caller waiting for its turn, in a limiter's queue for one key. */
export interface PacingWaiter {
  resolve(permit: PacingPermit): void;
  reject(reason: unknown): void;
  onWait: ((info: PacingWait) => void) | undefined;
  reportedPosition: number;
  /** Stops listening for the caller's abort (once served). */
  detach(): void;
}

/** Tells a waiter its place and wait, when its place changed. */
export function tellPosition(waiter: PacingWaiter, position: number, waitMs: number): void {
  if (position === waiter.reportedPosition) return;
  waiter.reportedPosition = position;
  try {
    waiter.onWait?.({ position, waitMs });
  } catch {
    // A listener's failure must not stall the queue.
  }
}

/** Checks a limiter's options (both limiters take the same); returns the arrival allowance to use. */
export function arrivalAllowance(options: {
  limit: number;
  windowMs: number;
  arrivalAllowanceMs?: number;
}): number {
  const { limit, windowMs } = options;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`Pacing limit must be a whole number ≥ 1, got ${limit}.`);
  if (!Number.isFinite(windowMs) || windowMs <= 0)
    throw new RangeError(`Pacing windowMs must be a positive number, got ${windowMs}.`);
  const allowanceMs = options.arrivalAllowanceMs ?? Math.min(500, Math.ceil(windowMs / 4));
  if (!Number.isFinite(allowanceMs) || allowanceMs < 0)
    throw new RangeError(`Pacing arrivalAllowanceMs must be ≥ 0, got ${allowanceMs}.`);
  return allowanceMs;
}

/**
 * A promise of a turn: the caller joins `queue` (unless already aborted) and, if its signal aborts
 * while it waits, leaves it rejected with the signal's reason; `joined` and `left` let the limiter
 * serve or re-plan the queue.
 */
export function waitInQueue(
  queue: PacingWaiter[],
  { signal, onWait }: { signal?: AbortSignal; onWait?(info: PacingWait): void },
  hooks: { joined(): void; left(): void },
): Promise<PacingPermit> {
  return new Promise<PacingPermit>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      const index = queue.indexOf(waiter);
      if (index < 0) return;
      queue.splice(index, 1);
      reject(signal?.reason);
      hooks.left();
    };
    const waiter: PacingWaiter = {
      resolve,
      reject,
      onWait,
      reportedPosition: 0,
      detach: () => signal?.removeEventListener("abort", onAbort),
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    queue.push(waiter);
    hooks.joined();
  });
}

/** A released call; it stops counting `windowMs` after `countsFrom`. */
interface Slot {
  countsFrom: number;
}

interface Lane {
  slots: Slot[];
  queue: PacingWaiter[];
  timer: AbortController | null;
}

export function createMemoryPacingLimiter(options: MemoryPacingOptions): PacingLimiter {
  const { limit, windowMs } = options;
  const allowanceMs = arrivalAllowance(options);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? systemSleep;
  const lanes = new Map<string, Lane>();

  const lane = (key: string): Lane => {
    let found = lanes.get(key);
    if (!found) lanes.set(key, (found = { slots: [], queue: [], timer: null }));
    return found;
  };

  const prune = (l: Lane, at: number) => {
    l.slots = l.slots.filter((slot) => slot.countsFrom + windowMs > at);
  };

  function release(key: string, l: Lane, at: number): PacingPermit {
    const slot = { countsFrom: at + allowanceMs };
    l.slots.push(slot);
    let answered = false;
    return {
      sending() {
        if (answered) return false;
        slot.countsFrom = Math.max(slot.countsFrom, now() + allowanceMs);
        return true;
      },
      cancel() {
        if (answered) return;
        answered = true;
        l.slots = l.slots.filter((held) => held !== slot);
        if (l.queue.length > 0) pump(key, l);
      },
      answered() {
        if (answered) return;
        answered = true;
        const when = now();
        if (when >= slot.countsFrom) return;
        // Answered before the allowance ran out: the window can start from the answer instead.
        slot.countsFrom = when;
        if (l.queue.length > 0) pump(key, l);
      },
    };
  }

  function pump(key: string, l: Lane) {
    const at = now();
    prune(l, at);
    while (l.queue.length > 0 && l.slots.length < limit) {
      const waiter = l.queue.shift()!;
      waiter.detach();
      waiter.resolve(release(key, l, at));
    }
    l.timer?.abort();
    l.timer = null;
    if (l.queue.length === 0) {
      if (l.slots.length === 0) lanes.delete(key);
      return;
    }
    const freeAt = reportPositions(l, at);
    const timer = new AbortController();
    l.timer = timer;
    sleep(Math.max(1, freeAt - at), timer.signal).then(
      () => {
        if (l.timer === timer) pump(key, l);
      },
      () => undefined,
    );
  }

  /** Each waiter starts one window after the slot `limit` places ahead of it; returns when the first may go. */
  function reportPositions(l: Lane, at: number): number {
    const ends = l.slots.map((slot) => slot.countsFrom + windowMs).sort((a, b) => a - b);
    l.queue.forEach((waiter, index) => {
      const startsAt = Math.max(at, ends[index]!);
      ends.push(startsAt + allowanceMs + windowMs);
      ends.sort((a, b) => a - b);
      tellPosition(waiter, index + 1, startsAt - at);
    });
    return Math.min(...l.slots.map((slot) => slot.countsFrom + windowMs));
  }

  return {
    acquire(key, options = {}) {
      const l = lane(key);
      return waitInQueue(l.queue, options, { joined: () => pump(key, l), left: () => pump(key, l) });
    },
    async snapshot(key) {
      const l = lanes.get(key);
      if (!l) return { queued: 0, startedInWindow: 0 };
      prune(l, now());
      return { queued: l.queue.length, startedInWindow: l.slots.length };
    },
  };
}
