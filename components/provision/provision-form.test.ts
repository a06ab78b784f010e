import { describe, expect, it } from "vitest";
import type { RuleSummary } from "@/lib/api/contracts";
import {
  changeMembers,
  chooseRule,
  effectiveKind,
  offeredSubjectKinds,
  provisionReadiness,
} from "./provision-form";
import { EMPTY_PROVISION_FORM } from "./provision-url-state";

const rule = (id: string, fields: Partial<RuleSummary> = {}): RuleSummary => ({
  id,
  name: `Rule ${id}`,
  sourceDirectoryName: "Azure Active Directory",
  targetDirectoryName: "customappsso",
  supportsProvisionOnDemand: true,
  objectTypes: ["User", "Group"],
  ...fields,
});

describe("chooseRule", () => {
  it("chooses the only rule that supports provision on demand", () => {
    const choice = chooseRule([rule("a", { supportsProvisionOnDemand: false }), rule("b")], null);
    expect(choice.rule?.id).toBe("b");
    expect(choice.offered.map((r) => r.id)).toEqual(["b"]);
    expect(choice.notice).toBeNull();
  });

  it("waits for a pick when several rules are offered", () => {
    expect(chooseRule([rule("a"), rule("b")], null).rule).toBeNull();
    expect(chooseRule([rule("a"), rule("b")], "b").rule?.id).toBe("b");
  });

  it("says why no rule can be chosen", () => {
    const choice = chooseRule([rule("a", { name: "AD2AAD", supportsProvisionOnDemand: false })], null);
    expect(choice.rule).toBeNull();
    expect(choice.notice).toMatch(/None of this job's 1 rule\(s\) supports provision on demand \(AD2AAD\)/);
    expect(chooseRule([], null).notice).toMatch(/no synchronization rules/);
  });

  it("explains a rule in the link that cannot be used", () => {
    const rules = [rule("a", { supportsProvisionOnDemand: false }), rule("b"), rule("c")];
    expect(chooseRule(rules, "a").notice).toMatch(/\(a\) does not support provision on demand.*Pick one/);
    expect(chooseRule(rules, "zzz").notice).toMatch(/\(zzz\) is not one of this job's rules/);
    expect(chooseRule([rule("b")], "zzz").rule?.id).toBe("b");
  });
});

describe("offeredSubjectKinds", () => {
  it("offers users and groups for a rule that maps both", () => {
    expect(offeredSubjectKinds(rule("a"), "scim")).toEqual(["user", "group"]);
  });

  it("offers only users when the rule maps no groups", () => {
    expect(offeredSubjectKinds(rule("a", { objectTypes: ["User"] }), "scim")).toEqual(["user"]);
  });

  it("offers on-premises users for Cloud Sync, by template or by the lower-case AD object", () => {
    expect(offeredSubjectKinds(null, "AD2AADProvisioning")).toEqual(["onPremisesUser"]);
    expect(offeredSubjectKinds(rule("a", { objectTypes: ["user"] }), "other")).toEqual(["onPremisesUser"]);
  });

  it("falls back to the first offered kind", () => {
    expect(effectiveKind("group", ["onPremisesUser"])).toBe("onPremisesUser");
    expect(effectiveKind("group", ["user", "group"])).toBe("group");
  });
});

describe("provisionReadiness", () => {
  const target = { servicePrincipalId: "sp", jobId: "job", ruleId: "r" };

  it("names what is missing", () => {
    expect(provisionReadiness(EMPTY_PROVISION_FORM, { ...target, ruleId: null }).problem).toMatch(/rule/);
    expect(provisionReadiness(EMPTY_PROVISION_FORM, target).problem).toMatch(/user/);
    expect(provisionReadiness({ ...EMPTY_PROVISION_FORM, kind: "group" }, target).problem).toMatch(/group/);
    expect(
      provisionReadiness({ ...EMPTY_PROVISION_FORM, kind: "group", groupId: "g" }, target).problem,
    ).toMatch(/1 to 5 members/);
    expect(provisionReadiness({ ...EMPTY_PROVISION_FORM, kind: "onPremisesUser" }, target).problem).toMatch(
      /distinguished name/,
    );
  });

  it("passes on the distinguished name's own problem", () => {
    expect(
      provisionReadiness(
        { ...EMPTY_PROVISION_FORM, kind: "onPremisesUser", distinguishedName: "Adele" },
        target,
      ).problem,
    ).toMatch(/NAME=value/);
  });

  it("builds the run request when complete", () => {
    expect(
      provisionReadiness(
        { ...EMPTY_PROVISION_FORM, kind: "group", groupId: "g", memberIds: ["m1", "m2"] },
        target,
      ).request,
    ).toEqual({
      servicePrincipalId: "sp",
      jobId: "job",
      ruleId: "r",
      subject: { kind: "group", objectId: "g", memberIds: ["m1", "m2"] },
    });
    expect(
      provisionReadiness(
        { ...EMPTY_PROVISION_FORM, kind: "onPremisesUser", distinguishedName: " CN=A,DC=corp " },
        target,
      ).request?.subject,
    ).toEqual({ kind: "onPremisesUser", distinguishedName: "CN=A,DC=corp" });
  });
});

describe("changeMembers", () => {
  it("accepts up to five members", () => {
    expect(changeMembers(["a"], ["a", "b", "c", "d", "e"])).toEqual({
      memberIds: ["a", "b", "c", "d", "e"],
      refused: null,
    });
  });

  it("refuses the sixth with a reason and keeps the five", () => {
    const five = ["a", "b", "c", "d", "e"];
    const change = changeMembers(five, [...five, "f"]);
    expect(change.memberIds).toEqual(five);
    expect(change.refused).toMatch(/at most 5 members/);
  });
});
