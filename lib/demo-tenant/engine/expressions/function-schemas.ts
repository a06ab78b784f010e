import "server-only";

import { findFunction, supportedFunctionNames } from "./function-catalog";

/** A function as Graph's `schema/functions` lists it (attributeMappingFunctionSchema). */
export interface FunctionSchema {
  name: string;
  parameters: {
    allowMultipleOccurrences: boolean;
    name: string;
    required: boolean;
    type: "String";
  }[];
}

/**
 * Every function the engine's evaluator knows, in Graph's shape: fixed parameters in order, then the
 * repeating ones (Join's sources, Switch's key/value pairs) once each with allowMultipleOccurrences.
 * Values are strings in the expression language, so every parameter is typed String.
 */
export function functionSchemas(): FunctionSchema[] {
  return supportedFunctionNames.flatMap((name) => {
    const definition = findFunction(name);
    if (!definition) return [];
    const fixed = definition.parameters.map((parameter) => ({
      allowMultipleOccurrences: false,
      name: parameter.key,
      required: parameter.required ?? false,
      type: "String" as const,
    }));
    const rest = (definition.rest?.keys ?? []).map((key) => ({
      allowMultipleOccurrences: true,
      name: key,
      required: (definition.rest?.min ?? 0) > 0,
      type: "String" as const,
    }));
    return [{ name: definition.name, parameters: [...fixed, ...rest] }];
  });
}
