import "server-only";

import type { AttributeDefinition } from "../../model";
import type { FunctionCall } from "./function-call";
import type { ExpressionValue } from "./values";

/** Graph's attributeType: what a schema attribute, a function argument or a function's result holds. */
export type AttributeType = AttributeDefinition["type"];

export interface ParameterDefinition {
  /** The key the parser writes for this argument (Graph's name where known, else the documented one). */
  key: string;
  /** The documented name, as `schema/functions` lists it; defaults to `key`. */
  name?: string;
  /** Other keys that name the same argument in trees served by Graph or written by hand. */
  aliases?: readonly string[];
  required?: boolean;
  /** Types the argument may have, the one Graph lists first; defaults to ["String"]. */
  types?: readonly AttributeType[];
  /** Whether a multi-valued value is accepted (Join's sources, Count's attribute). */
  multivalued?: boolean;
}

/** Arguments that repeat after the fixed ones, e.g. Join's sources or Switch's key/value pairs. */
export interface RestParameters {
  /** Keys cycled through and numbered: ["key", "value"] → key1, value1, key2, value2, … */
  keys: readonly string[];
  min: number;
  /** Types of each repeating argument; defaults to ["String"]. */
  types?: readonly AttributeType[];
  multivalued?: boolean;
}

/** What a function gives back. `multivalued: "source"` means one value per value of its source. */
export interface ReturnDefinition {
  type: AttributeType;
  multivalued: boolean | "source";
}

export interface FunctionDefinition {
  /** The documented spelling; calls match it in any case. */
  name: string;
  /** One sentence on what the function does, for completion lists and the function schema. */
  summary: string;
  parameters: readonly ParameterDefinition[];
  rest?: RestParameters;
  returns: ReturnDefinition;
  evaluate(call: FunctionCall): ExpressionValue;
}

export function restKey(rest: RestParameters, index: number): string {
  const cycle = rest.keys.length;
  return `${rest.keys[index % cycle]}${Math.floor(index / cycle) + 1}`;
}

/** The documented name of an argument, as messages and the function schema say it. */
export function parameterName(parameter: ParameterDefinition): string {
  return parameter.name ?? parameter.key;
}

export function parameterMatchesKey(parameter: ParameterDefinition, key: string): boolean {
  const wanted = key.toLowerCase();
  return (
    parameter.key.toLowerCase() === wanted ||
    parameter.name?.toLowerCase() === wanted ||
    (parameter.aliases ?? []).some((a) => a.toLowerCase() === wanted)
  );
}
