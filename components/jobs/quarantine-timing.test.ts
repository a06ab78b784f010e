import { describe, expect, it } from "vitest";
import { quarantineTiming } from "./quarantine-timing";

const now = new Date("2026-12-02T15:00:00Z");

describe("quarantineTiming", () => {
  it("calls a future attempt the next one", () => {
    expect(quarantineTiming({ nextAttempt: "2026-12-02T20:00:00.1234567Z" }, now)).toEqual({
      kind: "next",
      at: "2026-12-02T20:00:00.1234567Z",
    });
  });

  it("calls an attempt in the past overdue, not next", () => {
    expect(quarantineTiming({ nextAttempt: "2026-11-27T20:40:00Z" }, now).kind).toBe("overdue");
  });

  it("knows nothing of a missing or unreadable time", () => {
    expect(quarantineTiming({ nextAttempt: null }, now).kind).toBe("unknown");
    expect(quarantineTiming({ nextAttempt: "soon" }, now).kind).toBe("unknown");
  });
});
