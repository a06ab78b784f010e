import "server-only";

import { randomUUID } from "node:crypto";

import type { FunctionCall } from "../function-call";
import type { FunctionDefinition } from "../function-definition";
import { booleanValue, isNullOrEmpty, isTrue, type ExpressionValue } from "../values";

/** Thrown by IgnoreFlowIfNullOrEmpty and caught where the whole mapping is evaluated. */
export class IgnoreFlowSignal {}

// Keys as Graph serves them in a real Cloud Sync schema: IsPresent's argument is "source", IIF's are "one", "two", …
const expressionParameter = [{ key: "source", aliases: ["expression"], required: true }] as const;

export const logicFunctions: readonly FunctionDefinition[] = [
  {
    name: "Coalesce",
    parameters: [],
    rest: { keys: ["source"], min: 1 },
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
    parameters: [
      { key: "one", aliases: ["condition"], required: true },
      { key: "two", aliases: ["valueIfTrue"], required: true },
      { key: "three", aliases: ["valueIfFalse"], required: true },
    ],
    evaluate: (call) => (isTrue(call.value(0)) ? call.value(1) : call.value(2)),
  },
  {
    name: "Not",
    parameters: [{ key: "source", required: true }],
    evaluate: (call) => booleanValue(!isTrue(call.text(0))),
  },
  {
    name: "IsNull",
    parameters: expressionParameter,
    evaluate(call) {
      const value = call.value(0);
      return booleanValue(value === null || (Array.isArray(value) && value.length === 0));
    },
  },
  {
    name: "IsNullOrEmpty",
    parameters: expressionParameter,
    evaluate: (call) => booleanValue(isNullOrEmpty(call.value(0))),
  },
  {
    name: "IsPresent",
    parameters: expressionParameter,
    evaluate: (call) => booleanValue(!isNullOrEmpty(call.value(0))),
  },
  {
    name: "IsString",
    parameters: expressionParameter,
    evaluate: (call) => booleanValue(typeof call.value(0) === "string"),
  },
  {
    name: "CBool",
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
    parameters: [{ key: "value", required: true }],
    evaluate: (call) => call.text(0),
  },
  {
    name: "IgnoreFlowIfNullOrEmpty",
    parameters: expressionParameter,
    evaluate(call) {
      const value = call.value(0);
      if (isNullOrEmpty(value)) throw new IgnoreFlowSignal();
      return value;
    },
  },
  {
    name: "BitAnd",
    parameters: [
      { key: "value1", required: true },
      { key: "value2", required: true },
    ],
    evaluate(call) {
      const left = call.integer(0);
      const right = call.integer(1);
      if (left === null || right === null) return null;
      return (BigInt(left) & BigInt(right)).toString();
    },
  },
  {
    name: "Guid",
    parameters: [],
    evaluate: (call) => (call.options.newGuid ?? randomUUID)(),
  },
  {
    name: "Redact",
    parameters: [{ key: "source", required: true }],
    // Hiding the value is the provisioning log's business; the value itself flows unchanged.
    evaluate: (call) => call.value(0),
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
