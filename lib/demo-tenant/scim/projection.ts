import "server-only";

import { canonicalizePath, parseAttributePath, readProperty, type AttributePath } from "./attribute-path";
import { findExtension, type ResourceKind } from "./resource-kinds";
import { isPlainObject, type ScimObject } from "./resource-normalization";

/** The `attributes` and `excludedAttributes` parameters of RFC 7644 §3.4.2.5. */
export interface Projection {
  attributes: string[];
  excludedAttributes: string[];
}

/** Attributes returned whatever the request says (`returned: always`). */
const ALWAYS_RETURNED = new Set(["schemas", "id"]);

function canonical(kind: ResourceKind, source: string): AttributePath | undefined {
  try {
    return canonicalizePath(kind, parseAttributePath(source)).path;
  } catch {
    return undefined; // a name that cannot be an attribute selects nothing
  }
}

function actualKey(container: ScimObject, name: string): string | undefined {
  if (Object.hasOwn(container, name)) return name;
  return Object.keys(container).find((key) => key.toLowerCase() === name.toLowerCase());
}

function holderFor(result: ScimObject, urn: string | null): ScimObject {
  if (urn === null) return result;
  const existing = result[urn];
  if (isPlainObject(existing)) return existing;
  const created: ScimObject = {};
  result[urn] = created;
  return created;
}

function pickSubAttribute(value: unknown, sub: string, picked: unknown): unknown {
  if (Array.isArray(value))
    return value.map((element, index) =>
      pickSubAttribute(element, sub, Array.isArray(picked) ? picked[index] : undefined),
    );
  if (!isPlainObject(value)) return picked;
  const result: ScimObject = isPlainObject(picked) ? picked : {};
  const subValue = readProperty(value, sub);
  if (subValue !== undefined) result[sub] = subValue;
  return result;
}

function include(kind: ResourceKind, resource: ScimObject, attributes: string[]): ScimObject {
  const result: ScimObject = { schemas: resource.schemas, id: resource.id };
  const paths = attributes.flatMap((source) => {
    const extension = findExtension(kind, source);
    if (extension) {
      if (resource[extension.id] !== undefined) result[extension.id] = resource[extension.id];
      return [];
    }
    const path = canonical(kind, source);
    return path ? [path] : [];
  });
  // Whole attributes first, so that `emails,emails.value` keeps every sub-attribute of emails.
  paths.sort((left, right) => Number(left.subAttribute !== null) - Number(right.subAttribute !== null));
  const whole = new Set<string>();
  for (const path of paths) {
    const container = path.urn === null ? resource : resource[path.urn];
    const value = readProperty(container, path.attribute);
    if (value === undefined || !isPlainObject(container)) continue;
    const key = actualKey(container, path.attribute) ?? path.attribute;
    const holder = holderFor(result, path.urn);
    const id = `${path.urn ?? ""}:${key}`;
    if (path.subAttribute === null) {
      holder[key] = value;
      whole.add(id);
    } else if (!whole.has(id)) {
      holder[key] = pickSubAttribute(value, path.subAttribute, holder[key]);
    }
  }
  return result;
}

function exclude(kind: ResourceKind, resource: ScimObject, excluded: string[]): ScimObject {
  for (const source of excluded) {
    const extension = findExtension(kind, source);
    if (extension) {
      delete resource[extension.id];
      continue;
    }
    const path = canonical(kind, source);
    if (!path || (path.urn === null && ALWAYS_RETURNED.has(path.attribute))) continue;
    const container = path.urn === null ? resource : resource[path.urn];
    if (!isPlainObject(container)) continue;
    const key = actualKey(container, path.attribute);
    if (key === undefined) continue;
    if (path.subAttribute === null) {
      delete container[key];
      continue;
    }
    const sub = path.subAttribute;
    for (const element of [container[key]].flat()) {
      if (isPlainObject(element)) {
        const subKey = actualKey(element, sub);
        if (subKey !== undefined) delete element[subKey];
      }
    }
  }
  return resource;
}

/** Applies a projection to a rendered resource; the resource passed in is the caller's own copy and may be changed. */
export function projectResource(
  kind: ResourceKind,
  resource: ScimObject,
  projection: Projection,
): ScimObject {
  if (projection.attributes.length > 0) return include(kind, resource, projection.attributes);
  if (projection.excludedAttributes.length > 0) return exclude(kind, resource, projection.excludedAttributes);
  return resource;
}
