import { describe, expect, it } from "vitest";
import { intervalInWords } from "./schedule-interval";

describe("intervalInWords", () => {
  it.each([
    ["PT40M", "every 40 minutes"],
    ["PT2M", "every 2 minutes"],
    ["PT1M", "every minute"],
    ["PT1H", "every hour"],
    ["P1D", "every day"],
    ["P2W", "every 2 weeks"],
    ["PT1H30M", "every 1 hour and 30 minutes"],
    ["P1DT2H5M", "every 1 day, 2 hours and 5 minutes"],
    ["PT0H40M", "every 40 minutes"],
    ["PT1.5H", "every 1.5 hours"],
    ["PT0,5S", "every 0.5 seconds"],
    ["pt40m", "every 40 minutes"],
    [" PT40M ", "every 40 minutes"],
  ])("%s reads as %s", (duration, words) => {
    expect(intervalInWords(duration)).toBe(words);
  });

  it.each(["", "P", "PT", "40M", "PT40", "P1H", "PTM", "every 40 minutes", "PT-5M", "PT0S", "P0D"])(
    "gives null for %j, which is not a usable duration",
    (text) => {
      expect(intervalInWords(text)).toBeNull();
    },
  );

  it("tells months from minutes by their place around T", () => {
    expect(intervalInWords("P1M")).toBe("every month");
    expect(intervalInWords("PT1M")).toBe("every minute");
  });
});
