import "server-only";
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { RedisUnreachableError } from "@/lib/redis";
import { systemSleep } from "./clock";
import {
  arrivalAllowance,
  tellPosition,
  waitInQueue,
  type PacingLimiter,
  type PacingPermit,
  type PacingWaiter,
} from "./pacing";

export interface RedisPacingOptions {
  /** The console's Redis client; the caller opens and closes it. */
  redis: Redis;
  limit: number;
  windowMs: number;
  /** As for the memory limiter: how late after release Graph may still count a call. */
  arrivalAllowanceMs?: number;
  /** Default `pod:pace:`. Instances that share a budget must share the prefix. */
  keyPrefix?: string;
}

// Redis expiry is exact to the millisecond; the margin covers the round trip after a slot frees.
const RETRY_MARGIN_MS = 2;

// Rate-limiter-flexible floors its duration to whole seconds before its script sees it (and skips
// the script below one second), so the limiter is told milliseconds and this script expires with PX.
const SLOT_INCR_TTL_LUA = `redis.call('set', KEYS[1], 0, 'PX', ARGV[2], 'NX')
local consumed = redis.call('incrby', KEYS[1], ARGV[1])
local ttl = redis.call('pttl', KEYS[1])
if ttl == -1 then
  redis.call('pexpire', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {consumed, ttl}`;

interface Lane {
  queue: PacingWaiter[];
  serving: boolean;
  /** When each slot frees, as of the last attempt that found them all taken; null when unknown. */
  slotsFreeAt: number[] | null;
  nap: AbortController | null;
}

/**
 * The pacing limiter shared by every console instance through Redis. Each key has `limit` slots,
 * each a rate-limiter-flexible counter of one point held for one call's window: any window then holds
 * at most one call per slot, which keeps Graph's sliding-window limit that a single fixed-window
 * counter would break at window edges. Within one instance, waiters for a key are served in order
 * and only the first asks Redis.
 *
 * Do not share the Redis client with another RateLimiterRedis: ioredis keeps one `rlflxIncr`
 * script per client, and this one counts in milliseconds.
 */
export function createRedisPacingLimiter(options: RedisPacingOptions): PacingLimiter {
  const { redis, limit, windowMs, keyPrefix = "pod:pace:" } = options;
  const allowanceMs = arrivalAllowance(options);
  const holdMs = Math.ceil(windowMs + allowanceMs);
  const answeredHoldMs = Math.ceil(windowMs);

  const slots = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: "",
    points: 1,
    duration: holdMs, // milliseconds, read by SLOT_INCR_TTL_LUA
    customIncrTtlLuaScript: SLOT_INCR_TTL_LUA,
  });
  const slotKeys = (key: string) =>
    Array.from({ length: limit }, (_, index) => `${keyPrefix}${key}:slot${index}`);
  const lanes = new Map<string, Lane>();

  /** Takes the first free slot, or says when each of them frees. */
  async function takeSlot(key: string): Promise<{ slot: string } | { freeInMs: number[] }> {
    const freeInMs: number[] = [];
    for (const slot of slotKeys(key)) {
      try {
        await slots.consume(slot);
        return { slot };
      } catch (outcome) {
        if (!(outcome instanceof RateLimiterRes)) throw new RedisUnreachableError("pacing", outcome);
        freeInMs.push(Math.max(0, outcome.msBeforeNext));
      }
    }
    return { freeInMs };
  }

  // A failed shortening or delete only leaves the slot to expire by itself: slower, never over the limit.
  const thenWake = (key: string, command: Promise<unknown>) =>
    void command.then(
      () => lanes.get(key)?.nap?.abort(),
      () => undefined,
    );

  function permit(key: string, slot: string, releasedAt: number): PacingPermit {
    let settled = false;
    return {
      async sending() {
        // Still ours: hold it a whole window from now. Already expired: it may be another call's now.
        if (settled || Date.now() >= releasedAt + holdMs - RETRY_MARGIN_MS) return false;
        if ((await redis.pexpire(slot, holdMs)) !== 1) return false;
        releasedAt = Date.now();
        return true;
      },
      answered() {
        if (settled) return;
        settled = true;
        // Answered before the allowance ran out: the window can start from the answer instead.
        if (Date.now() < releasedAt + allowanceMs) thenWake(key, redis.pexpire(slot, answeredHoldMs));
      },
      cancel() {
        if (settled) return;
        settled = true;
        // Past one window the key may have expired and been taken by another call: leave it be.
        if (Date.now() < releasedAt + windowMs) thenWake(key, redis.del(slot));
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
      let outcome: Awaited<ReturnType<typeof takeSlot>>;
      try {
        outcome = await takeSlot(key);
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
        // Everyone gave up while Redis answered: the slot goes back at once.
        if (!head) thenWake(key, redis.del(outcome.slot));
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
    acquire(key, options = {}) {
      let lane = lanes.get(key);
      if (!lane) lanes.set(key, (lane = { queue: [], serving: false, slotsFreeAt: null, nap: null }));
      const joined = lane;
      return waitInQueue(joined.queue, options, {
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
      let held: number;
      try {
        held = await redis.exists(...slotKeys(key));
      } catch (error) {
        throw new RedisUnreachableError("pacing", error);
      }
      return { queued: lanes.get(key)?.queue.length ?? 0, startedInWindow: held };
    },
  };
}
