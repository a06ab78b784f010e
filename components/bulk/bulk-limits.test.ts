import { describe, expect, it } from "vitest";
import type { BulkLimits } from "@/lib/api/contracts";
import { estimateInWords, limitsInWords, paceInWords } from "./bulk-limits";

const GRAPH_LIMITS: BulkLimits = {
  maxObjects: 10_000,
  activePerJob: 1,
  pace: { limit: 5, windowMs: 10_000 },
};

describe("limitsInWords", () => {
  it("states Graph's limits with the 40-user example computed from the pace", () => {
    expect(limitsInWords(GRAPH_LIMITS)).toBe(
      "At most 10,000 objects per bulk run; one bulk run at a time per job; Graph allows 5 calls per 10 seconds per job, so 40 users take at least 1 min 10 s.",
    );
  });

  it("follows other limits the server reports instead of repeating Graph's", () => {
    const text = limitsInWords({ maxObjects: 250, activePerJob: 3, pace: { limit: 10, windowMs: 60_000 } });
    expect(text).toContain("At most 250 objects");
    expect(text).toContain("up to 3 bulk runs at a time per job");
    expect(text).toContain("10 calls per minute");
    expect(text).toContain("40 users take at least 3 min 00 s");
  });
});

describe("paceInWords", () => {
  it("names a window that is not whole seconds as a duration", () => {
    expect(paceInWords({ limit: 1, windowMs: 250 })).toBe("1 call per 250 ms");
  });
});

describe("estimateInWords", () => {
  it("says calls within one window start at once", () => {
    expect(estimateInWords(0, 3, GRAPH_LIMITS.pace)).toMatch(
      /^3 calls: all fit in the first window of 10 seconds/,
    );
  });

  it("gives the least time for more", () => {
    expect(estimateInWords(70_000, 40, GRAPH_LIMITS.pace)).toMatch(
      /^40 calls at 5 calls per 10 seconds: at least 1 min 10 s/,
    );
  });

  it("says there is nothing to send when nothing resolved", () => {
    expect(estimateInWords(0, 0, GRAPH_LIMITS.pace)).toBe("Nothing to send.");
  });
});
