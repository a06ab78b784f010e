import { describe, expect, it } from "vitest";
import { jobStatusLook, tallyJobStatuses } from "./job-status";
import { relativeToNow } from "./when";

describe("jobStatusLook", () => {
  it("knows Graph's status codes in any letter case", () => {
    expect(jobStatusLook("Quarantine")).toMatchObject({ label: "Quarantine", tone: "error" });
    expect(jobStatusLook("active").tone).toBe("success");
    expect(jobStatusLook("NotRun").label).toBe("Not run");
  });

  it("shows an unknown code as given, and a missing one as Unknown", () => {
    expect(jobStatusLook("Degraded")).toMatchObject({ label: "Degraded", tone: "neutral" });
    expect(jobStatusLook(null).label).toBe("Unknown");
  });
});

describe("tallyJobStatuses", () => {
  it("counts each status, the most worrying first", () => {
    expect(
      tallyJobStatuses(["Active", "Quarantine", "active", "Paused"]).map(({ look, count }) => [
        look.label,
        count,
      ]),
    ).toEqual([
      ["Quarantine", 1],
      ["Paused", 1],
      ["Active", 2],
    ]);
  });

  it("gives nothing for no jobs", () => {
    expect(tallyJobStatuses([])).toEqual([]);
  });
});

describe("relativeToNow", () => {
  const now = new Date("2025-03-01T12:00:00Z");

  it.each([
    ["2025-03-01T12:12:00Z", "in 12 minutes"],
    ["2025-03-01T09:00:00Z", "3 hours ago"],
    ["2025-02-28T12:00:00Z", "yesterday"],
    ["2025-03-01T12:00:00.400Z", "now"],
  ])("%s is %s", (iso, words) => {
    expect(relativeToNow(iso, now)).toBe(words);
  });

  it("gives null for a missing or unreadable time", () => {
    expect(relativeToNow(null, now)).toBeNull();
    expect(relativeToNow("soon", now)).toBeNull();
  });
});
