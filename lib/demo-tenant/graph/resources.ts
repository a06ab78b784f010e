import "server-only";
import type { AppRoleAssignment } from "../model";
import type { GraphVersion } from "./graph-call";
import type { FilterOperator } from "./graph-filters";

/** What the shared collection query needs to know about one kind of Graph resource. */
export interface ResourceSpec<T> {
  /** Name used in Graph's messages ("… of resource 'User'"). */
  typeName: string;
  /** OData type, e.g. "microsoft.graph.user". */
  odataType: string;
  /** How to read every property the type has in either version. */
  properties: Record<string, (item: T) => unknown>;
  /** The properties of each version, in Graph's order, and those it returns without $select; all of them when absent. */
  versions?: Record<GraphVersion, { properties: readonly string[]; defaults: readonly string[] }>;
  /** The $filter operators each filterable property supports. */
  filters: Record<string, readonly FilterOperator[]>;
  searchable: readonly string[];
  /** What $orderby takes without an advanced query (ConsistencyLevel: eventual and $count=true). */
  orderable?: readonly string[];
}

/** The properties a version serves and the ones it returns by default. */
export function versionOf<T>(spec: ResourceSpec<T>, version: GraphVersion) {
  const all = Object.keys(spec.properties);
  return spec.versions?.[version] ?? { properties: all, defaults: all };
}

const ID_FILTERS: readonly FilterOperator[] = ["eq", "ne", "not", "in"];

/** Graph's documented operators, plus `id eq`/`id in`, which every directory object supports. */
export const withIdFilters = (filters: Record<string, readonly FilterOperator[]>) => ({
  id: ID_FILTERS,
  ...filters,
});

type Readers<T> = Record<string, (item: T) => unknown>;
const fields = <T>(names: (keyof T & string)[]): Readers<T> =>
  Object.fromEntries(names.map((n) => [n, (item: T) => item[n]]));

export const appRoleAssignmentResource: ResourceSpec<AppRoleAssignment> = {
  typeName: "AppRoleAssignment",
  odataType: "microsoft.graph.appRoleAssignment",
  properties: fields<AppRoleAssignment>([
    "id",
    "deletedDateTime",
    "appRoleId",
    "createdDateTime",
    "principalDisplayName",
    "principalId",
    "principalType",
    "resourceDisplayName",
    "resourceId",
  ]),
  filters: {
    id: ID_FILTERS,
    principalId: ["eq"],
    principalType: ["eq"],
    appRoleId: ["eq"],
    resourceId: ["eq"],
  },
  searchable: [],
};
