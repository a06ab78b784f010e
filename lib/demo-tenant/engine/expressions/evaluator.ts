import "server-only";

import type { AttributeMappingSource } from "../../model";
import { bindArguments } from "./argument-binding";
import { ExpressionError } from "./expression-error";
import { findFunction } from "./function-catalog";
import { FunctionCall, type EvaluationOptions } from "./function-call";
import { IgnoreFlowSignal } from "./functions/logic";
import { attributeName, constantValue } from "./source-tree";
import { IGNORE_FLOW, type AttributeReader, type ExpressionValue, type MappingValue } from "./values";

/**
 * Evaluates a mapping's source tree (Graph's JSON form) against one object's attributes.
 * Returns IGNORE_FLOW when IgnoreFlowIfNullOrEmpty met an empty value; throws ExpressionError on a bad tree.
 */
export function evaluateMappingSource(
  source: AttributeMappingSource,
  read: AttributeReader,
  options: EvaluationOptions = {},
): MappingValue {
  try {
    return evaluateNode(source, read, options);
  } catch (error) {
    if (error instanceof IgnoreFlowSignal) return IGNORE_FLOW;
    throw error;
  }
}

function evaluateNode(
  node: AttributeMappingSource,
  read: AttributeReader,
  options: EvaluationOptions,
): ExpressionValue {
  switch (node.type) {
    case "Attribute":
      return read(attributeName(node)) ?? null;
    case "Constant":
      return constantValue(node);
    case "Function": {
      const definition = findFunction(node.name ?? "");
      if (!definition) {
        throw new ExpressionError(`Unknown function ${JSON.stringify(node.name)}`, {
          functionName: node.name ?? undefined,
        });
      }
      const args = bindArguments(definition, node.parameters ?? []);
      const call = new FunctionCall(definition, args, (child) => evaluateNode(child, read, options), options);
      return definition.evaluate(call);
    }
    default:
      throw new ExpressionError(
        `Unknown source node type ${JSON.stringify((node as { type: unknown }).type)}`,
      );
  }
}
