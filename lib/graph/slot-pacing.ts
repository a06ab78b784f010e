import "server-only";
import { systemSleep } from "./clock";
import {
  arrivalAllowance,
  tellPosition,
  waitInQueue,
  type PacingLimiter,
  type PacingPermit,
  type PacingWaiter,
} from "./pacing";

/**
 * Where a shared limiter keeps its slots: Redis, or the console's database. Each key (a job) has
 * `limit` slots; a call holds one for its window, so any window holds at most `limit` calls — and
 * since the store outlives the process, so does the pace (a restart, a second instance see it).
 */
export interface PacingSlots<Slot> {
  /** Takes a free slot of `key` until `holdMs` from now, or says in how many ms each of them frees. */
  take(key: string): Promise<{ slot: Slot } | { freeInMs: number[] }>;
  /** Holds the slot until `holdMs` from now if it is still this call's; false when it lapsed. */
  hold(slot: Slot, holdMs: number): Promise<boolean>;
  /** Gives the slot back now (no call was sent on it). */
  free(slot: Slot): Promise<void>;
  /** How many of the key's slots are held now. */
  held(key: string): Promise<number>;
}

/** The same store's slots under keys of their own: a second budget per job (job actions beside provisionOnDemand). */
export function withKeyPrefix<Slot>(slots: PacingSlots<Slot>, prefix: string): PacingSlots<Slot> {
  return {
    take: (key) => slots.take(prefix + key),
    hold: (slot, holdMs) => slots.hold(slot, holdMs),
    free: (slot) => slots.free(slot),
    held: (key) => slots.held(prefix + key),
  };
}

export interface SlotPacingOptions {
  limit: number;
  windowMs: number;
  /** As for the memory limiter: how late after release Graph may still count a call. */
  arrivalAllowanceMs?: number;
}

// Expiry is exact to the millisecond; the margin covers the round trip after a slot frees.
const RETRY_MARGIN_MS = 2;

interface Lane {
  queue: PacingWaiter[];
  serving: boolean;
  /** When each slot frees, as of the last attempt that found them all taken; null when unknown. */
  slotsFreeAt: number[] | null;
  nap: AbortController | null;
}

/**
 * A pacing limiter whose budget lives in a shared store (`slots`, made for the limit and the time a
 * call holds its slot). Within one process, waiters for a key are served in order and only the
 * first asks the store; a slot a call here gives back or shortens wakes them at once.
 */
export function createSlotPacingLimiter<Slot>(
  slotsFor: (config: { limit: number; holdMs: number }) => PacingSlots<Slot>,
  options: SlotPacingOptions,
): PacingLimiter {
  const { limit, windowMs } = options;
  const allowanceMs = arrivalAllowance(options);
  const holdMs = Math.ceil(windowMs + allowanceMs);
  const answeredHoldMs = Math.ceil(windowMs);
  const slots = slotsFor({ limit, holdMs });
  const lanes = new Map<string, Lane>();

  // A failed shortening or release only leaves the slot to expire by itself: slower, never over the limit.
  const thenWake = (key: string, command: Promise<unknown>) =>
    void command.then(
      () => lanes.get(key)?.nap?.abort(),
      () => undefined,
    );

  function permit(key: string, slot: Slot, releasedAt: number): PacingPermit {
    let settled = false;
    return {
      async sending() {
        // Still ours: hold it a whole window from now. Already expired: it may be another call's now.
        if (settled || Date.now() >= releasedAt + holdMs - RETRY_MARGIN_MS) return false;
        if (!(await slots.hold(slot, holdMs))) return false;
        releasedAt = Date.now();
        return true;
      },
      answered() {
        if (settled) return;
        settled = true;
        // Answered before the allowance ran out: the window can start from the answer instead.
        if (Date.now() < releasedAt + allowanceMs) thenWake(key, slots.hold(slot, answeredHoldMs));
      },
      cancel() {
        if (settled) return;
        settled = true;
        // Past one window the slot may have lapsed and been taken by another call: leave it be.
        if (Date.now() < releasedAt + windowMs) thenWake(key, slots.free(slot));
      },
    };
  }

  /** Each waiter is estimated to take the slot that frees first after those ahead of it took theirs. */
  function reportPositions(lane: Lane, at: number) {
    if (!lane.slotsFreeAt) return;
    const freeAt = [...lane.slotsFreeAt];
    lane.queue.forEach((waiter, index) => {
      freeAt.sort((a, b) => a - b);
      const startsAt = Math.max(at, freeAt.shift()!);
      freeAt.push(startsAt + holdMs);
      tellPosition(waiter, index + 1, startsAt - at);
    });
  }

  async function serve(key: string, lane: Lane) {
    lane.serving = true;
    while (lane.queue.length > 0) {
      let outcome: Awaited<ReturnType<PacingSlots<Slot>["take"]>>;
      try {
        outcome = await slots.take(key);
      } catch (error) {
        for (const waiter of lane.queue.splice(0)) {
          waiter.detach();
          waiter.reject(error);
        }
        break;
      }
      const at = Date.now();
      if ("slot" in outcome) {
        lane.slotsFreeAt = null;
        const head = lane.queue.shift();
        // Everyone gave up while the store answered: the slot goes back at once.
        if (!head) thenWake(key, slots.free(outcome.slot));
        head?.detach();
        head?.resolve(permit(key, outcome.slot, at));
        continue;
      }
      lane.slotsFreeAt = outcome.freeInMs.map((ms) => at + ms);
      reportPositions(lane, at);
      // A slot still in its arrival allowance may be answered elsewhere and free a window from now.
      const napMs = Math.min(...outcome.freeInMs.map((ms) => Math.min(ms, windowMs))) + RETRY_MARGIN_MS;
      lane.nap = new AbortController();
      await systemSleep(napMs, lane.nap.signal).catch(() => undefined);
      lane.nap = null;
    }
    lane.serving = false;
    if (lane.queue.length === 0 && lanes.get(key) === lane) lanes.delete(key);
  }

  return {
    acquire(key, acquireOptions = {}) {
      let lane = lanes.get(key);
      if (!lane) lanes.set(key, (lane = { queue: [], serving: false, slotsFreeAt: null, nap: null }));
      const joined = lane;
      return waitInQueue(joined.queue, acquireOptions, {
        joined: () => {
          if (joined.serving) reportPositions(joined, Date.now());
          else void serve(key, joined);
        },
        left: () => {
          if (joined.queue.length === 0) joined.nap?.abort();
          else reportPositions(joined, Date.now());
        },
      });
    },
    async snapshot(key) {
      return { queued: lanes.get(key)?.queue.length ?? 0, startedInWindow: await slots.held(key) };
    },
  };
}
