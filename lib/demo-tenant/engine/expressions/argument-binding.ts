import "server-only";

import type { AttributeMappingParameter, AttributeMappingSource } from "../../model";
import { ExpressionError } from "./expression-error";
import { parameterMatchesKey, parameterName, type FunctionDefinition } from "./function-definition";
import { isEmptyArgument } from "./source-tree";

/** A function's arguments sorted into its slots; `undefined` marks an argument left empty or omitted. */
export interface BoundArguments {
  fixed: (AttributeMappingSource | undefined)[];
  rest: (AttributeMappingSource | undefined)[];
}

/**
 * Sorts a Function node's parameters into the definition's slots. Arguments go by order, except when
 * every key names a distinct fixed slot: Graph drops empty arguments from the trees it serves
 * (`Replace([x], "-", , , "_", , )` comes back as source/Find/Replacement), so there the keys must decide.
 */
export function bindArguments(
  definition: FunctionDefinition,
  parameters: readonly AttributeMappingParameter[],
  position?: number,
): BoundArguments {
  parameters.forEach((parameter, i) => {
    if (typeof parameter?.value !== "object" || parameter.value === null) {
      throw new ExpressionError(`Argument ${i + 1} of ${definition.name} has no value node`, {
        position,
        functionName: definition.name,
      });
    }
  });
  const bound = bindByKey(definition, parameters) ?? bindByOrder(definition, parameters, position);
  checkRequired(definition, bound, position);
  return bound;
}

function slotValue(parameter: AttributeMappingParameter): AttributeMappingSource | undefined {
  return isEmptyArgument(parameter.value) ? undefined : parameter.value;
}

function bindByKey(
  definition: FunctionDefinition,
  parameters: readonly AttributeMappingParameter[],
): BoundArguments | null {
  if (parameters.length === 0) return null;
  const fixed: (AttributeMappingSource | undefined)[] = definition.parameters.map(() => undefined);
  const taken = new Set<number>();
  for (const parameter of parameters) {
    const slot = definition.parameters.findIndex((p) => parameterMatchesKey(p, parameter.key ?? ""));
    if (slot < 0 || taken.has(slot)) return null;
    taken.add(slot);
    fixed[slot] = slotValue(parameter);
  }
  return { fixed, rest: [] };
}

function bindByOrder(
  definition: FunctionDefinition,
  parameters: readonly AttributeMappingParameter[],
  position?: number,
): BoundArguments {
  const fixedCount = definition.parameters.length;
  if (!definition.rest && parameters.length > fixedCount) {
    throw new ExpressionError(
      `${definition.name} takes at most ${fixedCount} argument${fixedCount === 1 ? "" : "s"} but got ${parameters.length}`,
      { position, functionName: definition.name },
    );
  }
  const values = parameters.map(slotValue);
  const fixed = definition.parameters.map((_, i) => values[i]);
  return { fixed, rest: values.slice(fixedCount) };
}

function checkRequired(definition: FunctionDefinition, bound: BoundArguments, position?: number): void {
  definition.parameters.forEach((parameter, i) => {
    if (parameter.required && bound.fixed[i] === undefined) {
      throw new ExpressionError(`${definition.name} requires its ${parameterName(parameter)} argument`, {
        position,
        functionName: definition.name,
      });
    }
  });
  const rest = definition.rest;
  if (!rest) return;
  if (bound.rest.length < rest.min) {
    throw new ExpressionError(
      `${definition.name} needs at least ${rest.min} ${rest.keys.join("/")} argument${rest.min === 1 ? "" : "s"} but got ${bound.rest.length}`,
      { position, functionName: definition.name },
    );
  }
  if (bound.rest.length % rest.keys.length !== 0) {
    throw new ExpressionError(
      `${definition.name} needs its ${rest.keys.join("/")} arguments in complete sets but got ${bound.rest.length}`,
      { position, functionName: definition.name },
    );
  }
}
