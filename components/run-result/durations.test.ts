import { describe, expect, it } from "vitest";
import {
  deltasBetween,
  formatDelta,
  formatDuration,
  instantOf,
  millisecondsBetween,
  secondsUntil,
} from "./durations";

describe("instantOf", () => {
  it("keeps the sub-millisecond digits Graph writes", () => {
    const a = instantOf("2020-06-26T13:58:24.7214072Z")!;
    const b = instantOf("2020-06-26T13:58:24.7526181Z")!;
    expect(b - a).toBeCloseTo(31.2109, 3);
  });

  it("reads times without fractions or with an offset", () => {
    expect(instantOf("2024-03-11T10:01:00Z")).toBe(Date.UTC(2024, 2, 11, 10, 1, 0));
    expect(instantOf("2024-03-11T12:01:00.5+02:00")).toBe(Date.UTC(2024, 2, 11, 10, 1, 0, 500));
  });

  it.each([null, undefined, "", "  ", "yesterday", "2024-13-45T99:00:00.1Z"])(
    "answers null for %j",
    (text) => {
      expect(instantOf(text)).toBeNull();
    },
  );
});

describe("millisecondsBetween", () => {
  it("measures a run from its start and end times", () => {
    expect(millisecondsBetween("2020-06-26T13:58:24.5494971Z", "2020-06-26T13:58:24.7682084Z")).toBeCloseTo(
      218.7113,
      3,
    );
  });

  it("is null when a time is missing", () => {
    expect(millisecondsBetween(null, "2020-06-26T13:58:24Z")).toBeNull();
    expect(millisecondsBetween("2020-06-26T13:58:24Z", "not a time")).toBeNull();
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [0.42, "0.4 ms"],
    [218.7, "219 ms"],
    [999.4, "999 ms"],
    [1000, "1 s"],
    [2345, "2.3 s"],
    [12_600, "13 s"],
    [65_000, "1 min 05 s"],
    [3_725_000, "1 h 02 min"],
    [-31, "−31 ms"],
    [Number.NaN, "unknown"],
  ])("%d ms reads as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("formatDelta", () => {
  it("signs the gap so an out-of-order step is visible", () => {
    expect(formatDelta(31.2)).toBe("+31 ms");
    expect(formatDelta(-2)).toBe("−2 ms");
  });
});

describe("deltasBetween", () => {
  const steps = [
    "2020-06-26T13:58:24.5494971Z",
    "2020-06-26T13:58:24.7214072Z",
    null,
    "2020-06-26T13:58:24.7526181Z",
  ];

  it("measures each step from the previous readable one, the first from the start", () => {
    const deltas = deltasBetween(steps, "2020-06-26T13:58:24.5494971Z");
    expect(deltas[0]).toBe(0);
    expect(deltas[1]).toBeCloseTo(171.9101, 3);
    expect(deltas[2]).toBeNull();
    expect(deltas[3]).toBeCloseTo(31.2109, 3);
  });

  it("has nothing to measure the first step from without a start", () => {
    expect(deltasBetween(steps)[0]).toBeNull();
  });
});

describe("secondsUntil", () => {
  it("counts whole seconds down and stops at zero", () => {
    expect(secondsUntil(10_000, 5_500)).toBe(5);
    expect(secondsUntil(10_000, 9_999)).toBe(1);
    expect(secondsUntil(10_000, 12_000)).toBe(0);
  });
});
