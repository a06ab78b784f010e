import "server-only";
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { RedisUnreachableError } from "@/lib/redis";
import type { PacingLimiter } from "./pacing";
import { createSlotPacingLimiter, type PacingSlots } from "./slot-pacing";

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

/**
 * The slots in Redis: each a rate-limiter-flexible counter of one point held for one call's window.
 * Any window then holds at most one call per slot, which keeps Graph's sliding-window limit that a
 * single fixed-window counter would break at window edges.
 */
function redisSlots(redis: Redis, keyPrefix: string, limit: number, holdMs: number): PacingSlots<string> {
  const counters = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: "",
    points: 1,
    duration: holdMs, // milliseconds, read by SLOT_INCR_TTL_LUA
    customIncrTtlLuaScript: SLOT_INCR_TTL_LUA,
  });
  const slotKeys = (key: string) =>
    Array.from({ length: limit }, (_, index) => `${keyPrefix}${key}:slot${index}`);
  const unreachable = (error: unknown) => new RedisUnreachableError("pacing", error);
  return {
    async take(key) {
      const freeInMs: number[] = [];
      for (const slot of slotKeys(key)) {
        try {
          await counters.consume(slot);
          return { slot };
        } catch (outcome) {
          if (!(outcome instanceof RateLimiterRes)) throw unreachable(outcome);
          freeInMs.push(Math.max(0, outcome.msBeforeNext));
        }
      }
      return { freeInMs };
    },
    async hold(slot, ms) {
      return (await redis.pexpire(slot, ms)) === 1;
    },
    async free(slot) {
      await redis.del(slot);
    },
    async held(key) {
      try {
        return await redis.exists(...slotKeys(key));
      } catch (error) {
        throw unreachable(error);
      }
    },
  };
}

/**
 * The pacing limiter shared by every console instance through Redis.
 *
 * Do not share the Redis client with another RateLimiterRedis: ioredis keeps one `rlflxIncr`
 * script per client, and this one counts in milliseconds.
 */
export function createRedisPacingLimiter(options: RedisPacingOptions): PacingLimiter {
  const { redis, keyPrefix = "pod:pace:" } = options;
  return createSlotPacingLimiter(({ limit, holdMs }) => redisSlots(redis, keyPrefix, limit, holdMs), options);
}
