import "server-only";

import type { AttributeMapping, ObjectMapping, SynchronizationRule } from "../model";
import { attributesUsedBy, evaluateMappingSource, IGNORE_FLOW } from "./expressions";
import type { FlowTypes } from "./decision";
import type { AttributeReader } from "./entra-source";
import { displayText } from "./report";

/** The value one attribute mapping asks the target to hold. */
export interface DesiredAttribute {
  mapping: AttributeMapping;
  targetAttributeName: string;
  value: string | string[] | null;
}

/**
 * Evaluates the mappings of one object mapping for one source object. `ObjectAddOnly` mappings and
 * "default value if null" only apply when the object is being created; a mapping whose expression
 * says IgnoreFlowIfNullOrEmpty is left out altogether.
 */
export function desiredAttributes(
  mappings: AttributeMapping[],
  read: AttributeReader,
  creating: boolean,
): DesiredAttribute[] {
  const desired: DesiredAttribute[] = [];
  for (const mapping of mappings) {
    if (mapping.flowType === "ObjectAddOnly" && !creating) continue;
    const evaluated = mapping.source === null ? null : evaluateMappingSource(mapping.source, read);
    if (evaluated === IGNORE_FLOW) continue;
    let value = evaluated === "" || (Array.isArray(evaluated) && evaluated.length === 0) ? null : evaluated;
    if (value === null && mapping.defaultValue !== null && (creating || mapping.source === null))
      value = mapping.defaultValue;
    desired.push({ mapping, targetAttributeName: mapping.targetAttributeName, value });
  }
  return desired;
}

/** Matching mappings, first-tried first (matchingPriority 1, 2, …; 0 never matches). */
export function matchingMappings(objectMapping: ObjectMapping): AttributeMapping[] {
  return objectMapping.attributeMappings
    .filter((mapping) => mapping.matchingPriority > 0)
    .sort((a, b) => a.matchingPriority - b.matchingPriority);
}

export function mappingValue(mapping: AttributeMapping, read: AttributeReader): string | null {
  const [desired] = desiredAttributes([mapping], read, true);
  const value = desired?.value ?? null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/**
 * The source attributes the Import step shows: `leading` first, then what the mappings and the scope
 * read, then `trailing` (as Graph lists objectId, accountEnabled, … , appRoleAssignments).
 */
export function importedAttributes(
  objectMapping: ObjectMapping,
  read: AttributeReader,
  leading: string[],
  trailing: string[],
): Record<string, string> {
  const names = new Set(leading);
  for (const mapping of objectMapping.attributeMappings) {
    if (mapping.source) for (const name of attributesUsedBy(mapping.source)) names.add(name);
  }
  for (const group of [
    ...(objectMapping.scope?.groups ?? []),
    ...(objectMapping.scope?.inputFilterGroups ?? []),
  ]) {
    for (const clause of group.clauses) names.add(clause.sourceOperandName);
  }
  for (const name of trailing) names.add(name);
  const details: Record<string, string> = {};
  for (const name of names) {
    const value = displayText(read(name));
    if (value !== null) details[name] = value;
  }
  return details;
}

/** The enabled object mapping of a rule for a source object type ("User", "Group", AD's "user"). */
export function objectMappingFor(
  rule: SynchronizationRule,
  sourceObjectName: string,
): ObjectMapping | undefined {
  const wanted = sourceObjectName.toLowerCase();
  return rule.objectMappings.find((m) => m.enabled && m.sourceObjectName.toLowerCase() === wanted);
}

export function flowTypesOf(objectMapping: ObjectMapping): FlowTypes {
  const types = objectMapping.flowTypes.split(",").map((t) => t.trim().toLowerCase());
  return { add: types.includes("add"), update: types.includes("update"), delete: types.includes("delete") };
}
