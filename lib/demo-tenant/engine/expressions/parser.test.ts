import { describe, expect, it } from "vitest";

import type { AttributeMappingSource, ObjectMapping } from "../../model";
import salesforceMapping from "./fixtures/salesforce-object-mapping.json";
import { attributesUsedBy, ExpressionError, parseMappingExpression } from "./index";

const salesforce = salesforceMapping as ObjectMapping;
const sourceFor = (target: string): AttributeMappingSource => {
  const source = salesforce.attributeMappings.find((m) => m.targetAttributeName === target)?.source;
  if (!source) throw new Error(`no source for ${target} in the fixture`);
  return source;
};

function parseError(text: string): ExpressionError {
  try {
    parseMappingExpression(text);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to be rejected`);
}

describe("parseMappingExpression reproduces Graph's trees", () => {
  it.each(["IsActive", "Alias", "Email", "LocaleSidKey", "ProfileName", "Username"])(
    "the Salesforce sample's %s mapping",
    (target) => {
      const source = sourceFor(target);
      expect(parseMappingExpression(source.expression!)).toEqual(source);
    },
  );

  it("drops empty arguments and names Replace's arguments as Graph's parseExpression answer does", () => {
    const tree = parseMappingExpression('Replace([preferredLanguage], "-", , , "_", , )');
    expect(tree.parameters.map((p) => p.key)).toEqual(["source", "Find", "Replacement"]);
  });

  it("keeps empty arguments in place where arguments repeat, so Switch's default stays second", () => {
    const tree = parseMappingExpression('Switch([IsSoftDeleted], , "False", "True", "True", "False")');
    expect(tree.name).toBe("Switch");
    expect(tree.parameters.map((p) => p.key)).toEqual([
      "source",
      "defaultValue",
      "key1",
      "value1",
      "key2",
      "value2",
    ]);
    expect(tree.parameters[1]!.value).toEqual({
      expression: null,
      name: null,
      parameters: [],
      type: "Constant",
    });
    expect(tree.parameters[2]!.value).toEqual({
      expression: '"False"',
      name: "False",
      parameters: [],
      type: "Constant",
    });
  });

  it("writes bare numbers and words as quoted constants, and function text as written", () => {
    const tree = parseMappingExpression('InStr( "repEated" ,"e",3,vbBinaryCompare )');
    expect(tree.expression).toBe('InStr( "repEated" ,"e",3,vbBinaryCompare )');
    expect(tree.parameters.map((p) => [p.key, p.value.name, p.value.expression])).toEqual([
      ["value1", "repEated", '"repEated"'],
      ["value2", "e", '"e"'],
      ["start", "3", '"3"'],
      ["compareType", "vbBinaryCompare", '"vbBinaryCompare"'],
    ]);
  });

  it("unescapes \\\" and \\\\ in strings and quotes them back in the constant's expression", () => {
    const tree = parseMappingExpression('Append([company], "Company name: \\"Contoso\\" \\\\ HQ")');
    const suffix = tree.parameters[1]!.value;
    expect(suffix.name).toBe('Company name: "Contoso" \\ HQ');
    expect(suffix.expression).toBe('"Company name: \\"Contoso\\" \\\\ HQ"');
  });

  it("keeps a backslash that escapes nothing, so regex patterns survive", () => {
    const tree = parseMappingExpression('Replace([mobile], , "[()\\s-]+", , "", , )');
    expect(tree.parameters.map((p) => [p.key, p.value.name])).toEqual([
      ["source", "mobile"],
      ["regexPattern", "[()\\s-]+"],
      ["Replacement", ""],
    ]);
  });

  it("turns IIF conditions into a comparison node with left and right", () => {
    const tree = parseMappingExpression('IIF([country]="USA",[country],[department])');
    const condition = tree.parameters[0]!;
    expect(condition.key).toBe("one");
    expect(condition.value).toMatchObject({ type: "Function", name: "=", expression: '[country]="USA"' });
    expect(condition.value.parameters.map((p) => [p.key, p.value.type, p.value.name])).toEqual([
      ["left", "Attribute", "country"],
      ["right", "Constant", "USA"],
    ]);
    expect(
      parseMappingExpression('IIF(Count([proxyAddresses]) >= 2, "many", "few")').parameters[0]!.value.name,
    ).toBe(">=");
  });

  it('names arguments as a real Cloud Sync schema does (IIF\'s "one", IsPresent\'s "source")', () => {
    const text =
      'IIF(IsPresent([userAccountControl]), IIF(BitAnd([userAccountControl], 2)="0", "True", "False"), Not([accountDisabled]))';
    const tree = parseMappingExpression(text);
    expect(tree.parameters[0]).toEqual({
      key: "one",
      value: {
        expression: "IsPresent([userAccountControl])",
        name: "IsPresent",
        parameters: [
          {
            key: "source",
            value: {
              expression: "[userAccountControl]",
              name: "userAccountControl",
              parameters: [],
              type: "Attribute",
            },
          },
        ],
        type: "Function",
      },
    });
  });

  it("accepts function names in any case and writes the documented spelling", () => {
    expect(parseMappingExpression("toupper([mail])").name).toBe("ToUpper");
    expect(parseMappingExpression("GUID()")).toEqual({
      expression: "GUID()",
      name: "Guid",
      parameters: [],
      type: "Function",
    });
  });

  it("parses nested calls with spaces and line breaks", () => {
    const text =
      'ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".",  [PreferredFirstName], [PreferredLastName]))),\n "contoso.com"))';
    const tree = parseMappingExpression(text);
    expect(attributesUsedBy(tree)).toEqual(["PreferredFirstName", "PreferredLastName"]);
  });
});

describe("parseMappingExpression rejects bad text with a message that says what and where", () => {
  it.each([
    ["", /empty/],
    ["Frobnicate([mail])", /Unknown function "Frobnicate" at position 0/],
    ["Mid([userPrincipalName], 1)", /Mid requires its length argument/],
    ["Mid(, 1, 2)", /Mid requires its source argument/],
    ["Not([a], [b])", /Not takes at most 1 argument but got 2/],
    ['Switch([x], "d", "k")', /Switch needs at least 2 key\/value arguments but got 1/],
    [
      'Switch([x], "d", "k1", "v1", "k2")',
      /Switch needs its key\/value arguments in complete sets but got 3/,
    ],
    ['Join(",")', /Join needs at least 1 source argument/],
    ['Append([mail], "x', /string opened at position 15 has no closing "/],
    ["Append([mail", /attribute opened at position 7 has no closing \]/],
    ['Append([mail], "x"', /Append\( opened at position 0 has no closing \)/],
    ["[]", /Invalid attribute name/],
    ["[mail] [upn]", /Expected the end of the expression at position 7/],
    ['Append([mail]; "x")', /Expected "," or "\)" in the arguments of Append at position 13/],
    ["(", /Expected an attribute/],
  ])("%j", (text, message) => {
    expect(parseError(text).message).toMatch(message);
  });

  it("records the position and the function", () => {
    const error = parseError('Join(" ", Frob([a]))');
    expect(error.position).toBe(10);
    expect(error.functionName).toBe("Frob");
  });

  it("refuses absurd nesting instead of overflowing the stack", () => {
    expect(parseError(`${"Not(".repeat(200)}[x]${")".repeat(200)}`).message).toMatch(/nested more than/);
  });
});

describe("attributesUsedBy", () => {
  it("lists each attribute once, in order of first use", () => {
    const tree = parseMappingExpression('Coalesce([mail], Join(".", [givenName], [surname]), [mail], "x")');
    expect(attributesUsedBy(tree)).toEqual(["mail", "givenName", "surname"]);
  });

  it("reads Graph's served trees, including a bare attribute", () => {
    expect(attributesUsedBy(sourceFor("Alias"))).toEqual(["userPrincipalName"]);
    expect(attributesUsedBy(sourceFor("Email"))).toEqual(["mail"]);
  });
});
