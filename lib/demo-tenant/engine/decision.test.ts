import { describe, expect, it } from "vitest";

import { decide, EVERY_FLOW, scopeVerdict, SKIP_REASON, type DecisionInput } from "./decision";

// Changes are plain strings here: the decision only counts and passes them on.
const input = (fields: Partial<DecisionInput<string>>): DecisionInput<string> => ({
  entitled: true,
  differences: null,
  flows: EVERY_FLOW,
  deprovisioning: "Disable",
  ...fields,
});
const without = (flow: keyof typeof EVERY_FLOW) => ({ ...EVERY_FLOW, [flow]: false });

describe("what scope asks of an object", () => {
  it("provisions an entitled object, whether or not the target has it", () => {
    expect(scopeVerdict(true, false)).toBe("Provision");
    expect(scopeVerdict(true, true)).toBe("Provision");
  });

  it("deprovisions an object that left scope but is still in the target", () => {
    expect(scopeVerdict(false, true)).toBe("Deprovision");
  });

  it("asks nothing of an object out of scope and not in the target", () => {
    expect(scopeVerdict(false, false)).toBe("OutOfScope");
  });
});

describe("the decision for one object", () => {
  describe("entitled and not in the target", () => {
    it("creates it", () => {
      expect(decide(input({}))).toEqual({ action: "Create" });
    });

    it("skips it when the mapping does not allow creating", () => {
      expect(decide(input({ flows: without("add") }))).toEqual({ action: "Skip", cause: "CreateTurnedOff" });
    });
  });

  describe("entitled and in the target", () => {
    it("updates what differs", () => {
      expect(decide(input({ differences: ["title", "department"] }))).toEqual({
        action: "Update",
        changes: ["title", "department"],
      });
    });

    it("skips as already in sync when nothing differs, even if updates are turned off", () => {
      expect(decide(input({ differences: [] }))).toEqual({ action: "Skip", cause: "AlreadyInSync" });
      expect(decide(input({ differences: [], flows: without("update") }))).toEqual({
        action: "Skip",
        cause: "AlreadyInSync",
      });
    });

    it("skips a needed update when the mapping does not allow updates", () => {
      expect(decide(input({ differences: ["title"], flows: without("update") }))).toEqual({
        action: "Skip",
        cause: "UpdateTurnedOff",
      });
    });
  });

  describe("no longer entitled but in the target", () => {
    it("disables it through the mappings that read IsSoftDeleted", () => {
      expect(decide(input({ entitled: false, differences: ["active"] }))).toEqual({
        action: "Disable",
        changes: ["active"],
      });
    });

    it("skips as already in sync when the target already holds the disabled state", () => {
      expect(decide(input({ entitled: false, differences: [] }))).toEqual({
        action: "Skip",
        cause: "AlreadyInSync",
      });
    });

    it("leaves it as it is when the mapping does not allow deletes, before anything else", () => {
      expect(
        decide(
          input({ entitled: false, differences: ["active"], flows: without("delete"), deprovisioning: null }),
        ),
      ).toEqual({ action: "Skip", cause: "DeletesTurnedOff" });
    });

    it("leaves it as it is when no attribute mapping reads IsSoftDeleted", () => {
      expect(decide(input({ entitled: false, differences: [], deprovisioning: null }))).toEqual({
        action: "Skip",
        cause: "NoSoftDeleteMapping",
      });
    });

    it("deletes a group, which has nothing to disable, whatever its attributes hold", () => {
      for (const differences of [[], ["displayName"]]) {
        expect(decide(input({ entitled: false, differences, deprovisioning: "Delete" }))).toEqual({
          action: "Delete",
        });
      }
    });

    it("leaves a group as it is too when the mapping does not allow deletes", () => {
      expect(
        decide(
          input({ entitled: false, differences: [], flows: without("delete"), deprovisioning: "Delete" }),
        ),
      ).toEqual({ action: "Skip", cause: "DeletesTurnedOff" });
    });
  });

  describe("not entitled and not in the target", () => {
    it("skips it as out of scope, whatever the mapping allows", () => {
      for (const flows of [EVERY_FLOW, without("add"), without("delete")]) {
        expect(decide(input({ entitled: false, flows }))).toEqual({ action: "Skip", cause: "OutOfScope" });
      }
    });
  });
});

describe("the skip reason Entra reports for each cause", () => {
  it("names scope, redundancy and turned-off flows with Graph's codes", () => {
    expect(SKIP_REASON).toEqual({
      OutOfScope: "NotEffectivelyEntitled",
      AlreadyInSync: "RedundantExport",
      CreateTurnedOff: "EntrySynchronizationSkipped",
      UpdateTurnedOff: "EntrySynchronizationSkipped",
      DeletesTurnedOff: "NotEffectivelyEntitled",
      NoSoftDeleteMapping: "NotEffectivelyEntitled",
    });
  });
});
