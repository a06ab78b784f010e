import "server-only";
import type { Redis } from "ioredis";
import { RedisUnreachableError } from "@/lib/redis";
import type { TokenCacheStore } from "./token-cache-store";

export interface RedisTokenCacheOptions {
  /** Default `pod:msal:`. */
  keyPrefix?: string;
  /** How long a partition is kept after its last write; default one day. */
  ttlSeconds?: number;
}

/** MSAL's serialized caches in Redis, shared by every instance; a partition nobody refreshes expires. */
export function redisTokenCacheStore(redis: Redis, options: RedisTokenCacheOptions = {}): TokenCacheStore {
  const { keyPrefix = "pod:msal:", ttlSeconds = 24 * 60 * 60 } = options;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1)
    throw new RangeError(`Token cache ttlSeconds must be a whole number ≥ 1, got ${ttlSeconds}.`);
  const failed = (error: unknown) => {
    throw new RedisUnreachableError("MSAL token cache", error);
  };
  return {
    async get(key) {
      return (await redis.get(keyPrefix + key).catch(failed)) ?? undefined;
    },
    async set(key, value) {
      await redis.set(keyPrefix + key, value, "EX", ttlSeconds).catch(failed);
    },
  };
}
