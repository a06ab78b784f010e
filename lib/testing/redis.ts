// For tests that need a real Redis: the URL npm test gives, or a local server started on demand.
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
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
      ((await import("@/scripts/services.mjs")) as { ensureRedis(): string }).ensureRedis();
  });
  afterAll(() => {
    for (const client of clients) client.disconnect();
  });
  const open = (at: string) => {
    const client = createRedisClient(at);
    clients.push(client);
    return client;
  };
  return {
    /** A new connection, as a console instance would open. */
    connect(): Redis {
      if (!url) throw new Error("useTestRedis: connect() was called before beforeAll ran.");
      return open(url);
    },
    /** A client pointed at a loopback port nothing listens on. */
    async connectUnreachable(): Promise<Redis> {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as { port: number };
      await new Promise((resolve) => server.close(resolve));
      return open(`redis://127.0.0.1:${port}`);
    },
    uniquePrefix: (purpose: string) => `test:${purpose}:${randomUUID()}:`,
  };
}
