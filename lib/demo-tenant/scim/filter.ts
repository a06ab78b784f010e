import "server-only";

import { parse, type Compare, type Filter } from "scim2-parse-filter";

import {
  attributeContainer,
  canonicalizePath,
  parseAttributePath,
  readProperty,
  type CanonicalPath,
} from "./attribute-path";
import { findByName, type ResourceKind } from "./resource-kinds";
import type { AttributeDefinition } from "./schema-definitions";
import { ScimError } from "./scim-error";

export type { Filter } from "scim2-parse-filter";

export function parseFilter(source: string): Filter {
  try {
    return parse(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw ScimError.badRequest(
      "invalidFilter",
      `The filter ${JSON.stringify(source)} cannot be parsed: ${reason}`,
    );
  }
}

/** Values found at an attribute, with the definition that says how to compare them (if the schema knows it). */
interface Located {
  values: unknown[];
  definition: AttributeDefinition | undefined;
}

/** Where a filter is evaluated: the resource itself, or one element of a multi-valued attribute inside `[…]`. */
interface Scope {
  target: unknown;
  /** Resolves a top-level attribute path against the schema; undefined when the path cannot be an attribute. */
  resolve: (attrPath: string) => CanonicalPath | undefined;
  /** Set inside `[…]`: names there are sub-attributes of this (possibly unknown) attribute. */
  element?: { parent: AttributeDefinition | undefined };
}

function flatten(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.flatMap(flatten) : [value];
}

function locate(scope: Scope, attrPath: string): Located {
  if (scope.element) {
    const definition = findByName(scope.element.parent?.subAttributes, attrPath);
    return { values: flatten(readProperty(scope.target, definition?.name ?? attrPath)), definition };
  }
  const canonical = scope.resolve(attrPath);
  if (!canonical) return { values: [], definition: undefined };
  const { path, resolved, subDefinition } = canonical;
  const top = flatten(
    readProperty(attributeContainer(scope.target as Record<string, unknown>, path), path.attribute),
  );
  if (path.subAttribute === null) return { values: top, definition: resolved?.definition };
  const sub = path.subAttribute;
  return { values: top.flatMap((item) => flatten(readProperty(item, sub))), definition: subDefinition };
}

function isPresent(value: unknown): boolean {
  return value !== "" && !(typeof value === "object" && value !== null && Object.keys(value).length === 0);
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  return undefined;
}

function compareOrdered(op: Compare["op"], actual: string | number, expected: string | number): boolean {
  switch (op) {
    case "gt":
      return actual > expected;
    case "ge":
      return actual >= expected;
    case "lt":
      return actual < expected;
    case "le":
      return actual <= expected;
    default:
      return false;
  }
}

/** One value against one comparison; `ne` is handled by the caller as "no value is equal". */
function compareValue(
  op: Compare["op"],
  rawActual: unknown,
  expected: Compare["compValue"],
  definition: AttributeDefinition | undefined,
): boolean {
  // A complex value without a sub-attribute is compared through its "value" (RFC 7644 §3.4.2.2).
  const actual =
    typeof rawActual === "object" && rawActual !== null ? readProperty(rawActual, "value") : rawActual;
  if (actual === undefined || actual === null || expected === null) return false;

  if (definition?.type === "boolean" || typeof actual === "boolean") {
    return op === "eq" && asBoolean(actual) === asBoolean(expected);
  }
  if (typeof actual === "number" && typeof expected === "number") {
    return op === "eq" ? actual === expected : compareOrdered(op, actual, expected);
  }
  if (definition?.type === "dateTime" && typeof expected === "string") {
    const [left, right] = [Date.parse(String(actual)), Date.parse(expected)];
    if (!Number.isNaN(left) && !Number.isNaN(right))
      return op === "eq" ? left === right : compareOrdered(op, left, right);
  }
  const caseExact = definition?.caseExact ?? false;
  const left = caseExact ? String(actual) : String(actual).toLowerCase();
  const right = caseExact ? String(expected) : String(expected).toLowerCase();
  switch (op) {
    case "eq":
      return left === right;
    case "co":
      return left.includes(right);
    case "sw":
      return left.startsWith(right);
    case "ew":
      return left.endsWith(right);
    default:
      return compareOrdered(op, left, right);
  }
}

function evaluate(scope: Scope, filter: Filter): boolean {
  switch (filter.op) {
    case "and":
      return filter.filters.every((part) => evaluate(scope, part));
    case "or":
      return filter.filters.some((part) => evaluate(scope, part));
    case "not":
      return !evaluate(scope, filter.filter);
    case "[]": {
      const { values, definition } = locate(scope, filter.attrPath);
      return values.some((element) =>
        evaluate({ ...scope, target: element, element: { parent: definition } }, filter.valFilter),
      );
    }
    case "pr":
      return locate(scope, filter.attrPath).values.some(isPresent);
    case "ne": {
      const { values, definition } = locate(scope, filter.attrPath);
      if (filter.compValue === null) return values.some(isPresent);
      return !values.some((value) => compareValue("eq", value, filter.compValue, definition));
    }
    default: {
      const { values, definition } = locate(scope, filter.attrPath);
      if (filter.op === "eq" && filter.compValue === null) return !values.some(isPresent);
      return values.some((value) => compareValue(filter.op, value, filter.compValue, definition));
    }
  }
}

function pathResolver(kind: ResourceKind): Scope["resolve"] {
  const resolved = new Map<string, CanonicalPath | undefined>();
  return (attrPath) => {
    if (!resolved.has(attrPath)) {
      try {
        resolved.set(attrPath, canonicalizePath(kind, parseAttributePath(attrPath)));
      } catch {
        resolved.set(attrPath, undefined);
      }
    }
    return resolved.get(attrPath);
  };
}

/**
 * Turns a parsed filter into a test for stored resources, resolving its attribute paths once. Names match
 * case-insensitively and string values follow each attribute's `caseExact` (false for userName,
 * displayName, emails — as Entra expects).
 */
export function compileFilter(
  kind: ResourceKind,
  filter: Filter,
): (resource: Record<string, unknown>) => boolean {
  const resolve = pathResolver(kind);
  return (resource) => evaluate({ target: resource, resolve }, filter);
}

/** Every value a path (which may carry a value filter, e.g. `emails[type eq "work"].value`) selects in a resource. */
export function valuesAtPath(
  kind: ResourceKind,
  resource: Record<string, unknown>,
  source: string,
): unknown[] {
  const { path, resolved } = canonicalizePath(kind, parseAttributePath(source));
  let elements = flatten(readProperty(attributeContainer(resource, path), path.attribute));
  if (path.filter !== null) {
    const valueFilter = parseFilter(path.filter);
    const resolve = pathResolver(kind);
    elements = elements.filter((element) =>
      evaluate({ target: element, resolve, element: { parent: resolved?.definition } }, valueFilter),
    );
  }
  const sub = path.subAttribute;
  return sub === null ? elements : elements.flatMap((element) => flatten(readProperty(element, sub)));
}
