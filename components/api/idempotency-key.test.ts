import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "./idempotency-key";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newIdempotencyKey", () => {
  it("gives a different UUID each time", () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(UUID_V4);
  });

  it("builds a v4 UUID where randomUUID is missing (plain http)", () => {
    const insecure = { getRandomValues: (array: Uint8Array) => crypto.getRandomValues(array) };
    const key = newIdempotencyKey(insecure as unknown as Pick<Crypto, "getRandomValues">);
    expect(key).toMatch(UUID_V4);
    expect(newIdempotencyKey(insecure as unknown as Pick<Crypto, "getRandomValues">)).not.toBe(key);
  });
});
