import "server-only";

/**
 * A target attribute name as Entra writes it in a SCIM app's mappings:
 * `userName`, `name.givenName`, `emails[type eq "work"].value`,
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`.
 */
export interface ScimAttributePath {
  /** The extension schema URN that holds the attribute, or null for core attributes. */
  schema: string | null;
  attribute: string;
  /** The value filter of a multi-valued attribute: `emails[type eq "work"]` → type = "work". */
  filter: { attribute: string; value: string } | null;
  subAttribute: string | null;
}

export type ScimResource = Record<string, unknown>;

const PATH_SHAPE = /^([^.[\]\s]+)(?:\[\s*(\w+)\s+eq\s+"([^"]*)"\s*\])?(?:\.(\w+))?$/i;

export function parseScimAttributePath(name: string): ScimAttributePath {
  let schema: string | null = null;
  let rest = name;
  if (name.toLowerCase().startsWith("urn:")) {
    const cut = name.lastIndexOf(":");
    schema = name.slice(0, cut);
    rest = name.slice(cut + 1);
  }
  const shape = PATH_SHAPE.exec(rest);
  if (!shape) return { schema, attribute: rest, filter: null, subAttribute: null };
  const [, attribute = rest, filterAttribute, filterValue, subAttribute] = shape;
  return {
    schema,
    attribute,
    filter: filterAttribute !== undefined ? { attribute: filterAttribute, value: filterValue ?? "" } : null,
    subAttribute: subAttribute ?? null,
  };
}

/** SCIM attribute names are case-insensitive (RFC 7643 §2.1). */
function propertyOf(container: unknown, key: string): unknown {
  if (container === null || typeof container !== "object" || Array.isArray(container)) return undefined;
  const record = container as Record<string, unknown>;
  if (key in record) return record[key];
  const lower = key.toLowerCase();
  const found = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return found === undefined ? undefined : record[found];
}

function sameText(a: unknown, b: string): boolean {
  return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}

/** A SCIM value as Entra reports it: booleans "True"/"False", references by their `value`. */
export function scimValueText(value: unknown): string | string[] | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    const items = value.flatMap((item) => {
      const text = scimValueText(item);
      return text === null ? [] : Array.isArray(text) ? text : [text];
    });
    return items.length > 0 ? items : null;
  }
  const reference = propertyOf(value, "value");
  return reference === undefined ? JSON.stringify(value) : scimValueText(reference);
}

export function readScimAttribute(resource: ScimResource, name: string): string | string[] | null {
  const path = parseScimAttributePath(name);
  const container = path.schema === null ? resource : propertyOf(resource, path.schema);
  let value = propertyOf(container, path.attribute);
  if (path.filter) {
    const filter = path.filter;
    const items = Array.isArray(value) ? value : [];
    value = items.find((item) => sameText(propertyOf(item, filter.attribute), filter.value));
    value = propertyOf(value, path.subAttribute ?? "value");
  } else if (path.subAttribute) {
    value = propertyOf(value, path.subAttribute);
  }
  return scimValueText(value);
}

/** Sets an attribute on a resource being built for `POST`, creating containers as needed. */
export function writeScimAttribute(resource: ScimResource, name: string, value: unknown): void {
  const path = parseScimAttributePath(name);
  let container = resource;
  if (path.schema !== null) {
    container = childObject(resource, path.schema);
    const schemas = Array.isArray(resource.schemas) ? (resource.schemas as unknown[]) : [];
    if (!schemas.includes(path.schema)) resource.schemas = [...schemas, path.schema];
  }
  if (path.filter) {
    const filter = path.filter;
    const items = Array.isArray(container[path.attribute])
      ? (container[path.attribute] as ScimResource[])
      : [];
    let item = items.find((candidate) => sameText(candidate[filter.attribute], filter.value));
    if (!item) {
      item = { [filter.attribute]: filter.value };
      items.push(item);
    }
    container[path.attribute] = items;
    item[path.subAttribute ?? "value"] = value;
  } else if (path.subAttribute) {
    childObject(container, path.attribute)[path.subAttribute] = value;
  } else {
    container[path.attribute] = value;
  }
}

function childObject(parent: ScimResource, key: string): ScimResource {
  const existing = parent[key];
  if (existing !== null && typeof existing === "object" && !Array.isArray(existing))
    return existing as ScimResource;
  const created: ScimResource = {};
  parent[key] = created;
  return created;
}
