import "server-only";

import {
  findByName,
  isCoreSchema,
  resolveAttribute,
  type ResolvedAttribute,
  type ResourceKind,
} from "./resource-kinds";
import type { AttributeDefinition } from "./schema-definitions";
import { ScimError } from "./scim-error";

/** An attribute path as RFC 7644 §3.10 writes it: `[urn:]attribute[.sub]` or `attribute[filter][.sub]`. */
export interface AttributePath {
  urn: string | null;
  attribute: string;
  filter: string | null;
  subAttribute: string | null;
}

const NAME = "[A-Za-z$][\\w$-]*";
const PATH_BODY = new RegExp(`^(${NAME})(?:\\[(.+)\\])?(?:\\.(${NAME}))?$`, "s");

/** Names that would address JavaScript's object machinery rather than an attribute. */
const FORBIDDEN_NAME = /(?:^|[.:[])(?:__proto__|constructor|prototype)(?=$|[.[\]])/i;

export function isForbiddenName(name: string): boolean {
  return FORBIDDEN_NAME.test(name);
}

export function parseAttributePath(source: string): AttributePath {
  const path = source.trim();
  const bracket = path.indexOf("[");
  const head = bracket === -1 ? path : path.slice(0, bracket);
  // The URN itself contains dots ("2.0"), so it ends at the last colon before any value filter.
  const colon = head.toLowerCase().startsWith("urn:") ? head.lastIndexOf(":") : -1;
  const urn = colon === -1 ? null : path.slice(0, colon);
  const match = PATH_BODY.exec(path.slice(colon + 1));
  if (!match?.[1] || isForbiddenName(path)) {
    throw ScimError.badRequest("invalidPath", `"${source}" is not a valid attribute path.`);
  }
  return { urn, attribute: match[1], filter: match[2] ?? null, subAttribute: match[3] ?? null };
}

export function formatAttributePath(path: AttributePath): string {
  const prefix = path.urn === null ? "" : `${path.urn}:`;
  const filter = path.filter === null ? "" : `[${path.filter}]`;
  const sub = path.subAttribute === null ? "" : `.${path.subAttribute}`;
  return `${prefix}${path.attribute}${filter}${sub}`;
}

/** A path resolved against the schema; `resolved` is absent for attributes the schema does not know. */
export interface CanonicalPath {
  path: AttributePath;
  resolved?: ResolvedAttribute;
  subDefinition?: AttributeDefinition;
}

/**
 * Rewrites a path with the schema's spelling of each name and the URN of the extension the attribute
 * belongs to (none for core attributes), so it addresses the stored resource exactly.
 */
export function canonicalizePath(kind: ResourceKind, path: AttributePath): CanonicalPath {
  const resolved = resolveAttribute(kind, path.urn, path.attribute);
  if (!resolved)
    return { path: path.urn !== null && isCoreSchema(kind, path.urn) ? { ...path, urn: null } : path };
  const subDefinition =
    path.subAttribute === null ? undefined : findByName(resolved.definition.subAttributes, path.subAttribute);
  return {
    resolved,
    subDefinition,
    path: {
      urn: resolved.extension?.id ?? null,
      attribute: resolved.definition.name,
      filter: path.filter,
      subAttribute: subDefinition?.name ?? path.subAttribute,
    },
  };
}

/** Reads a property by its exact name, falling back to a case-insensitive match for attributes outside the schema. */
export function readProperty(container: unknown, name: string): unknown {
  if (typeof container !== "object" || container === null || Array.isArray(container)) return undefined;
  const record = container as Record<string, unknown>;
  if (Object.hasOwn(record, name)) return record[name];
  const wanted = name.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : record[key];
}

/** The object that holds a path's attribute: the resource itself, or its extension object. */
export function attributeContainer(resource: Record<string, unknown>, path: AttributePath): unknown {
  return path.urn === null ? resource : readProperty(resource, path.urn);
}
