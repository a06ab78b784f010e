import { describe, expect, it } from "vitest";
import type { JobAction } from "@/lib/api/contracts";
import { actionResultText, confirmationMatches, needsTypedConfirmation, offeredToggles } from "./job-actions";

const action = (changes: Partial<JobAction>): JobAction => ({
  id: "a1",
  servicePrincipalId: "sp",
  jobId: "job",
  action: "test-connection",
  resetScope: null,
  actor: "u",
  actorName: "Ada",
  requestedAt: "2026-11-01T09:00:00Z",
  finishedAt: "2026-11-01T09:00:01Z",
  outcome: "succeeded",
  error: null,
  statusBefore: "Quarantine",
  statusAfter: "Quarantine",
  calls: [],
  graphRequestId: null,
  ...changes,
});

describe("job action rules", () => {
  it("offers Start for a paused or quarantined job, Pause for any job not paused", () => {
    expect(offeredToggles("Active")).toEqual({ pause: true, start: false });
    expect(offeredToggles("Paused")).toEqual({ pause: false, start: true });
    expect(offeredToggles("Quarantine")).toEqual({ pause: true, start: true });
    expect(offeredToggles(null)).toEqual({ pause: true, start: true });
  });

  it("asks for the app's name, typed exactly, before a Full restart or pushing deletions", () => {
    expect(needsTypedConfirmation("Full")).toBe(true);
    expect(needsTypedConfirmation("ForceDeletes")).toBe(true);
    expect(needsTypedConfirmation("QuarantineState")).toBe(false);
    expect(confirmationMatches("  Tailspin Travel (SCIM) ", "Tailspin Travel (SCIM)")).toBe(true);
    expect(confirmationMatches("tailspin travel (scim)", "Tailspin Travel (SCIM)")).toBe(false);
    expect(confirmationMatches("", "")).toBe(false);
  });

  it("says what happened and what the job is now", () => {
    expect(actionResultText(action({}))).toBe(
      "Test connection succeeded: the app accepted the saved credentials. The job is now Quarantine.",
    );
    expect(
      actionResultText(
        action({
          outcome: "failed",
          error: {
            code: "X",
            message: "m",
            raw: null,
            explanation: { title: "The app refused the credentials", meaning: "", action: "" },
          },
        }),
      ),
    ).toBe("Test connection failed. The app refused the credentials. The job is now Quarantine.");
    expect(
      actionResultText(action({ action: "restart", resetScope: "QuarantineState", statusAfter: "Active" })),
    ).toBe("Restarted (Quarantine only). The job is now Active.");
    expect(actionResultText(action({ action: "pause", statusAfter: null }))).toBe("Paused.");
    expect(actionResultText(action({ outcome: "interrupted" }))).toMatch(/interrupted/);
  });
});
