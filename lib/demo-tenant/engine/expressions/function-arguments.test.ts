import { describe, expect, it } from "vitest";

import type { AttributeMappingSource } from "../../model";
import {
  attributeReaderOf,
  evaluateExpression,
  evaluateMappingSource,
  functionCatalog,
  type ExpressionValue,
} from "./index";

const evaluate = (text: string, attributes: Record<string, ExpressionValue> = {}) =>
  evaluateExpression(text, attributeReaderOf(attributes), { now: () => new Date("2021-07-02T15:33:38Z") });

const constant = (value: string): AttributeMappingSource => ({
  expression: JSON.stringify(value),
  name: value,
  parameters: [],
  type: "Constant",
});
/** A call as a hand-written Graph tree would carry it: keys that name no argument, so order decides. */
const positionalTree = (name: string, count: number): AttributeMappingSource => ({
  expression: null,
  name,
  parameters: Array.from({ length: count }, (_, i) => ({ key: `p${i + 1}`, value: constant("1") })),
  type: "Function",
});

const fixedOnly = functionCatalog.filter((f) => !f.parameters.some((p) => p.repeating));
const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;

describe("every function names a wrong number of arguments", () => {
  it.each(fixedOnly.map((f) => [f.name, f.parameters.length] as const))(
    "%s refuses more than its %i arguments, written or as a tree",
    (name, count) => {
      const message = `${name} takes at most ${plural(count)} but got ${count + 1}`;
      const args = Array.from({ length: count + 1 }, () => '"1"').join(", ");
      expect(() => evaluate(`${name}(${args})`)).toThrow(message);
      expect(() => evaluateMappingSource(positionalTree(name, count + 1), attributeReaderOf({}))).toThrow(
        message,
      );
    },
  );

  it.each(
    functionCatalog
      .filter((f) => f.parameters.some((p) => p.required && !p.repeating))
      .map((f) => [f.name, f.parameters.find((p) => p.required && !p.repeating)!.name] as const),
  )("%s without arguments asks for its %s argument", (name, first) => {
    expect(() => evaluate(`${name}()`)).toThrow(`${name} requires its ${first} argument`);
  });

  it("asks for repeating arguments in full", () => {
    expect(() => evaluate('Join(",")')).toThrow("Join needs at least 1 source argument but got 0");
    expect(() => evaluate("Coalesce()")).toThrow("Coalesce needs at least 1 source argument but got 0");
    expect(() => evaluate('Switch([a], "d", "k")')).toThrow(
      "Switch needs at least 2 key/value arguments but got 1",
    );
    expect(() => evaluate('Switch([a], "d", "k1", "v1", "k2")')).toThrow(
      "Switch needs its key/value arguments in complete sets but got 3",
    );
  });

  it("refuses the seven-argument Replace given an eighth", () => {
    expect(() => evaluate('Replace([x], "-", , , "_", , , "extra")', { x: "a-b" })).toThrow(
      "Replace takes at most 7 arguments but got 8",
    );
  });
});

describe("every function names an argument of the wrong type", () => {
  const many = { m: ["a", "b"] };
  it.each([
    ['Left("John", "three")', 'Left: numChars must be an integer, got "three"'],
    ['Word("a b", "second", " ")', 'Word: wordNumber must be an integer, got "second"'],
    ['InStr("abc", "b", "two")', 'InStr: start must be an integer, got "two"'],
    ['Item([m], "1st")', 'Item: index must be an integer, got "1st"'],
    ['BitAnd("x", 1)', 'BitAnd: value1 must be an integer, got "x"'],
    ['DateAdd("d", "1.5", Now())', 'DateAdd: value must be an integer, got "1.5"'],
    ['RandomString(8, "two", 0, 0, 0)', 'RandomString: MinimumNumbers must be an integer, got "two"'],
    ['CBool("perhaps")', 'CBool: "perhaps" is neither a boolean nor a number'],
    ['DateFromNum("yesterday")', 'DateFromNum: value must be a non-negative integer, got "yesterday"'],
    ['CDate("yesterday")', 'CDate: expression "yesterday" is not a date and time'],
  ])("%s", (text, message) => {
    expect(() => evaluate(text)).toThrow(message);
  });

  it.each([
    ['Append("x", [m])', "Append: suffix must be a single value but has 2 values"],
    ['Word([m], 1, " ")', "Word: string must be a single value but has 2 values"],
    ['InStr([m], "a")', "InStr: value1 must be a single value but has 2 values"],
    ['Switch([m], "d", "a", "b")', "Switch: source must be a single value but has 2 values"],
    ['Join([m], "x")', "Join: separator must be a single value but has 2 values"],
    ["CStr([m])", "CStr: value must be a single value but has 2 values"],
    ['DateAdd("d", 1, [m])', "DateAdd: dateTime must be a single value but has 2 values"],
    [
      'FormatDateTime([m], , "yyyy", "yyyy")',
      "FormatDateTime: source must be a single value but has 2 values",
    ],
    ["Len([m])", "Len: string must be a single value but has 2 values"],
  ])("%s names a multi-valued argument that must be single", (text, message) => {
    expect(() => evaluate(text, many)).toThrow(message);
  });

  it("lets the string functions work on each value of a multi-valued source instead", () => {
    expect(evaluate("Mid([m], 1, 1)", many)).toEqual(["a", "b"]);
    expect(evaluate('Append([m], "!")', many)).toEqual(["a!", "b!"]);
  });
});
