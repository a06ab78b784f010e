import "server-only";

import type { AttributeMapping, ObjectMapping } from "../model";
import type { AttributeReader } from "./entra-source";
import { mappingValue, matchingMappings } from "./mapped-values";
import { scimFilterEquals, type ScimClient } from "./scim-client";
import type { ScimResource } from "./scim-path";

export type TargetMatch =
  | { kind: "found"; resource: ScimResource }
  | { kind: "none" }
  | { kind: "duplicate"; filter: string; resources: ScimResource[] };

/** One matching attribute and the value the source object gives it. */
export interface Matcher {
  mapping: AttributeMapping;
  value: string | null;
}

/** The matching attributes of a mapping, first-tried first, with the source object's values. */
export function matchersFor(objectMapping: ObjectMapping, read: AttributeReader): Matcher[] {
  return matchingMappings(objectMapping).map((mapping) => ({ mapping, value: mappingValue(mapping, read) }));
}

/**
 * Looks the object up in the app with each matching attribute in turn, as Entra does:
 * `GET /Users?filter=<attribute> eq "<value>"`; the first hit stops, more than one hit is an error.
 * Groups are asked for without their members.
 */
export async function findInTarget(
  scim: ScimClient,
  resourceType: "Users" | "Groups",
  matchers: Matcher[],
): Promise<TargetMatch> {
  for (const { mapping, value } of matchers) {
    if (value === null) continue;
    const filter = scimFilterEquals(mapping.targetAttributeName, value);
    const list = await scim.query(resourceType, filter, resourceType === "Groups" ? "members" : undefined);
    if (list.Resources.length === 1 && list.Resources[0])
      return { kind: "found", resource: list.Resources[0] };
    if (list.Resources.length > 1) return { kind: "duplicate", filter, resources: list.Resources };
  }
  return { kind: "none" };
}
