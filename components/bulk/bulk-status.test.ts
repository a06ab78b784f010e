import { describe, expect, it } from "vitest";
import type { BulkCounts } from "@/lib/api/contracts";
import { emptyBulkCounts } from "@/lib/bulk/counts";
import {
  allowedActions,
  etaInWords,
  isBulkRunMoving,
  progressInWords,
  statusAnnouncement,
} from "./bulk-status";

const counts = (partial: Partial<BulkCounts> = {}): BulkCounts => ({ ...emptyBulkCounts(), ...partial });

describe("allowedActions", () => {
  it("offers pause and cancel while the run moves, not resume", () => {
    expect(allowedActions({ status: "running", counts: counts() })).toEqual({
      pause: true,
      resume: false,
      cancel: true,
      "retry-failed": false,
    });
    expect(allowedActions({ status: "queued", counts: counts() }).pause).toBe(true);
  });

  it("offers resume and cancel when paused", () => {
    expect(allowedActions({ status: "paused", counts: counts() })).toMatchObject({
      pause: false,
      resume: true,
      cancel: true,
    });
  });

  it("offers nothing but retry on a finished run, and retry only with failed or interrupted items", () => {
    expect(allowedActions({ status: "completed", counts: counts({ Success: 3 }) })).toEqual({
      pause: false,
      resume: false,
      cancel: false,
      "retry-failed": false,
    });
    expect(allowedActions({ status: "completed", counts: counts({ interrupted: 1 }) })["retry-failed"]).toBe(
      true,
    );
    expect(allowedActions({ status: "paused", counts: counts({ failed: 2 }) })["retry-failed"]).toBe(true);
  });

  it("does not offer to retry a cancelled run's failures", () => {
    expect(allowedActions({ status: "cancelled", counts: counts({ failed: 2 }) })["retry-failed"]).toBe(
      false,
    );
  });
});

describe("isBulkRunMoving", () => {
  it("is true only for queued and running", () => {
    expect(
      ["queued", "running", "paused", "completed", "cancelled"].map((s) => isBulkRunMoving(s as never)),
    ).toEqual([true, true, false, false, false]);
    expect(isBulkRunMoving(undefined)).toBe(false);
  });
});

describe("etaInWords", () => {
  it("rounds up to whole seconds", () => {
    expect(etaInWords(79_200)).toBe("ETA ~ 1 min 20 s");
    expect(etaInWords(2_100)).toBe("ETA ~ 3 s");
  });

  it("gives nothing when the server has no estimate or an odd one", () => {
    expect(etaInWords(null)).toBeNull();
    expect(etaInWords(-5)).toBeNull();
    expect(etaInWords(Number.NaN)).toBeNull();
  });
});

describe("progressInWords", () => {
  it("says done of total with thousands separated", () => {
    expect(progressInWords({ done: 1234, total: 10_000 })).toBe("1,234 of 10,000 done");
  });
});

describe("statusAnnouncement", () => {
  it("ends with the counts once the run is completed", () => {
    expect(
      statusAnnouncement({
        status: "completed",
        done: 4,
        total: 4,
        counts: counts({ Success: 3, failed: 1 }),
      }),
    ).toBe("Bulk run completed: 4 of 4 done (3 Success, 1 Call failed).");
  });

  it("says that a paused run sends nothing more", () => {
    expect(statusAnnouncement({ status: "paused", done: 2, total: 7, counts: counts() })).toMatch(
      /paused: 2 of 7 done\. Nothing more is sent/,
    );
  });
});
