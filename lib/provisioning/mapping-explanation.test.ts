import { describe, expect, it } from "vitest";
import salesforce from "@/lib/demo-tenant/engine/expressions/fixtures/salesforce-object-mapping.json";
import { attributesInExpression, attributesReadBy, expressionTextOf } from "./expression-text";
import { explainProperties, mappingFactsOf } from "./mapping-explanation";
import type { AttributeMappingInput, ObjectMappingInput } from "./mapping-schema";

// Microsoft's sample object mapping (Salesforce), as Graph serves it.
const objectMapping = salesforce as ObjectMappingInput;
const mapping = (target: string) =>
  objectMapping.attributeMappings!.find((m) => m.targetAttributeName === target) as AttributeMappingInput;

describe("expressionTextOf", () => {
  it("keeps Graph's own text of a function", () => {
    expect(expressionTextOf(mapping("LocaleSidKey").source)).toBe(
      'Replace([preferredLanguage], "-", , , "_", , )',
    );
  });

  it("rebuilds the text of a tree that carries none", () => {
    expect(
      expressionTextOf({
        type: "Function",
        name: "Join",
        parameters: [
          { key: "separator", value: { type: "Constant", name: " " } },
          { key: "source1", value: { type: "Attribute", name: "givenName" } },
          { key: "source2", value: { type: "Attribute", name: "surname" } },
        ],
      }),
    ).toBe('Join(" ", [givenName], [surname])');
    expect(expressionTextOf(null)).toBeNull();
  });

  it("lists what a tree reads, and what an expression's text names outside strings", () => {
    expect(attributesReadBy(mapping("ProfileName").source)).toEqual(["appRoleAssignments"]);
    expect(
      attributesInExpression('IIF([country]="USA", Join(" [x] ", [givenName], [surname]), [c])'),
    ).toEqual(["country", "givenName", "surname", "c"]);
  });
});

describe("mappingFactsOf", () => {
  it("the matching attribute: its priority, flow and the value imported", () => {
    expect(mappingFactsOf(mapping("Username"), { userPrincipalName: "adele@contoso.com" })).toEqual({
      targetAttributeName: "Username",
      expression: "[userPrincipalName]",
      sourceType: "Attribute",
      defaultValue: null,
      flowType: "Always",
      flow: "Always: on create and on every update",
      flowBehavior: "FlowWhenChanged",
      matchingPriority: 1,
      sources: [{ attribute: "userPrincipalName", value: "adele@contoso.com", imported: true }],
    });
  });

  it("a default-only mapping has no expression; an absent source value is said to be absent", () => {
    expect(mappingFactsOf(mapping("TimeZoneSidKey"), {})).toMatchObject({
      expression: null,
      sourceType: "None",
      defaultValue: "America/Los_Angeles",
      matchingPriority: null,
    });
    expect(mappingFactsOf(mapping("Email"), {}).sources).toEqual([
      { attribute: "mail", value: null, imported: false },
    ]);
  });

  it("says when a mapping flows only on create", () => {
    expect(mappingFactsOf({ ...mapping("Email"), flowType: "ObjectAddOnly" }, {}).flow).toBe(
      "Only when the object is created",
    );
  });
});

describe("explainProperties", () => {
  it("explains a written property by the mapping that writes it, in any case", () => {
    const [alias] = explainProperties(
      [{ name: "alias" }],
      objectMapping,
      { userPrincipalName: "adele@contoso.com" },
      "target",
    );
    expect(alias!.mappings.map((m) => m.expression)).toEqual(["Mid([userPrincipalName], 1, 8)"]);
  });

  it("explains a skip's source attribute by every mapping that reads it", () => {
    const [upn] = explainProperties([{ name: "userPrincipalName" }], objectMapping, {}, "source");
    expect(upn!.mappings.map((m) => m.targetAttributeName)).toEqual(["Alias", "Username"]);
  });
});
