import "server-only";
import { Redis } from "ioredis";

const REDIS_UNREACHABLE = Symbol.for("provision-on-demand-console.RedisUnreachableError");

/** Redis did not answer: shared state (pacing, token cache) cannot be read or written right now. */
export class RedisUnreachableError extends Error {
  readonly [REDIS_UNREACHABLE] = true;
  constructor(purpose: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`Redis is unreachable (${purpose}): ${detail}`, { cause });
    this.name = "RedisUnreachableError";
  }
}

/** Recognises the error from any bundled copy of this module (see ApiError). */
export function isRedisUnreachable(value: unknown): value is RedisUnreachableError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { [REDIS_UNREACHABLE]?: unknown })[REDIS_UNREACHABLE] === true
  );
}

/**
 * The console's one way to connect to Redis. It connects on first use; while Redis is down a command
 * fails after one reconnection attempt instead of waiting in a queue, so callers get an error, not a hang.
 */
export function createRedisClient(url: string): Redis {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("REDIS_URL is not a URL; expected redis://host:port or rediss://host:port.");
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:")
    throw new Error(`REDIS_URL must start with redis:// or rediss://, got ${parsed.protocol}//.`);

  const client = new Redis(url, {
    connectionName: "pod-console",
    lazyConnect: true,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  let reported = false;
  // Without a listener ioredis prints every failed reconnection; one line per outage is enough.
  client.on("error", (error: Error) => {
    if (reported) return;
    reported = true;
    console.warn(`Redis at ${parsed.host} is unreachable: ${error.message}`);
  });
  client.on("ready", () => (reported = false));
  return client;
}
