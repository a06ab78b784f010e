import "server-only";

import type { FunctionCall } from "../function-call";
import type { FunctionDefinition, ParameterDefinition } from "../function-definition";
import { booleanValue, isNullOrEmpty, isTrue, type ExpressionValue } from "../values";

/** Thrown by IgnoreFlowIfNullOrEmpty and caught where the whole mapping is evaluated. */
export class IgnoreFlowSignal {}

// Keys as Graph serves them in a real Cloud Sync schema: IsPresent's argument is "source", IIF's are "one", "two", …
const expressionParameter = [
  {
    key: "source",
    name: "expression",
    required: true,
    types: ["String", "Boolean", "Integer", "DateTime", "Reference", "Binary"],
    multivalued: true,
  },
] as const satisfies readonly ParameterDefinition[];

export const logicFunctions: readonly FunctionDefinition[] = [
  {
    name: "Coalesce",
    summary: 'Gives the first source that has a value; a last argument serves as the default (it may be "").',
    returns: { type: "String", multivalued: "source" },
    parameters: [],
    rest: { keys: ["source"], min: 1, multivalued: true },
    evaluate(call) {
      let last: ExpressionValue | undefined;
      for (let i = 0; i < call.restCount; i++) {
        const value = call.restValue(i);
        if (value === undefined) continue;
        if (!isNullOrEmpty(value)) return value;
        last = value;
      }
      // A trailing "" is a default of empty string, which the docs allow.
      return last === "" ? "" : null;
    },
  },
  {
    name: "Switch",
    summary:
      "Gives the value paired with the first key equal (case-sensitively) to the source, else defaultValue.",
    returns: { type: "String", multivalued: false },
    parameters: [{ key: "source", required: true }, { key: "defaultValue" }],
    rest: { keys: ["key", "value"], min: 2 },
    evaluate(call) {
      // Case-sensitive; a null or empty source matches the "" key.
      const source = call.text(0) ?? "";
      for (let i = 0; i < call.restCount; i += 2) {
        if ((call.restText(i) ?? "") === source) return call.restValue(i + 1) ?? null;
      }
      return call.value(1);
    },
  },
  {
    name: "IIF",
    summary:
      "Gives valueIfTrue when the condition holds, else valueIfFalse; a condition on a null or empty value fails.",
    returns: { type: "String", multivalued: false },
    parameters: [
      { key: "one", name: "condition", required: true, types: ["Boolean"] },
      { key: "two", name: "valueIfTrue", required: true },
      { key: "three", name: "valueIfFalse", required: true },
    ],
    evaluate: (call) => (isTrue(call.value(0)) ? call.value(1) : call.value(2)),
  },
  {
    name: "Not",
    summary: 'Gives "False" for "True" and "True" for anything else.',
    returns: { type: "Boolean", multivalued: false },
    parameters: [{ key: "source", required: true, types: ["Boolean"] }],
    evaluate: (call) => booleanValue(!isTrue(call.text(0))),
  },
  {
    name: "IsNull",
    summary: 'Gives "True" when the expression has no value (an absent attribute).',
    returns: { type: "Boolean", multivalued: false },
    parameters: expressionParameter,
    evaluate(call) {
      const value = call.value(0);
      return booleanValue(value === null || (Array.isArray(value) && value.length === 0));
    },
  },
  {
    name: "IsNullOrEmpty",
    summary: 'Gives "True" when the expression has no value or is the empty string.',
    returns: { type: "Boolean", multivalued: false },
    parameters: expressionParameter,
    evaluate: (call) => booleanValue(isNullOrEmpty(call.value(0))),
  },
  {
    name: "IsPresent",
    summary: 'Gives "True" when the expression has a value that is not the empty string.',
    returns: { type: "Boolean", multivalued: false },
    parameters: expressionParameter,
    evaluate: (call) => booleanValue(!isNullOrEmpty(call.value(0))),
  },
  {
    name: "IsString",
    summary: 'Gives "True" when the expression is a single string value.',
    returns: { type: "Boolean", multivalued: false },
    parameters: expressionParameter,
    evaluate: (call) => booleanValue(typeof call.value(0) === "string"),
  },
  {
    name: "CBool",
    summary: 'Gives "True" for True or a non-zero number, "False" for False, zero or no value.',
    returns: { type: "Boolean", multivalued: false },
    parameters: expressionParameter,
    evaluate(call) {
      const text = call.text(0)?.trim() ?? "";
      if (text === "") return "False";
      if (/^(true|false)$/i.test(text)) return booleanValue(isTrue(text));
      const number = Number(text);
      if (Number.isNaN(number))
        throw call.error(`CBool: ${JSON.stringify(text)} is neither a boolean nor a number`);
      return booleanValue(number !== 0);
    },
  },
  {
    name: "CStr",
    summary: "Gives the value as a string.",
    returns: { type: "String", multivalued: false },
    parameters: [{ key: "value", required: true, types: ["Integer", "Reference", "Boolean", "String"] }],
    evaluate: (call) => call.text(0),
  },
  {
    name: "IgnoreFlowIfNullOrEmpty",
    summary:
      "Gives the expression's value, or leaves the target attribute out of the flow when it is null or empty.",
    returns: { type: "String", multivalued: "source" },
    parameters: expressionParameter,
    evaluate(call) {
      const value = call.value(0);
      if (isNullOrEmpty(value)) throw new IgnoreFlowSignal();
      return value;
    },
  },
  {
    name: "BitAnd",
    summary: "Gives the bitwise AND of two integers (VBA hexadecimal such as &HF is accepted).",
    returns: { type: "Integer", multivalued: false },
    parameters: [
      { key: "value1", required: true, types: ["Integer"] },
      { key: "value2", required: true, types: ["Integer"] },
    ],
    evaluate(call) {
      const left = call.integer(0);
      const right = call.integer(1);
      if (left === null || right === null) return null;
      return (BigInt(left) & BigInt(right)).toString();
    },
  },
  comparison("=", (order) => order === 0),
  comparison("<>", (order) => order !== 0),
  comparison(">", (order) => order > 0),
  comparison(">=", (order) => order >= 0),
  comparison("<", (order) => order < 0),
  comparison("<=", (order) => order <= 0),
];

/** The comparison operators of IIF conditions, as Function nodes named by the operator. */
export const COMPARISON_OPERATORS = ["<>", ">=", "<=", "=", ">", "<"] as const;

function comparison(operator: string, holds: (order: number) => boolean): FunctionDefinition {
  return {
    name: operator,
    summary: `Compares left and right (numbers as numbers, text case-sensitively) with ${operator}.`,
    returns: { type: "Boolean", multivalued: false },
    parameters: [
      { key: "left", required: true },
      { key: "right", required: true },
    ],
    evaluate(call: FunctionCall) {
      const left = call.text(0);
      const right = call.text(1);
      // Documented: a condition on a null or empty value fails.
      if (left === null || left === "" || right === null || right === "") return "False";
      return booleanValue(holds(compareValues(left, right)));
    },
  };
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** Numbers compare as numbers, anything else by ordinal (case-sensitive) string order. */
function compareValues(left: string, right: string): number {
  if (NUMBER.test(left.trim()) && NUMBER.test(right.trim())) return Math.sign(Number(left) - Number(right));
  return left === right ? 0 : left < right ? -1 : 1;
}
