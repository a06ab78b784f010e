import "server-only";

import { evaluateMappingSource } from "./evaluator";
import type { EvaluationOptions } from "./function-call";
import { parseMappingExpression } from "./parser";
import type { AttributeReader, MappingValue } from "./values";

// The attribute-mapping expression language: parse the syntax into Graph's source tree, evaluate
// trees against one object's attributes, list the attributes a mapping reads, and describe every
// function (functionCatalog; attributeMappingFunctionSchemas for Graph's GET …/schema/functions).

export { appRolePatchOperation, complexRolesOf } from "./functions/app-roles";
export type { ComplexRole } from "./functions/app-roles";
export { ExpressionError } from "./expression-error";
export { REDACTED_VALUE, redactsLoggedValue } from "./functions/redaction";
export { evaluateMappingSource } from "./evaluator";
export type { EvaluationOptions } from "./function-call";
export { attributeMappingFunctionSchemas, functionCatalog, supportedFunctionNames } from "./function-catalog";
export type { AttributeType } from "./function-definition";
export type {
  AttributeMappingFunctionSchema,
  AttributeMappingParameterSchema,
  FunctionDescription,
  FunctionParameterDescription,
} from "./function-schema";
export { parseMappingExpression } from "./parser";
export { attributesUsedBy } from "./source-tree";
export { attributeReaderOf, IGNORE_FLOW, isNullOrEmpty } from "./values";
export type { AttributeReader, ExpressionValue, IgnoreFlow, MappingValue } from "./values";

/** Parses and evaluates expression text in one step. */
export function evaluateExpression(
  text: string,
  read: AttributeReader,
  options: EvaluationOptions = {},
): MappingValue {
  return evaluateMappingSource(parseMappingExpression(text), read, options);
}
