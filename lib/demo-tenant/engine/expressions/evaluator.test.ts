import { describe, expect, it } from "vitest";

import type { AttributeMappingSource, ObjectMapping } from "../../model";
import salesforceMapping from "./fixtures/salesforce-object-mapping.json";
import { attributeReaderOf, evaluateMappingSource, ExpressionError, parseMappingExpression } from "./index";

const salesforce = salesforceMapping as ObjectMapping;
const user = attributeReaderOf({
  IsSoftDeleted: "False",
  userPrincipalName: "johnsmith@contoso.com",
  mail: "john.smith@contoso.com",
  preferredLanguage: "EN-US",
  appRoleAssignments: ["Default Assignment"],
});

const constant = (name: string | null, expression: string | null): AttributeMappingSource => ({
  expression,
  name,
  parameters: [],
  type: "Constant",
});
const attribute = (name: string): AttributeMappingSource => ({
  expression: `[${name}]`,
  name,
  parameters: [],
  type: "Attribute",
});
const call = (name: string, ...parameters: [string, AttributeMappingSource][]): AttributeMappingSource => ({
  expression: null,
  name,
  parameters: parameters.map(([key, value]) => ({ key, value })),
  type: "Function",
});

describe("evaluateMappingSource on Graph's served trees", () => {
  it("evaluates every mapping of the Salesforce sample", () => {
    const values = Object.fromEntries(
      salesforce.attributeMappings
        .filter((m) => m.source !== null)
        .map((m) => [m.targetAttributeName, evaluateMappingSource(m.source!, user)]),
    );
    expect(values).toEqual({
      IsActive: "True",
      Alias: "johnsmit",
      Email: "john.smith@contoso.com",
      FirstName: null,
      LastName: null,
      LocaleSidKey: "EN_US",
      ProfileName: "Default Assignment",
      Username: "johnsmith@contoso.com",
    });
  });

  it("evaluates Cloud Sync's AccountEnabled expression, whose IIF keys are one/two/three", () => {
    const text =
      'IIF(IsPresent([userAccountControl]), IIF(BitAnd([userAccountControl], 2)="0", "True", "False"), Not([accountDisabled]))';
    const tree = parseMappingExpression(text);
    const enabled = (attributes: Record<string, string>) =>
      evaluateMappingSource(tree, attributeReaderOf(attributes));
    expect(enabled({ userAccountControl: "512" })).toBe("True");
    expect(enabled({ userAccountControl: "514" })).toBe("False");
    expect(enabled({ accountDisabled: "True" })).toBe("False");
    expect(enabled({ accountDisabled: "False" })).toBe("True");
  });

  it("reads constants whether the quotes sit in expression or in name", () => {
    const mid = (start: AttributeMappingSource, length: AttributeMappingSource) =>
      call("Mid", ["source", attribute("userPrincipalName")], ["start", start], ["length", length]);
    expect(evaluateMappingSource(mid(constant("1", '"1"'), constant("4", '"4"')), user)).toBe("john");
    expect(evaluateMappingSource(mid(constant('"1"', null), constant('"4"', null)), user)).toBe("john");
    expect(evaluateMappingSource(mid(constant("5", null), constant("5", "5")), user)).toBe("smith");
    expect(evaluateMappingSource(constant("", '""'), user)).toBe("");
  });

  it("goes by order when the keys are not ones it knows, counting empty arguments", () => {
    const empty = constant(null, null);
    const replace = call(
      "replace",
      ["p1", attribute("preferredLanguage")],
      ["p2", constant("-", '"-"')],
      ["p3", empty],
      ["p4", empty],
      ["p5", constant("_", '"_"')],
      ["p6", empty],
      ["p7", empty],
    );
    expect(evaluateMappingSource(replace, user)).toBe("EN_US");
  });

  it("goes by key when every key names an argument, in any order and with documented aliases", () => {
    const replace = call(
      "Replace",
      ["replacementValue", constant("_", '"_"')],
      ["source", attribute("preferredLanguage")],
      ["oldValue", constant("-", '"-"')],
    );
    expect(evaluateMappingSource(replace, user)).toBe("EN_US");
  });

  it("evaluates Switch with its empty default kept in place", () => {
    const tree = parseMappingExpression('Switch([IsSoftDeleted], , "False", "True", "True", "False")');
    expect(evaluateMappingSource(JSON.parse(JSON.stringify(tree)), user)).toBe("True");
  });

  it("reads a missing attribute, or a reader's undefined, as null", () => {
    const reader = () => undefined as unknown as null;
    expect(evaluateMappingSource(attribute("nothing"), reader)).toBeNull();
    expect(
      evaluateMappingSource(
        call("Coalesce", ["source1", attribute("nothing")], ["source2", constant("x", '"x"')]),
        reader,
      ),
    ).toBe("x");
  });

  it("takes an attribute's name from its expression when name is null", () => {
    expect(
      evaluateMappingSource({ expression: "[mail]", name: null, parameters: [], type: "Attribute" }, user),
    ).toBe("john.smith@contoso.com");
  });

  it("rejects unknown functions, wrong arity and malformed nodes, naming them", () => {
    const unknown = (() => {
      try {
        evaluateMappingSource(call("Frobnicate", ["source", attribute("mail")]), user);
      } catch (error) {
        return error;
      }
    })();
    expect(unknown).toBeInstanceOf(ExpressionError);
    expect((unknown as ExpressionError).functionName).toBe("Frobnicate");
    expect((unknown as ExpressionError).message).toMatch(/Unknown function "Frobnicate"/);

    expect(() =>
      evaluateMappingSource(call("Mid", ["a", attribute("mail")], ["b", constant("1", '"1"')]), user),
    ).toThrow(/Mid requires its length argument/);
    expect(() =>
      evaluateMappingSource(call("Not", ["x", attribute("a")], ["y", attribute("b")]), user),
    ).toThrow(/Not takes at most 1 argument but got 2/);
    expect(() =>
      evaluateMappingSource({ expression: null, name: null, parameters: [], type: "Attribute" }, user),
    ).toThrow(/no attribute name/);
    const noValue = { ...call("Not"), parameters: [{ key: "source" }] } as unknown as AttributeMappingSource;
    expect(() => evaluateMappingSource(noValue, user)).toThrow(/Argument 1 of Not has no value node/);
    const bogus = {
      expression: null,
      name: "x",
      parameters: [],
      type: "Lambda",
    } as unknown as AttributeMappingSource;
    expect(() => evaluateMappingSource(bogus, user)).toThrow(/Unknown source node type "Lambda"/);
  });
});
