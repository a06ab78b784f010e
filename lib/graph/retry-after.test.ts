import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after";

const NOW = Date.parse("2024-05-01T10:00:00Z");

describe("Retry-After", () => {
  it.each([
    ["10", 10_000],
    ["2.128", 2_128],
    [" 0.0001 ", 1],
    ["Wed, 01 May 2024 10:00:07 GMT", 7_000],
    ["Wed, 01 May 2024 09:59:00 GMT", 0],
  ])("reads %j as %i ms", (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it.each([null, undefined, "", "soon", "-5", "1e3"])("gives null for %j", (value) => {
    expect(parseRetryAfter(value, NOW)).toBeNull();
  });
});
