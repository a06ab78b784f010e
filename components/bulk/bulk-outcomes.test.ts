import { describe, expect, it } from "vitest";
import type { BulkCounts } from "@/lib/api/contracts";
import { emptyBulkCounts } from "@/lib/bulk/counts";
import { countChips, countsInWords, isItemFilter, itemLook } from "./bulk-outcomes";

const NONE = emptyBulkCounts();

describe("countChips", () => {
  it("shows only the counts that have items, in the page's order", () => {
    const chips = countChips({ ...NONE, pending: 4, Success: 2, failed: 1 }, null);
    expect(chips.map((chip) => [chip.label, chip.count])).toEqual([
      ["Success", 2],
      ["Call failed", 1],
      ["Pending", 4],
    ]);
    expect(chips.every((chip) => !chip.selected)).toBe(true);
  });

  it("keeps the chosen filter at zero so the operator can clear it", () => {
    const chips = countChips({ ...NONE, Success: 2 }, "interrupted");
    expect(chips.map((chip) => chip.filter)).toEqual(["Success", "interrupted"]);
    expect(chips.find((chip) => chip.filter === "interrupted")).toMatchObject({ count: 0, selected: true });
  });

  it("reads a missing count as zero rather than showing NaN", () => {
    const counts = { ...NONE, Success: 1 } as Partial<BulkCounts>;
    delete counts.sending;
    expect(countChips(counts as BulkCounts, null).map((chip) => chip.filter)).toEqual(["Success"]);
  });
});

describe("countsInWords", () => {
  it("lists what is not zero", () => {
    expect(countsInWords({ ...NONE, Success: 3, interrupted: 1 })).toBe("3 Success, 1 Interrupted");
  });

  it("says so when there is nothing", () => {
    expect(countsInWords(NONE)).toBe("no items");
  });
});

describe("isItemFilter", () => {
  it("accepts the API's filter values and nothing else", () => {
    expect(isItemFilter("Success")).toBe(true);
    expect(isItemFilter("failed")).toBe(true);
    expect(isItemFilter("success")).toBe(false);
    expect(isItemFilter("done")).toBe(false);
  });
});

describe("itemLook", () => {
  it("shows Graph's outcome for an answered item", () => {
    expect(itemLook({ status: "done", outcome: "Skipped" })).toEqual({
      outcome: "Skipped",
      label: "Skipped",
    });
  });

  it("keeps an outcome Graph spelled in a way the console does not know, as Unknown", () => {
    expect(itemLook({ status: "done", outcome: "PartialSuccess" })).toEqual({
      outcome: "Unknown",
      label: "PartialSuccess",
    });
  });

  it("names a failed call as a call failure, not a provisioning failure", () => {
    expect(itemLook({ status: "failed", outcome: null })).toEqual({
      outcome: null,
      label: "Call failed",
      tone: "error",
    });
  });

  it("shows where an unanswered item stands", () => {
    expect(itemLook({ status: "interrupted", outcome: null }).label).toBe("Interrupted");
    expect(itemLook({ status: "pending", outcome: null }).label).toBe("Pending");
  });
});
