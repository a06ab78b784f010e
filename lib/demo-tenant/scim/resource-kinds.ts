import "server-only";

import {
  COMMON_ATTRIBUTES,
  ENTERPRISE_USER_EXTENSION,
  GROUP_SCHEMA,
  USER_SCHEMA,
  type AttributeDefinition,
  type SchemaDefinition,
} from "./schema-definitions";

export interface ResourceKind {
  name: "User" | "Group";
  endpoint: "Users" | "Groups";
  schema: SchemaDefinition;
  extensions: SchemaDefinition[];
}

export const USER_KIND: ResourceKind = {
  name: "User",
  endpoint: "Users",
  schema: USER_SCHEMA,
  extensions: [ENTERPRISE_USER_EXTENSION],
};
export const GROUP_KIND: ResourceKind = {
  name: "Group",
  endpoint: "Groups",
  schema: GROUP_SCHEMA,
  extensions: [],
};
export const RESOURCE_KINDS: readonly ResourceKind[] = [USER_KIND, GROUP_KIND];

export function kindForEndpoint(segment: string): ResourceKind | undefined {
  const wanted = segment.toLowerCase();
  return RESOURCE_KINDS.find((kind) => kind.endpoint.toLowerCase() === wanted);
}

/** An attribute together with the extension it belongs to (null for core and common attributes). */
export interface ResolvedAttribute {
  extension: SchemaDefinition | null;
  definition: AttributeDefinition;
}

const nameIndexes = new WeakMap<readonly { name: string }[], Map<string, { name: string }>>();

/** Case-insensitive lookup by name; the index per list is built once, as lookups run for every attribute of every request. */
export function findByName<T extends { name: string }>(
  items: readonly T[] | undefined,
  name: string,
): T | undefined {
  if (!items) return undefined;
  let index = nameIndexes.get(items);
  if (!index) {
    index = new Map(items.map((item) => [item.name.toLowerCase(), item]));
    nameIndexes.set(items, index);
  }
  return index.get(name.toLowerCase()) as T | undefined;
}

export function findExtension(kind: ResourceKind, urn: string): SchemaDefinition | undefined {
  const wanted = urn.toLowerCase();
  return kind.extensions.find((extension) => extension.id.toLowerCase() === wanted);
}

export function isCoreSchema(kind: ResourceKind, urn: string): boolean {
  return kind.schema.id.toLowerCase() === urn.toLowerCase();
}

/**
 * Finds an attribute by name, case-insensitively. Without a schema URN, core attributes come first,
 * then extension attributes — clients such as Entra sometimes send `manager` without its URN.
 */
export function resolveAttribute(
  kind: ResourceKind,
  urn: string | null,
  name: string,
): ResolvedAttribute | undefined {
  if (urn !== null && !isCoreSchema(kind, urn)) {
    const extension = findExtension(kind, urn);
    const definition = extension && findByName(extension.attributes, name);
    return extension && definition ? { extension, definition } : undefined;
  }
  const core = findByName(kind.schema.attributes, name) ?? findByName(COMMON_ATTRIBUTES, name);
  if (core) return { extension: null, definition: core };
  if (urn !== null) return undefined;
  for (const extension of kind.extensions) {
    const definition = findByName(extension.attributes, name);
    if (definition) return { extension, definition };
  }
  return undefined;
}
