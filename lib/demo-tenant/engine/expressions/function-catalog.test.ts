import { describe, expect, it } from "vitest";

import {
  attributeMappingFunctionSchemas,
  evaluateExpression,
  functionCatalog,
  parseMappingExpression,
} from "./index";
import { attributeReaderOf } from "./values";

const schemaOf = (name: string) => attributeMappingFunctionSchemas().find((f) => f.name === name);
const descriptionOf = (name: string) => functionCatalog.find((f) => f.name === name);

describe("the function catalog", () => {
  it("serves Append exactly as Graph's schema/functions example lists it", () => {
    expect(schemaOf("Append")).toEqual({
      name: "Append",
      parameters: [
        { allowMultipleOccurrences: false, name: "source", required: true, type: "String" },
        { allowMultipleOccurrences: false, name: "suffix", required: true, type: "String" },
      ],
    });
  });

  it("has every function of the reference's list but SelectUniqueValue", () => {
    const documented =
      "Append AppRoleAssignmentsComplex AssertiveAppRoleAssignmentsComplex BitAnd CBool CDate Coalesce ConvertToBase64 ConvertToUTF8Hex Count CStr DateAdd DateDiff DateFromNum DefaultDomain FormatDateTime Guid IgnoreFlowIfNullOrEmpty IIF InStr IsNull IsNullOrEmpty IsPresent IsString Item Join Left Len Mid NormalizeDiacritics Not Now NumFromDate PCase RandomString Redact RemoveDuplicates Replace SelectUniqueValue SingleAppRoleAssignment Split StripSpaces Switch ToLower ToUpper Word".split(
        " ",
      );
    const names = new Set(functionCatalog.map((f) => f.name));
    // SelectUniqueValue checks candidates against an on-premises Active Directory, which the demo tenant has not.
    expect(documented.filter((name) => !names.has(name))).toEqual(["SelectUniqueValue"]);
    expect([...names].filter((name) => !documented.includes(name))).toEqual([]);
  });

  it("serves functions without arguments with an empty list, as Graph does for DefaultDomain", () => {
    expect(schemaOf("DefaultDomain")).toEqual({ name: "DefaultDomain", parameters: [] });
    expect(schemaOf("Now")).toEqual({ name: "Now", parameters: [] });
  });

  it("serves the date functions with their documented arguments and types", () => {
    expect(schemaOf("FormatDateTime")?.parameters.map((p) => [p.name, p.required])).toEqual([
      ["source", true],
      ["dateTimeStyles", false],
      ["inputFormat", true],
      ["outputFormat", true],
    ]);
    expect(schemaOf("DateAdd")?.parameters.map((p) => p.type)).toEqual(["String", "Integer", "DateTime"]);
    expect(descriptionOf("CDate")?.returns).toEqual({ type: "DateTime", multivalued: false });
    expect(descriptionOf("AssertiveAppRoleAssignmentsComplex")?.returns).toEqual({
      type: "String",
      multivalued: true,
    });
  });

  it("lists functions by name in alphabetical order, without IIF's comparison operators", () => {
    const names = functionCatalog.map((f) => f.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    expect(names).not.toContain("=");
    expect(names).toContain("IIF");
  });

  it("names arguments as the function reference does, even where Graph's trees key them otherwise", () => {
    expect(schemaOf("Replace")?.parameters.map((p) => p.name)).toEqual([
      "source",
      "oldValue",
      "regexPattern",
      "regexGroupName",
      "replacementValue",
      "replacementAttributeName",
      "template",
    ]);
    expect(
      schemaOf("Replace")
        ?.parameters.filter((p) => p.required)
        .map((p) => p.name),
    ).toEqual(["source"]);
    expect(schemaOf("IIF")?.parameters.map((p) => p.name)).toEqual([
      "condition",
      "valueIfTrue",
      "valueIfFalse",
    ]);
  });

  it("marks repeating arguments as allowMultipleOccurrences, after the fixed ones", () => {
    expect(schemaOf("Join")?.parameters).toEqual([
      { allowMultipleOccurrences: false, name: "separator", required: true, type: "String" },
      { allowMultipleOccurrences: true, name: "source", required: true, type: "String" },
    ]);
    expect(schemaOf("Switch")?.parameters.map((p) => [p.name, p.allowMultipleOccurrences])).toEqual([
      ["source", false],
      ["defaultValue", false],
      ["key", true],
      ["value", true],
    ]);
  });

  it("says which types an argument takes, whether it may be multi-valued, and what the function returns", () => {
    expect(descriptionOf("Count")).toMatchObject({
      parameters: [{ name: "attribute", allowedTypes: ["String"], multivalued: true, repeating: false }],
      returns: { type: "Integer", multivalued: false },
    });
    expect(descriptionOf("CStr")?.parameters[0]?.allowedTypes).toEqual([
      "Integer",
      "Reference",
      "Boolean",
      "String",
    ]);
    expect(schemaOf("CStr")?.parameters[0]?.type).toBe("Integer");
    expect(descriptionOf("Split")?.returns).toEqual({ type: "String", multivalued: true });
    expect(descriptionOf("Append")?.returns).toEqual({ type: "String", multivalued: "source" });
    expect(descriptionOf("IsPresent")?.returns.type).toBe("Boolean");
  });

  it("gives every function a summary and distinct argument names", () => {
    for (const description of functionCatalog) {
      expect(description.summary, description.name).toMatch(/^[A-Z].*\.$/);
      const names = description.parameters.map((p) => p.name);
      expect(new Set(names).size, description.name).toBe(names.length);
    }
  });

  it("describes only functions the parser and the evaluator know, under the names they answer to", () => {
    for (const { name } of functionCatalog) {
      expect(() => parseMappingExpression(`${name}()`), name).not.toThrow(/Unknown function/);
    }
    expect(evaluateExpression('append([a], "!")', attributeReaderOf({ a: "x" }))).toBe("x!");
  });
});
