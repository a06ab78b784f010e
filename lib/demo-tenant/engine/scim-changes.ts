import "server-only";

import type { AttributeDefinition, DemoJob, ObjectMapping, SynchronizationRule } from "../model";
import type { DesiredAttribute } from "./mapped-values";
import type { ModifiedProperty } from "./report";
import { displayText } from "./report";
import type { ScimPatchOperation } from "./scim-client";
import { readScimAttribute, writeScimAttribute, type ScimResource } from "./scim-path";

type Kind = "String" | "Boolean" | "Reference";

/** How each target attribute travels on the wire, from the target directory of the job's schema. */
export function targetAttributeKinds(
  job: DemoJob,
  rule: SynchronizationRule,
  objectMapping: ObjectMapping,
): (name: string) => Kind {
  const directory = job.schema.directories.find((d) => d.name === rule.targetDirectoryName);
  const object = directory?.objects.find((o) => o.name === objectMapping.targetObjectName);
  const byName = new Map<string, AttributeDefinition>(
    (object?.attributes ?? []).map((a) => [a.name.toLowerCase(), a]),
  );
  return (name) => {
    const type = byName.get(name.toLowerCase())?.type;
    if (type === "Boolean" || type === "Reference") return type;
    if (type !== undefined) return "String";
    if (name.toLowerCase() === "active") return "Boolean";
    return /(^|:)manager$/i.test(name) ? "Reference" : "String";
  };
}

/** A desired attribute with references already turned into target ids (null when unresolvable). */
export interface ResolvedAttribute extends DesiredAttribute {
  kind: Kind;
}

function wireValue(attribute: ResolvedAttribute): unknown {
  const { value, kind } = attribute;
  if (kind === "Boolean") return typeof value === "string" ? value.toLowerCase() === "true" : value;
  if (kind === "Reference") return { value };
  return value;
}

/** The body of `POST /Users` or `POST /Groups`: every mapped attribute that has a value. */
export function newResource(
  schemas: string[],
  attributes: ResolvedAttribute[],
): { resource: ScimResource; modified: ModifiedProperty[] } {
  const resource: ScimResource = { schemas: [...schemas] };
  const modified: ModifiedProperty[] = [];
  for (const attribute of attributes) {
    if (attribute.value === null) continue;
    writeScimAttribute(resource, attribute.targetAttributeName, wireValue(attribute));
    modified.push({
      displayName: attribute.targetAttributeName,
      oldValue: null,
      newValue: displayText(attribute.value),
    });
  }
  return { resource, modified };
}

function sameValue(desired: string | string[], current: string | string[] | null): boolean {
  if (current === null) return false;
  const list = (v: string | string[]) => (Array.isArray(v) ? [...v].sort() : [v]);
  const a = list(desired);
  const b = list(current);
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** One attribute to change in the target: the PATCH operation and the property Graph reports. */
export interface ScimChange {
  operation: ScimPatchOperation;
  property: ModifiedProperty;
}

/**
 * Entra-style PATCH operations for the attributes whose mapped value differs from the target:
 * one capitalised operation per attribute, `Add` when the target has no value yet, and references
 * (manager) always as `Add` with a list of `{value}`. Null mapped values are never sent.
 */
export function changesTo(target: ScimResource, attributes: ResolvedAttribute[]): ScimChange[] {
  const changes: ScimChange[] = [];
  for (const attribute of attributes) {
    if (attribute.value === null) continue;
    const current = readScimAttribute(target, attribute.targetAttributeName);
    if (sameValue(attribute.value, current)) continue;
    const path = attribute.targetAttributeName;
    const operation: ScimPatchOperation =
      attribute.kind === "Reference"
        ? { op: "Add", path, value: [{ value: attribute.value }] }
        : { op: current === null ? "Add" : "Replace", path, value: wireValue(attribute) };
    changes.push({
      operation,
      property: { displayName: path, oldValue: displayText(current), newValue: displayText(attribute.value) },
    });
  }
  return changes;
}

/** The target's attributes as the Matching step shows them: mapped names, sorted, with the id. */
export function matchedDetails(target: ScimResource, attributeNames: string[]): Record<string, string> {
  const entries = new Map<string, string>();
  for (const name of [...attributeNames, "id"]) {
    const value = displayText(readScimAttribute(target, name));
    if (value !== null) entries.set(name, value);
  }
  return Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)));
}
