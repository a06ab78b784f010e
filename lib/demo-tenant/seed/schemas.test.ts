import { describe, expect, it } from "vitest";

import { evaluateMappingSource } from "../engine/expressions";
import {
  CLOUD_SYNC_RULE_ID,
  cloudSyncSchema,
  SCIM_RULE_IDS,
  SCIM_USER_OBJECT,
  scimAppSchema,
} from "./schemas";

const read = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe("synchronization schemas", () => {
  it("builds a SCIM app schema with Entra's default user and group mappings", () => {
    const schema = scimAppSchema({ targetDirectoryName: "customappsso" });
    expect(schema.directories.map((d) => d.name)).toEqual(["Azure Active Directory", "customappsso"]);
    const [rule] = schema.synchronizationRules;
    expect(rule).toMatchObject({
      id: SCIM_RULE_IDS.primary,
      sourceDirectoryName: "Azure Active Directory",
      targetDirectoryName: "customappsso",
    });
    expect(rule!.metadata).toContainEqual({ key: "supportsProvisionOnDemand", value: "true" });
    const [users, groups] = rule!.objectMappings;
    expect(users).toMatchObject({
      sourceObjectName: "User",
      targetObjectName: SCIM_USER_OBJECT,
      enabled: true,
      scope: null,
    });
    expect(
      users!.attributeMappings
        .filter((m) => m.matchingPriority > 0)
        .map((m) => [m.targetAttributeName, m.source?.expression]),
    ).toEqual([["userName", "[userPrincipalName]"]]);
    const byTarget = new Map(users!.attributeMappings.map((m) => [m.targetAttributeName, m]));
    expect(byTarget.get('emails[type eq "work"].value')?.source?.expression).toBe("[mail]");
    expect(byTarget.get(`${SCIM_USER_OBJECT}:employeeNumber`)?.source?.expression).toBe("[employeeId]");
    expect(groups!.attributeMappings.map((m) => [m.targetAttributeName, m.matchingPriority])).toEqual([
      ["displayName", 1],
      ["externalId", 0],
      ["members", 0],
    ]);
  });

  it("maps IsSoftDeleted to active the way Entra's default does", () => {
    const active = scimAppSchema({
      targetDirectoryName: "x",
    }).synchronizationRules[0]!.objectMappings[0]!.attributeMappings.find(
      (m) => m.targetAttributeName === "active",
    )!;
    expect(active.source).toMatchObject({ type: "Function", name: "Switch" });
    expect(evaluateMappingSource(active.source!, read({ IsSoftDeleted: "False" }))).toBe("True");
    expect(evaluateMappingSource(active.source!, read({ IsSoftDeleted: "True" }))).toBe("False");
  });

  it("takes a rule id, a user scope and a disabled group mapping", () => {
    const scope = {
      groups: [
        {
          name: "Sales",
          clauses: [
            { operatorName: "EQUALS", sourceOperandName: "department", targetOperand: { values: ["Sales"] } },
          ],
        },
      ],
      inputFilterGroups: [],
      categoryFilterGroups: [],
    };
    const schema = scimAppSchema({
      targetDirectoryName: "x",
      ruleId: SCIM_RULE_IDS.secondary,
      userScope: scope,
      includeGroups: false,
    });
    const [rule] = schema.synchronizationRules;
    expect(rule!.id).toBe("33f7c90d-bf71-41b1-bda6-aaf0ddbee5d8#V2");
    expect(rule!.objectMappings[0]!.scope).toEqual(scope);
    expect(rule!.objectMappings[1]!.enabled).toBe(false);
  });

  it("builds the Cloud Sync schema with the fixed rule id and AD → Entra mappings", () => {
    const schema = cloudSyncSchema();
    const [rule] = schema.synchronizationRules;
    expect(rule).toMatchObject({
      id: CLOUD_SYNC_RULE_ID,
      sourceDirectoryName: "Active Directory",
      targetDirectoryName: "Azure Active Directory",
    });
    const mapping = rule!.objectMappings[0]!;
    expect(mapping).toMatchObject({ sourceObjectName: "user", targetObjectName: "User" });
    const names = mapping.attributeMappings.map((m) => m.targetAttributeName);
    for (const name of [
      "AccountEnabled",
      "Alias",
      "DisplayName",
      "GivenName",
      "Surname",
      "Mail",
      "UserPrincipalName",
      "OnPremisesDistinguishedName",
      "OnPremisesSamAccountName",
      "OnPremiseSecurityIdentifier",
      "Department",
    ]) {
      expect(names).toContain(name);
    }
    const accountEnabled = mapping.attributeMappings.find(
      (m) => m.targetAttributeName === "AccountEnabled",
    )!.source!;
    expect(evaluateMappingSource(accountEnabled, read({ userAccountControl: "512" }))).toBe("True");
    expect(evaluateMappingSource(accountEnabled, read({ userAccountControl: "514" }))).toBe("False");
    expect(evaluateMappingSource(accountEnabled, read({ accountDisabled: "True" }))).toBe("False");
    expect(
      mapping.attributeMappings.filter((m) => m.matchingPriority > 0).map((m) => m.targetAttributeName),
    ).toEqual(["SourceAnchor", "UserPrincipalName"]);
  });

  it("serves every schema as plain JSON (what Graph would send)", () => {
    for (const schema of [scimAppSchema({ targetDirectoryName: "customappsso" }), cloudSyncSchema()]) {
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    }
  });
});
