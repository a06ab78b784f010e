import { describe, expect, it } from "vitest";
import type { ProvisioningResult } from "@/lib/provisioning";
import { describeProgress } from "./progress-text";

const base = {
  createdAt: "2024-03-11T10:00:00.000Z",
  startedAt: null,
  finishedAt: null,
  queue: null,
  result: null,
};
const t0 = Date.parse(base.createdAt);

describe("describeProgress", () => {
  it("counts down to the queue's start on the browser's clock", () => {
    const run = { ...base, status: "queued" as const, queue: { position: 3, startsInMs: 4200 } };
    const received = t0 + 60_000;
    expect(describeProgress(run, received, received).detail).toMatch(/starts in about 5 s/);
    expect(describeProgress(run, received + 2000, received).detail).toMatch(/starts in about 3 s/);
    expect(describeProgress(run, received + 9000, received).detail).toMatch(/any moment/);
  });

  it("announces the queue position without the ticking countdown", () => {
    const run = { ...base, status: "queued" as const, queue: { position: 3, startsInMs: 4200 } };
    const early = describeProgress(run, t0, t0);
    const later = describeProgress(run, t0 + 2000, t0);
    expect(early.announcement).toContain("number 3");
    expect(later.announcement).toBe(early.announcement);
  });

  it("ticks the elapsed seconds of a running call from its start", () => {
    const run = { ...base, status: "running" as const, startedAt: "2024-03-11T10:00:05.000Z" };
    expect(describeProgress(run, t0 + 17_400, 0).detail).toMatch(/^Running for 12 s\./);
    expect(describeProgress(run, t0 + 17_400, 0).phase).toBe("running");
  });

  it("says how a completed run went and how long Graph took", () => {
    const run = {
      ...base,
      status: "completed" as const,
      startedAt: "2024-03-11T10:00:01.000Z",
      finishedAt: "2024-03-11T10:00:03.300Z",
      result: { outcome: "Skipped" } as ProvisioningResult,
    };
    const text = describeProgress(run, t0, t0);
    expect(text.phase).toBe("done");
    expect(text.announcement).toBe("Done: provisioning skipped.");
    expect(text.detail).toBe("Graph answered after 2.3 s.");
  });

  it("tells an interrupted run from a failed one", () => {
    expect(describeProgress({ ...base, status: "interrupted" }, t0, t0).announcement).toMatch(/in flight/);
    expect(describeProgress({ ...base, status: "failed" }, t0, t0).announcement).toMatch(/failed/);
  });
});
