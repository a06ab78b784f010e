import "server-only";

import {
  parameterName,
  type AttributeType,
  type FunctionDefinition,
  type ParameterDefinition,
  type RestParameters,
} from "./function-definition";

/** One argument of a function, as the catalog describes it. */
export interface FunctionParameterDescription {
  name: string;
  /** The types the argument accepts; the first is the one Graph's function schema lists. */
  allowedTypes: AttributeType[];
  required: boolean;
  /** Whether the argument may hold several values (a multi-valued attribute). */
  multivalued: boolean;
  /** Whether the argument may be given any number of times (Join's sources): Graph's allowMultipleOccurrences. */
  repeating: boolean;
}

/** A function of the expression language: its name, its arguments in order, and what it returns. */
export interface FunctionDescription {
  name: string;
  summary: string;
  parameters: FunctionParameterDescription[];
  returns: { type: AttributeType; multivalued: boolean | "source" };
}

/** Graph's attributeMappingParameterSchema. */
export interface AttributeMappingParameterSchema {
  allowMultipleOccurrences: boolean;
  name: string;
  required: boolean;
  type: AttributeType;
}

/** Graph's attributeMappingFunctionSchema, one item of `GET …/schema/functions`. */
export interface AttributeMappingFunctionSchema {
  name: string;
  parameters: AttributeMappingParameterSchema[];
}

const DEFAULT_TYPES: readonly AttributeType[] = ["String"];

function fixedParameter(parameter: ParameterDefinition): FunctionParameterDescription {
  return {
    name: parameterName(parameter),
    allowedTypes: [...(parameter.types ?? DEFAULT_TYPES)],
    required: parameter.required ?? false,
    multivalued: parameter.multivalued ?? false,
    repeating: false,
  };
}

function repeatingParameters(rest: RestParameters): FunctionParameterDescription[] {
  return rest.keys.map((key) => ({
    name: key,
    allowedTypes: [...(rest.types ?? DEFAULT_TYPES)],
    required: rest.min > 0,
    multivalued: rest.multivalued ?? false,
    repeating: true,
  }));
}

export function describeFunction(definition: FunctionDefinition): FunctionDescription {
  return {
    name: definition.name,
    summary: definition.summary,
    parameters: [
      ...definition.parameters.map(fixedParameter),
      ...(definition.rest ? repeatingParameters(definition.rest) : []),
    ],
    returns: { ...definition.returns },
  };
}

/** The catalog's description in the shape Graph serves from `GET …/schema/functions`. */
export function toAttributeMappingFunctionSchema(
  description: FunctionDescription,
): AttributeMappingFunctionSchema {
  return {
    name: description.name,
    parameters: description.parameters.map((parameter) => ({
      allowMultipleOccurrences: parameter.repeating,
      name: parameter.name,
      required: parameter.required,
      type: parameter.allowedTypes[0] ?? "String",
    })),
  };
}
