import "server-only";

import type { FunctionCall } from "./function-call";
import type { ExpressionValue } from "./values";

export interface ParameterDefinition {
  /** The key the parser writes for this argument (Graph's name where known, else the documented one). */
  key: string;
  /** Other keys that name the same argument in trees served by Graph or written by hand. */
  aliases?: readonly string[];
  required?: boolean;
}

/** Arguments that repeat after the fixed ones, e.g. Join's sources or Switch's key/value pairs. */
export interface RestParameters {
  /** Keys cycled through and numbered: ["key", "value"] → key1, value1, key2, value2, … */
  keys: readonly string[];
  min: number;
}

export interface FunctionDefinition {
  /** The documented spelling; calls match it in any case. */
  name: string;
  parameters: readonly ParameterDefinition[];
  rest?: RestParameters;
  evaluate(call: FunctionCall): ExpressionValue;
}

export function restKey(rest: RestParameters, index: number): string {
  const cycle = rest.keys.length;
  return `${rest.keys[index % cycle]}${Math.floor(index / cycle) + 1}`;
}

export function parameterMatchesKey(parameter: ParameterDefinition, key: string): boolean {
  const wanted = key.toLowerCase();
  return (
    parameter.key.toLowerCase() === wanted ||
    (parameter.aliases ?? []).some((a) => a.toLowerCase() === wanted)
  );
}
