import { describe, expect, it } from "vitest";
import { useTestRedis } from "@/lib/testing/redis";
import { userPartition } from "./partitioned-cache-plugin";
import { redisTokenCacheStore } from "./redis-token-cache-store";

const { connect, connectUnreachable, uniquePrefix } = useTestRedis();

describe("the MSAL token cache store in Redis", () => {
  it("gives back what was written, per partition, and nothing for a partition never written", async () => {
    const redis = connect();
    const store = redisTokenCacheStore(redis, { keyPrefix: uniquePrefix("msal") });
    await store.set(userPartition("alice"), '{"who":"alice"}');
    await store.set(userPartition("bob"), '{"who":"bob"}');
    await store.set(userPartition("bob"), '{"who":"bob","token":"new"}');
    expect(await store.get(userPartition("alice"))).toBe('{"who":"alice"}');
    expect(await store.get(userPartition("bob"))).toBe('{"who":"bob","token":"new"}');
    expect(await store.get(userPartition("carol"))).toBeUndefined();
  });

  it("is shared: another instance reads what one wrote", async () => {
    const keyPrefix = uniquePrefix("msal");
    await redisTokenCacheStore(connect(), { keyPrefix }).set(userPartition("dave"), "cache");
    expect(await redisTokenCacheStore(connect(), { keyPrefix }).get(userPartition("dave"))).toBe("cache");
  });

  it("keeps a partition for a day by default under pod:msal:, and each write starts the day again", async () => {
    const redis = connect();
    const partition = userPartition(uniquePrefix("someone"));
    const store = redisTokenCacheStore(redis);
    try {
      await store.set(partition, "first");
      const day = 24 * 60 * 60;
      expect(await redis.ttl(`pod:msal:${partition}`)).toBeGreaterThan(day - 5);
      expect(await redis.ttl(`pod:msal:${partition}`)).toBeLessThanOrEqual(day);
      await redis.expire(`pod:msal:${partition}`, 60);
      await store.set(partition, "second");
      expect(await redis.ttl(`pod:msal:${partition}`)).toBeGreaterThan(day - 5);
    } finally {
      await redis.del(`pod:msal:${partition}`);
    }
  });

  it("forgets a partition nobody wrote within its time to live", async () => {
    const store = redisTokenCacheStore(connect(), { keyPrefix: uniquePrefix("msal"), ttlSeconds: 1 });
    await store.set(userPartition("erin"), "cache");
    expect(await store.get(userPartition("erin"))).toBe("cache");
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await store.get(userPartition("erin"))).toBeUndefined();
  });

  it("says Redis is unreachable when it is, on read and on write", async () => {
    const store = redisTokenCacheStore(await connectUnreachable());
    await expect(store.get(userPartition("frank"))).rejects.toThrow(
      /Redis is unreachable \(MSAL token cache\)/,
    );
    await expect(store.set(userPartition("frank"), "x")).rejects.toThrow(/Redis is unreachable/);
  });

  it("refuses a time to live that is not a whole number of seconds", () => {
    const redis = connect();
    expect(() => redisTokenCacheStore(redis, { ttlSeconds: 0 })).toThrow(/ttlSeconds/);
    expect(() => redisTokenCacheStore(redis, { ttlSeconds: 1.5 })).toThrow(/ttlSeconds/);
  });
});
