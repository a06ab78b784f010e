import { describe, expect, it } from "vitest";

import { attributeReaderOf, evaluateExpression, IGNORE_FLOW, type ExpressionValue } from "../index";

const evaluate = (text: string, attributes: Record<string, ExpressionValue> = {}) =>
  evaluateExpression(text, attributeReaderOf(attributes));

describe("Coalesce", () => {
  it("gives the first value that is present (docs)", () => {
    expect(
      evaluate("Coalesce([mail],[userPrincipalName])", { userPrincipalName: "John.Doe@contoso.com" }),
    ).toBe("John.Doe@contoso.com");
    expect(evaluate("Coalesce([mail],[userPrincipalName])", { mail: "m@x", userPrincipalName: "u@x" })).toBe(
      "m@x",
    );
  });
  it("passes over empty values and falls back to a default", () => {
    expect(evaluate('Coalesce([mail], [other], "none")', { mail: "" })).toBe("none");
  });
  it("gives null when nothing is present, or an explicit empty default", () => {
    expect(evaluate("Coalesce([a], [b])")).toBeNull();
    expect(evaluate('Coalesce([a], "")')).toBe("");
  });
});

describe("Switch", () => {
  const active = 'Switch([IsSoftDeleted], , "False", "True", "True", "False")';
  it("maps IsSoftDeleted to active, the default SCIM mapping", () => {
    expect(evaluate(active, { IsSoftDeleted: "False" })).toBe("True");
    expect(evaluate(active, { IsSoftDeleted: "True" })).toBe("False");
  });
  it("gives the default, or null without one, when no key matches", () => {
    expect(evaluate(active)).toBeNull();
    const timeZone =
      'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney","QLD", "Australia/Brisbane", "SA", "Australia/Adelaide")';
    expect(evaluate(timeZone, { state: "QLD" })).toBe("Australia/Brisbane");
    expect(evaluate(timeZone, { state: "WA" })).toBe("Australia/Sydney");
  });
  it("compares case-sensitively", () => {
    expect(evaluate(active, { IsSoftDeleted: "false" })).toBeNull();
  });
  it('matches a null or empty source with the "" key (docs workaround)', () => {
    const country = 'Switch([country],[country],"","Other")';
    expect(evaluate(country)).toBe("Other");
    expect(evaluate(country, { country: "" })).toBe("Other");
    expect(evaluate(country, { country: "Norway" })).toBe("Norway");
  });
});

describe("IIF and comparisons", () => {
  const iif = 'IIF([country]="USA",[country],[department])';
  it("chooses by the condition (docs)", () => {
    expect(evaluate(iif, { country: "USA", department: "Sales" })).toBe("USA");
    expect(evaluate(iif, { country: "Norway", department: "Sales" })).toBe("Sales");
  });
  it("fails the condition when its source is null or empty", () => {
    expect(evaluate(iif, { department: "Sales" })).toBe("Sales");
    expect(evaluate('IIF([country]<>"USA","elsewhere","home")', { country: "" })).toBe("home");
  });
  it("nests for AND and OR (docs)", () => {
    const and = 'IIF([country]="USA",IIF([state]="CA","True","False"),"False")';
    const or = 'IIF([country]="USA","True",IIF([state]="CA","True","False"))';
    expect(evaluate(and, { country: "USA", state: "CA" })).toBe("True");
    expect(evaluate(and, { country: "USA", state: "WA" })).toBe("False");
    expect(evaluate(or, { country: "Mexico", state: "CA" })).toBe("True");
    expect(evaluate(or, { country: "Mexico", state: "WA" })).toBe("False");
  });
  it("compares numbers as numbers and other text by ordinal order", () => {
    expect(evaluate('IIF(Count([p]) > 1, "many", "one")', { p: ["a", "b"] })).toBe("many");
    expect(evaluate('IIF([n] >= 10, "big", "small")', { n: "9" })).toBe("small");
    expect(evaluate('IIF([n] < 10, "small", "big")', { n: "10" })).toBe("big");
    expect(evaluate('IIF([n] <= 10, "le", "gt")', { n: "10" })).toBe("le");
    expect(evaluate("[a] < [b]", { a: "Apple", b: "apple" })).toBe("True");
    expect(evaluate('[a] = "usa"', { a: "USA" })).toBe("False");
  });
  it("takes any boolean-valued condition", () => {
    expect(evaluate('IIF(IsPresent([mail]), [mail], "none")', { mail: "m@x" })).toBe("m@x");
    expect(evaluate('IIF([flag], "on", "off")', { flag: "true" })).toBe("on");
  });
  it("does not evaluate the branch it does not take", () => {
    expect(evaluate('IIF([country]="USA", "home", Mid([x], 0, 1))', { country: "USA", x: "abc" })).toBe(
      "home",
    );
  });
});

describe("Not", () => {
  it("flips the Entra boolean strings, treating anything but True as False", () => {
    expect(evaluate("Not([IsSoftDeleted])", { IsSoftDeleted: "False" })).toBe("True");
    expect(evaluate("Not([IsSoftDeleted])", { IsSoftDeleted: "True" })).toBe("False");
    expect(evaluate("Not([IsSoftDeleted])", { IsSoftDeleted: "true" })).toBe("False");
    expect(evaluate("Not([IsSoftDeleted])")).toBe("True");
  });
});

describe("IsNull, IsNullOrEmpty, IsPresent, IsString", () => {
  it.each([
    ["missing", undefined, "True", "True", "False", "False"],
    ["empty", "", "False", "True", "False", "True"],
    ["text", "x", "False", "False", "True", "True"],
    ["empty list", [], "True", "True", "False", "False"],
    ["list", ["a", "b"], "False", "False", "True", "False"],
  ])("%s", (_label, value, isNull, isNullOrEmpty, isPresent, isString) => {
    const attributes: Record<string, ExpressionValue> =
      value === undefined ? {} : { v: value as ExpressionValue };
    expect(evaluate("IsNull([v])", attributes)).toBe(isNull);
    expect(evaluate("IsNullOrEmpty([v])", attributes)).toBe(isNullOrEmpty);
    expect(evaluate("IsPresent([v])", attributes)).toBe(isPresent);
    expect(evaluate("IsString([v])", attributes)).toBe(isString);
  });
});

describe("CBool and CStr", () => {
  it("CBool reads comparisons, booleans and numbers (docs)", () => {
    expect(evaluate("CBool([attribute1] = [attribute2])", { attribute1: "a", attribute2: "a" })).toBe("True");
    expect(evaluate("CBool([attribute1] = [attribute2])", { attribute1: "a", attribute2: "b" })).toBe(
      "False",
    );
    expect(evaluate("CBool([n])", { n: "2" })).toBe("True");
    expect(evaluate("CBool([n])", { n: "0" })).toBe("False");
    expect(evaluate("CBool([n])", { n: "TRUE" })).toBe("True");
    expect(evaluate("CBool([missing])")).toBe("False");
    expect(() => evaluate("CBool([n])", { n: "maybe" })).toThrow(
      /CBool: "maybe" is neither a boolean nor a number/,
    );
  });
  it("CStr gives the value as one string", () => {
    expect(evaluate("CStr([dn])", { dn: "cn=Joe,dc=contoso,dc=com" })).toBe("cn=Joe,dc=contoso,dc=com");
    expect(evaluate("CStr([dn])", { dn: ["cn=Joe"] })).toBe("cn=Joe");
    expect(evaluate("CStr([missing])")).toBeNull();
    expect(() => evaluate("CStr([dn])", { dn: ["a", "b"] })).toThrow(
      /value must be a single value but has 2 values/,
    );
  });
});

describe("IgnoreFlowIfNullOrEmpty", () => {
  it("passes a value through", () => {
    expect(evaluate("IgnoreFlowIfNullOrEmpty([department])", { department: "Sales" })).toBe("Sales");
  });
  it("tells the engine to drop the attribute when the value is null or empty, even when nested", () => {
    expect(evaluate("IgnoreFlowIfNullOrEmpty([department])")).toBe(IGNORE_FLOW);
    expect(evaluate("IgnoreFlowIfNullOrEmpty([department])", { department: "" })).toBe(IGNORE_FLOW);
    expect(evaluate('Join(" ", [a], IgnoreFlowIfNullOrEmpty([b]))', { a: "x" })).toBe(IGNORE_FLOW);
    const title = 'IgnoreFlowIfNullOrEmpty(Switch([prefix], "", "3443", "Dr.", "3444", "Prof."))';
    expect(evaluate(title, { prefix: "9999" })).toBe(IGNORE_FLOW);
    expect(evaluate(title, { prefix: "3443" })).toBe("Dr.");
  });
  it("wraps a whole IIF, the documented way to combine both", () => {
    const region = 'IgnoreFlowIfNullOrEmpty(IIF([country]="USA",[region],""))';
    expect(evaluate(region, { country: "USA", region: "West" })).toBe("West");
    expect(evaluate(region, { country: "Norway", region: "West" })).toBe(IGNORE_FLOW);
  });
});

describe("BitAnd", () => {
  it("ands the bits, with VBA hex literals (docs)", () => {
    expect(evaluate("BitAnd(&HF, &HF7)")).toBe("7");
    expect(evaluate("BitAnd([uac], 2)", { uac: "514" })).toBe("2");
    expect(evaluate("BitAnd([uac], 2)", { uac: "512" })).toBe("0");
    expect(evaluate("BitAnd([missing], 2)")).toBeNull();
  });
  it("names an argument that is not an integer", () => {
    expect(() => evaluate('BitAnd([uac], "two")', { uac: "514" })).toThrow(
      'BitAnd: value2 must be an integer, got "two"',
    );
  });
});
