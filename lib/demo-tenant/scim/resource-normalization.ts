import "server-only";

import { parseAttributePath } from "./attribute-path";
import {
  findByName,
  findExtension,
  isCoreSchema,
  resolveAttribute,
  type ResourceKind,
} from "./resource-kinds";
import type { AttributeDefinition } from "./schema-definitions";
import { ScimError } from "./scim-error";

export type ScimObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is ScimObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function invalid(label: string, expectation: string, value: unknown): ScimError {
  return ScimError.badRequest(
    "invalidValue",
    `Attribute "${label}" ${expectation}; got ${JSON.stringify(value)}.`,
  );
}

function coerceScalar(definition: AttributeDefinition, value: unknown, label: string): unknown {
  switch (definition.type) {
    case "boolean":
      if (typeof value === "boolean") return value;
      // Entra sends booleans as the strings "True" and "False".
      if (typeof value === "string" && /^(true|false)$/i.test(value.trim()))
        return value.trim().toLowerCase() === "true";
      throw invalid(label, "must be a boolean", value);
    case "integer":
    case "decimal": {
      const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      if (
        typeof number !== "number" ||
        !Number.isFinite(number) ||
        (definition.type === "integer" && !Number.isInteger(number))
      ) {
        throw invalid(label, `must be ${definition.type === "integer" ? "an integer" : "a number"}`, value);
      }
      return number;
    }
    default:
      if (typeof value === "string") return value;
      if (typeof value === "number" || typeof value === "boolean") return String(value);
      throw invalid(label, "must be a string", value);
  }
}

function coerceComplex(
  definition: AttributeDefinition,
  value: unknown,
  label: string,
): ScimObject | undefined {
  if (!isPlainObject(value)) {
    // A bare value for a complex attribute with a "value" sub-attribute, e.g. `"manager": "<id>"`.
    if (
      findByName(definition.subAttributes, "value") &&
      (typeof value === "string" || typeof value === "number")
    ) {
      return { value: String(value) };
    }
    throw invalid(label, "must be an object", value);
  }
  const result = normalizeAttributes(definition.subAttributes ?? [], value, `${label}.`);
  const missingRequired = (definition.subAttributes ?? []).some(
    (sub) => sub.required && (result[sub.name] === undefined || result[sub.name] === ""),
  );
  return Object.keys(result).length === 0 || missingRequired ? undefined : result;
}

function coerceSingle(definition: AttributeDefinition, value: unknown, label: string): unknown {
  if (value === null || value === undefined) return undefined;
  return definition.type === "complex"
    ? coerceComplex(definition, value, label)
    : coerceScalar(definition, value, label);
}

/** Coerces one attribute's value to its schema type; undefined means "unassigned" (RFC 7643 §2.5). */
function coerceValue(definition: AttributeDefinition, value: unknown, label: string): unknown {
  if (definition.multiValued) {
    const items = (Array.isArray(value) ? value : [value])
      .map((item) => coerceSingle(definition, item, label))
      .filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (Array.isArray(value)) {
    // Entra sends single-valued complex attributes such as manager as a one-element array.
    if (value.length > 1) throw invalid(label, "is single-valued and cannot take several values", value);
    return coerceSingle(definition, value[0], label);
  }
  return coerceSingle(definition, value, label);
}

function isWritable(definition: AttributeDefinition): boolean {
  // readOnly values are the server's to set; writeOnly ones (password) are not kept by this target.
  return definition.mutability !== "readOnly" && definition.mutability !== "writeOnly";
}

/** Canonical names and types for the attributes of one object; attributes outside the schema are kept as sent. */
function normalizeAttributes(
  definitions: AttributeDefinition[],
  input: ScimObject,
  labelPrefix = "",
): ScimObject {
  const result: ScimObject = {};
  for (const [key, value] of Object.entries(input)) {
    const definition = findByName(definitions, key);
    if (!definition) {
      if (value !== null && value !== undefined) result[key] = value;
      continue;
    }
    if (!isWritable(definition)) continue;
    const coerced = coerceValue(definition, value, `${labelPrefix}${definition.name}`);
    if (coerced !== undefined) result[definition.name] = coerced;
  }
  return result;
}

const SERVER_OWNED = new Set(["schemas", "id", "meta"]);

function placeAttribute(
  kind: ResourceKind,
  core: ScimObject,
  extensions: Map<string, ScimObject>,
  urn: string | null,
  name: string,
  value: unknown,
) {
  const resolved = resolveAttribute(kind, urn, name);
  if (!resolved) {
    if (value !== null && value !== undefined) core[urn === null ? name : `${urn}:${name}`] = value;
    return;
  }
  const holder = resolved.extension ? (extensions.get(resolved.extension.id) ?? {}) : core;
  if (resolved.extension) extensions.set(resolved.extension.id, holder);
  Object.assign(
    holder,
    normalizeAttributes(
      [resolved.definition],
      { [resolved.definition.name]: value },
      resolved.extension ? `${resolved.extension.id}:` : "",
    ),
  );
}

/**
 * Turns a client's representation into the stored shape: schema spelling of every name, values of the
 * right type, extension attributes under their URN, server-owned attributes dropped, `schemas` recomputed.
 */
export function normalizeResource(kind: ResourceKind, input: unknown): ScimObject {
  if (!isPlainObject(input))
    throw ScimError.badRequest("invalidSyntax", `A ${kind.name} must be a JSON object.`);
  const core: ScimObject = {};
  const extensions = new Map<string, ScimObject>();
  const unknownExtensions: string[] = [];

  for (const [key, value] of Object.entries(input)) {
    if (SERVER_OWNED.has(key.toLowerCase())) continue;
    const extension = findExtension(kind, key);
    if (extension || isCoreSchema(kind, key)) {
      if (!isPlainObject(value)) {
        if (value === null || value === undefined) continue;
        throw invalid(key, "must be an object", value);
      }
      for (const [name, inner] of Object.entries(value))
        placeAttribute(kind, core, extensions, extension?.id ?? null, name, inner);
    } else if (key.toLowerCase().startsWith("urn:") && isPlainObject(value)) {
      core[key] = value;
      unknownExtensions.push(key);
    } else if (key.toLowerCase().startsWith("urn:")) {
      const path = parseAttributePath(key);
      placeAttribute(kind, core, extensions, path.urn, path.attribute, value);
    } else {
      placeAttribute(kind, core, extensions, null, key, value);
    }
  }

  for (const required of kind.schema.attributes.filter((definition) => definition.required)) {
    const value = core[required.name];
    if (value === undefined || (typeof value === "string" && value.trim() === "")) {
      throw ScimError.badRequest(
        "invalidValue",
        `Attribute "${required.name}" is required for a ${kind.name}.`,
      );
    }
  }

  const present = [...extensions].filter(([, attributes]) => Object.keys(attributes).length > 0);
  return {
    schemas: [kind.schema.id, ...present.map(([urn]) => urn), ...unknownExtensions],
    ...core,
    ...Object.fromEntries(present),
  };
}
