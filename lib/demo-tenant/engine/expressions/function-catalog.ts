import "server-only";

import type { FunctionDefinition } from "./function-definition";
import {
  describeFunction,
  toAttributeMappingFunctionSchema,
  type AttributeMappingFunctionSchema,
  type FunctionDescription,
} from "./function-schema";
import { appRoleFunctions } from "./functions/app-roles";
import { dateFunctions } from "./functions/dates/date-functions";
import { generatedValueFunctions } from "./functions/generated-values";
import { logicFunctions } from "./functions/logic";
import { multiValuedFunctions } from "./functions/multi-valued";
import { redactFunction } from "./functions/redaction";
import { replaceFunction } from "./functions/replace";
import { textFunctions } from "./functions/text";

const definitions: readonly FunctionDefinition[] = [
  ...textFunctions,
  replaceFunction,
  ...multiValuedFunctions,
  ...logicFunctions,
  ...dateFunctions,
  ...appRoleFunctions,
  ...generatedValueFunctions,
  redactFunction,
];

const byLowerCaseName = new Map(definitions.map((d) => [d.name.toLowerCase(), d]));

/** The function of that name, matched in any case (the docs spell them case-sensitively; users do not). */
export function findFunction(name: string): FunctionDefinition | undefined {
  return byLowerCaseName.get(name.toLowerCase());
}

// The comparison operators of IIF conditions are Function nodes too, but not functions one can call by name.
const namedFunctions = definitions
  .filter((d) => /^[A-Za-z]/.test(d.name))
  .sort((a, b) => a.name.localeCompare(b.name, "en"));

/** Documented spellings of every supported function, in alphabetical order. */
export const supportedFunctionNames: readonly string[] = namedFunctions.map((d) => d.name);

/** Every supported function: name, one-line summary, arguments in order and what it returns. */
export const functionCatalog: readonly FunctionDescription[] = namedFunctions.map(describeFunction);

/** The catalog as Graph's `GET …/schema/functions` lists it. */
export function attributeMappingFunctionSchemas(): AttributeMappingFunctionSchema[] {
  return functionCatalog.map(toAttributeMappingFunctionSchema);
}
