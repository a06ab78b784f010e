// For tests that need a real Redis: the URL npm test gives, or a local server started on demand.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { createRedisClient } from "@/lib/redis";

/**
 * Registers hooks that find the test Redis and close every client opened through `connect`.
 * Tests share the server: each uses its own `uniquePrefix()` and never flushes.
 */
export function useTestRedis() {
  let url: string | undefined;
  const clients: Redis[] = [];
  beforeAll(async () => {
    url =
      process.env.TEST_REDIS_URL ??
      // @ts-expect-error -- plain JavaScript test support, no type declarations
      ((await import("../../scripts/services.mjs")) as { ensureRedis(): string }).ensureRedis();
  });
  afterAll(() => {
    for (const client of clients) client.disconnect();
  });
  return {
    /** A new connection, as a console instance would open; `at` points it elsewhere. */
    connect(at?: string): Redis {
      if (!at && !url) throw new Error("useTestRedis: connect() was called before beforeAll ran.");
      const client = createRedisClient(at ?? url!);
      clients.push(client);
      return client;
    },
    uniquePrefix: (purpose: string) => `test:${purpose}:${randomUUID()}:`,
  };
}
