import { attributesReadBy, expressionTextOf } from "./expression-text";
import type { AttributeMappingInput, ObjectMappingInput } from "./mapping-schema";

/** One attribute mapping in words: what it computes, when it flows, and what it read. */
export interface MappingFacts {
  targetAttributeName: string;
  /** The source as an admin writes it; null for a mapping with only a default (constant) value. */
  expression: string | null;
  sourceType: "Attribute" | "Constant" | "Function" | "None";
  /** "Default value if null": used when the source is empty, on create. */
  defaultValue: string | null;
  /** The mapping's flowType as given (Always, ObjectAddOnly, …). */
  flowType: string;
  /** When it flows, in words. */
  flow: string;
  flowBehavior: string | null;
  /** Set when the mapping matches source and target objects: 1 is tried first. */
  matchingPriority: number | null;
  /** The source attributes it reads, with the values the Import step shows. */
  sources: { attribute: string; value: string | null; imported: boolean }[];
}

export interface PropertyExplanation {
  property: string;
  /** "target": the property is what a mapping writes; "source": it is a source value that mappings read (a skip's list). */
  role: "target" | "source";
  mappings: MappingFacts[];
}

const FLOW_WORDS: Record<string, string> = {
  always: "Always: on create and on every update",
  objectaddonly: "Only when the object is created",
  multivalueaddonly: "Only adds values to a multi-valued attribute, never removes any",
  valueaddonly: "Only when the attribute has no value in the target",
  attributeaddonly: "Only when the attribute does not exist on the target object at all",
};

function lookup(values: Readonly<Record<string, string>>, name: string): string | undefined {
  if (Object.hasOwn(values, name)) return values[name];
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(values)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** A mapping's facts, with the values its sources had in the Import step (`imported`). */
export function mappingFactsOf(
  mapping: AttributeMappingInput,
  imported: Readonly<Record<string, string>>,
): MappingFacts {
  const type = mapping.source?.type;
  const flowType = mapping.flowType?.trim() || "Always";
  return {
    targetAttributeName: mapping.targetAttributeName,
    expression: type === "Constant" && !mapping.source?.expression ? null : expressionTextOf(mapping.source),
    sourceType: type === "Attribute" || type === "Constant" || type === "Function" ? type : "None",
    defaultValue: mapping.defaultValue ?? null,
    flowType,
    flow: FLOW_WORDS[flowType.toLowerCase()] ?? flowType,
    flowBehavior: mapping.flowBehavior ?? null,
    matchingPriority:
      mapping.matchingPriority && mapping.matchingPriority > 0 ? mapping.matchingPriority : null,
    sources: attributesReadBy(mapping.source).map((attribute) => {
      const value = lookup(imported, attribute);
      return { attribute, value: value ?? null, imported: value !== undefined };
    }),
  };
}

/**
 * Why each reported property has its value. A property that a mapping writes is explained by that
 * mapping; on a skip the list holds source attributes, each explained by the mappings that read it.
 */
export function explainProperties(
  properties: readonly { name: string }[],
  objectMapping: ObjectMappingInput,
  imported: Readonly<Record<string, string>>,
  role: "target" | "source",
): PropertyExplanation[] {
  const mappings = objectMapping.attributeMappings ?? [];
  return properties.map(({ name }) => {
    const wanted = name.toLowerCase();
    const matching =
      role === "target"
        ? mappings.filter((m) => m.targetAttributeName.toLowerCase() === wanted)
        : mappings.filter((m) => attributesReadBy(m.source).some((a) => a.toLowerCase() === wanted));
    return { property: name, role, mappings: matching.map((m) => mappingFactsOf(m, imported)) };
  });
}
