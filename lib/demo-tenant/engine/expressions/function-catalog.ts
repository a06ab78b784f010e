import "server-only";

import type { FunctionDefinition } from "./function-definition";
import { logicFunctions } from "./functions/logic";
import { multiValuedFunctions } from "./functions/multi-valued";
import { replaceFunction } from "./functions/replace";
import { textFunctions } from "./functions/text";

const definitions: readonly FunctionDefinition[] = [
  ...textFunctions,
  replaceFunction,
  ...multiValuedFunctions,
  ...logicFunctions,
];

const byLowerCaseName = new Map(definitions.map((d) => [d.name.toLowerCase(), d]));

/** The function of that name, matched in any case (the docs spell them case-sensitively; users do not). */
export function findFunction(name: string): FunctionDefinition | undefined {
  return byLowerCaseName.get(name.toLowerCase());
}

/** Documented spellings of every supported function, for messages and documentation. */
export const supportedFunctionNames: readonly string[] = definitions
  .map((d) => d.name)
  .filter((name) => /^[A-Za-z]/.test(name));
