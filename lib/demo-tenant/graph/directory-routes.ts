import "server-only";
import type { DirectoryGroup, DirectoryUser, ServicePrincipal, TenantState } from "../model";
import { collectionCount, collectionPage, entityResult } from "./collection-query";
import { activeUsers, findGroup, findServicePrincipal, findUser, groupMembers } from "./directory-lookup";
import type { Expansions, Related } from "./expand";
import type { GraphCall, GraphResult } from "./graph-call";
import { badRequest, resourceNotFound } from "./graph-error";
import { groupResource } from "./group-resource";
import { quoteKey } from "./odata";
import { appRoleAssignmentResource, type ResourceSpec } from "./resources";
import { servicePrincipalResource } from "./service-principal-resource";
import { userResource } from "./user-resource";

const USER_TYPE = "#microsoft.graph.user";
const GROUP_TYPE = "#microsoft.graph.group";

const asUser = (user: DirectoryUser): Related => ({ item: user, spec: userResource });
const asGroup = (group: DirectoryGroup): Related => ({ item: group, spec: groupResource });

function managerOf(t: TenantState, user: DirectoryUser): DirectoryUser | null {
  const manager = user.managerId ? t.users.get(user.managerId) : undefined;
  return manager && manager.deletedDateTime === null ? manager : null;
}

/** Groups whose direct members include the object (groups are not nested in the demo tenant). */
function memberOf(t: TenantState, objectId: string): DirectoryGroup[] {
  return [...t.groups.values()].filter((g) => g.memberIds.includes(objectId));
}

const userExpansions = (t: TenantState): Expansions<DirectoryUser> => ({
  manager: { many: false, read: (u) => [managerOf(t, u)].filter((m) => m !== null).map(asUser) },
  memberOf: { many: true, read: (u) => memberOf(t, u.id).map(asGroup) },
});
const groupExpansions = (t: TenantState): Expansions<DirectoryGroup> => ({
  members: { many: true, read: (g) => [...groupMembers(t, g)].map(asUser) },
  memberOf: { many: true, read: (g) => memberOf(t, g.id).map(asGroup) },
});
const servicePrincipalExpansions = (t: TenantState): Expansions<ServicePrincipal> => ({
  memberOf: { many: true, read: (sp) => memberOf(t, sp.id).map(asGroup) },
});

/**
 * A directoryObject collection, whole or cast to one type (`…/members/microsoft.graph.user`). Group
 * members here are all users and memberships all groups, so the uncast collection is one type.
 */
type DirectoryObjects =
  | { users: DirectoryUser[]; groups?: never }
  | { groups: DirectoryGroup[]; users?: never };

const CASTS: Record<
  string,
  { fragment: string; pick: (objects: DirectoryObjects) => object[]; spec: ResourceSpec<never> }
> = {
  "microsoft.graph.user": {
    fragment: "users",
    pick: (o) => o.users ?? [],
    spec: userResource as ResourceSpec<never>,
  },
  "microsoft.graph.group": {
    fragment: "groups",
    pick: (o) => o.groups ?? [],
    spec: groupResource as ResourceSpec<never>,
  },
};

function castOf(cast: string) {
  const found = CASTS[cast.toLowerCase()];
  if (!found) throw badRequest(`Resource not found for the segment '${cast}'.`);
  return found;
}

/** Uncast, each object carries its type; a cast answers only that type, with that type's context. */
function directoryObjects(
  call: GraphCall,
  objects: DirectoryObjects,
  cast: string | null,
  count: boolean,
): GraphResult {
  if (cast !== null) {
    const { fragment, pick, spec } = castOf(cast);
    const items = pick(objects) as never[];
    return count
      ? collectionCount(items, call, spec)
      : collectionPage(items, call, spec, { contextFragment: fragment });
  }
  if (objects.groups)
    return count
      ? collectionCount(objects.groups, call, groupResource)
      : collectionPage(objects.groups, call, groupResource, {
          contextFragment: "directoryObjects",
          odataType: GROUP_TYPE,
        });
  return count
    ? collectionCount(objects.users ?? [], call, userResource)
    : collectionPage(objects.users ?? [], call, userResource, {
        contextFragment: "directoryObjects",
        odataType: USER_TYPE,
      });
}

// GET handlers for users, groups, service principals, their relationships and app role assignments.
export const directoryRoutes = {
  listServicePrincipals: (call: GraphCall, t: TenantState) =>
    collectionPage(t.servicePrincipals.values(), call, servicePrincipalResource, {
      contextFragment: "servicePrincipals",
      expansions: servicePrincipalExpansions(t),
    }),
  countServicePrincipals: (call: GraphCall, t: TenantState) =>
    collectionCount(t.servicePrincipals.values(), call, servicePrincipalResource),
  getServicePrincipal: (call: GraphCall, t: TenantState, id: string) =>
    entityResult(findServicePrincipal(t, id), call, servicePrincipalResource, "servicePrincipals", {
      expansions: servicePrincipalExpansions(t),
    }),
  appRoleAssignedTo: (call: GraphCall, t: TenantState, id: string) => {
    const sp = findServicePrincipal(t, id);
    return collectionPage(sp.assignments, call, appRoleAssignmentResource, {
      contextFragment: `servicePrincipals(${quoteKey(sp.id)})/appRoleAssignedTo`,
    });
  },
  servicePrincipalMemberOf: (call: GraphCall, t: TenantState, id: string, cast: string | null = null) =>
    directoryObjects(call, { groups: memberOf(t, findServicePrincipal(t, id).id) }, cast, false),

  listUsers: (call: GraphCall, t: TenantState) =>
    collectionPage(activeUsers(t), call, userResource, {
      contextFragment: "users",
      expansions: userExpansions(t),
    }),
  countUsers: (call: GraphCall, t: TenantState) => collectionCount(activeUsers(t), call, userResource),
  getUser: (call: GraphCall, t: TenantState, id: string) =>
    entityResult(findUser(t, id), call, userResource, "users", { expansions: userExpansions(t) }),
  /** The recycle bin: soft-deleted users, which /users no longer serves. */
  getDeletedItem: (call: GraphCall, t: TenantState, id: string) => {
    const user = t.users.get(id) ?? t.users.get(id.toLowerCase());
    if (!user || user.deletedDateTime === null) throw resourceNotFound(id);
    return entityResult(user, call, userResource, "directory/deletedItems", { odataType: USER_TYPE });
  },
  getManager: (call: GraphCall, t: TenantState, id: string) => {
    const manager = managerOf(t, findUser(t, id));
    if (!manager) throw resourceNotFound("manager");
    return entityResult(manager, call, userResource, "directoryObjects", { odataType: USER_TYPE });
  },
  userMemberOf: (call: GraphCall, t: TenantState, id: string, cast: string | null = null, count = false) =>
    directoryObjects(call, { groups: memberOf(t, findUser(t, id).id) }, cast, count),

  listGroups: (call: GraphCall, t: TenantState) =>
    collectionPage(t.groups.values(), call, groupResource, {
      contextFragment: "groups",
      expansions: groupExpansions(t),
    }),
  countGroups: (call: GraphCall, t: TenantState) => collectionCount(t.groups.values(), call, groupResource),
  getGroup: (call: GraphCall, t: TenantState, id: string) =>
    entityResult(findGroup(t, id), call, groupResource, "groups", { expansions: groupExpansions(t) }),
  listMembers: (call: GraphCall, t: TenantState, id: string, cast: string | null = null) =>
    directoryObjects(call, { users: [...groupMembers(t, findGroup(t, id))] }, cast, false),
  countMembers: (call: GraphCall, t: TenantState, id: string, cast: string | null = null) =>
    directoryObjects(call, { users: [...groupMembers(t, findGroup(t, id))] }, cast, true),
  groupMemberOf: (call: GraphCall, t: TenantState, id: string, cast: string | null = null) =>
    directoryObjects(call, { groups: memberOf(t, findGroup(t, id).id) }, cast, false),
};
