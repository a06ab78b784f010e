import { describe, expect, it } from "vitest";
import type { BulkCounts } from "@/lib/api/contracts";
import { emptyBulkCounts } from "@/lib/bulk/counts";
import {
  allowedActions,
  etaInWords,
  isBulkRunMoving,
  progressInWords,
  progressValue,
  statusAnnouncement,
} from "./bulk-status";

const counts = (partial: Partial<BulkCounts> = {}): BulkCounts => ({ ...emptyBulkCounts(), ...partial });

describe("allowedActions", () => {
  it("offers pause and cancel while the run moves, not resume", () => {
    expect(allowedActions({ status: "running", counts: counts() })).toEqual({
      pause: true,
      resume: false,
      cancel: true,
      "retry-calls": false,
      "retry-failures": false,
      "retry-interrupted": false,
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

  it("offers nothing but retry on a finished run, each retry only with its own items", () => {
    expect(allowedActions({ status: "completed", counts: counts({ Success: 3 }) })).toEqual({
      pause: false,
      resume: false,
      cancel: false,
      "retry-calls": false,
      "retry-failures": false,
      "retry-interrupted": false,
    });
    expect(allowedActions({ status: "completed", counts: counts({ interrupted: 1 }) })).toMatchObject({
      "retry-calls": false,
      "retry-failures": false,
      "retry-interrupted": true,
    });
    expect(allowedActions({ status: "paused", counts: counts({ failed: 2, Failure: 1 }) })).toMatchObject({
      "retry-calls": true,
      "retry-failures": true,
      "retry-interrupted": false,
    });
  });

  it("offers a cancelled run's retries too: the cancelled items stay unsent", () => {
    expect(
      allowedActions({ status: "cancelled", counts: counts({ failed: 2, cancelled: 3 }) }),
    ).toMatchObject({
      cancel: false,
      "retry-calls": true,
    });
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
    expect(progressInWords({ done: 1234, total: 10_000, sent: 1234, counts: counts() })).toBe(
      "1,234 of 10,000 done",
    );
  });

  it("says what was sent and what was not once a run was cancelled, never all done", () => {
    const cancelled = { done: 19, total: 19, sent: 5, counts: counts({ Success: 5, cancelled: 14 }) };
    expect(progressInWords(cancelled)).toBe("5 of 19 sent, 14 not sent (cancelled)");
    expect(progressValue(cancelled)).toBe(5);
    expect(
      progressInWords({
        done: 18,
        total: 19,
        sent: 4,
        counts: counts({ Success: 4, pending: 1, cancelled: 14 }),
      }),
    ).toBe("4 of 19 sent, 14 not sent (cancelled), 1 waiting to be sent again");
  });
});

describe("statusAnnouncement", () => {
  it("ends with the counts once the run is completed", () => {
    expect(
      statusAnnouncement({
        status: "completed",
        done: 4,
        total: 4,
        sent: 4,
        counts: counts({ Success: 3, failed: 1 }),
      }),
    ).toBe("Bulk run completed: 4 of 4 done (3 Success, 1 Call failed).");
  });

  it("says that a paused run sends nothing more", () => {
    expect(statusAnnouncement({ status: "paused", done: 2, total: 7, sent: 2, counts: counts() })).toMatch(
      /paused: 2 of 7 done\. Nothing more is sent/,
    );
  });

  it("says how many were not sent when a run is cancelled", () => {
    expect(
      statusAnnouncement({
        status: "cancelled",
        done: 19,
        total: 19,
        sent: 5,
        counts: counts({ Success: 5, cancelled: 14 }),
      }),
    ).toBe("Bulk run cancelled: 5 of 19 sent, 14 not sent (cancelled). Of those sent: 5 Success.");
  });
});
