import "server-only";
import type { GraphCall } from "./graph-call";
import { badRequest, unsupportedQuery } from "./graph-error";
import { versionOf, type ResourceSpec } from "./resources";

// $expand of directory relationships (manager, memberOf, members), with Graph's limits: one level,
// only $select inside the parentheses, and at most 20 related objects per expanded collection.

export const MAX_EXPANDED_OBJECTS = 20;

export interface ExpandRequest {
  property: string;
  /** The nested `$select`, or null for the related type's default properties. */
  select: string | null;
}

/** One related object and how to project it. */
export interface Related {
  item: object;
  // The related object's type varies by relationship (a user's manager, a group's members).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: ResourceSpec<any>;
}

export type Expansions<T> = Record<string, { many: boolean; read(item: T): Related[] }>;

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const c of text) {
    if (c === "(") depth++;
    if (c === ")") depth--;
    if (c === separator && depth === 0) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts;
}

export function parseExpand(text: string | null): ExpandRequest[] {
  if (text === null || text.trim() === "") return [];
  return splitTopLevel(text, ",").map((part) => {
    const match = /^\s*([\w.]+)\s*(?:\((.*)\))?\s*$/s.exec(part);
    if (!match) throw badRequest(`Invalid $expand '${text}'.`);
    let select: string | null = null;
    for (const option of (match[2] ?? "").split(";").filter((o) => o.trim() !== "")) {
      const [name, value] = option.split("=", 2).map((s) => s.trim());
      if (name?.toLowerCase() !== "$select" || value === undefined)
        throw unsupportedQuery(
          `Only $select is supported inside $expand on directory objects; got '${option.trim()}'.`,
        );
      select = value;
    }
    return { property: match[1]!, select };
  });
}

/** The expanded relationships of one item, as Graph inlines them after its properties. */
export function expandedValues<T>(
  item: T,
  call: GraphCall,
  spec: ResourceSpec<T>,
  requests: ExpandRequest[],
  expansions: Expansions<T> = {},
  select: (call: GraphCall, spec: ResourceSpec<unknown>, raw: string | null) => { properties: string[] },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const request of requests) {
    const name = Object.keys(expansions).find((n) => n.toLowerCase() === request.property.toLowerCase());
    if (!name) {
      const structural = versionOf(spec, call.version).properties.some(
        (p) => p.toLowerCase() === request.property.toLowerCase(),
      );
      throw badRequest(
        structural
          ? `Property '${request.property}' on type '${spec.odataType}' is not a navigation property or complex property. Only navigation properties can be expanded.`
          : `Could not find a property named '${request.property}' on type '${spec.odataType}'.`,
      );
    }
    const expansion = expansions[name]!;
    const related = expansion.read(item).map((r) => {
      const { properties } = select(call, r.spec, request.select);
      const projected: Record<string, unknown> = { "@odata.type": `#${r.spec.odataType}` };
      for (const p of properties) projected[p] = r.spec.properties[p]?.(r.item);
      return projected;
    });
    if (expansion.many) out[name] = related.slice(0, MAX_EXPANDED_OBJECTS);
    else if (related[0]) out[name] = related[0];
  }
  return out;
}
