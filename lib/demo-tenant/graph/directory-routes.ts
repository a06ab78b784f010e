import "server-only";
import type { TenantState } from "../model";
import { collectionCount, collectionPage, entityResult } from "./collection-query";
import { activeUsers, findGroup, findServicePrincipal, findUser, groupMembers } from "./directory-lookup";
import type { GraphCall } from "./graph-call";
import { resourceNotFound } from "./graph-error";
import { quoteKey } from "./odata";
import {
  appRoleAssignmentResource,
  groupResource,
  servicePrincipalResource,
  userResource,
} from "./resources";

const USER_TYPE = "#microsoft.graph.user";

// GET handlers for users, groups, service principals and app role assignments.
export const directoryRoutes = {
  listServicePrincipals: (call: GraphCall, t: TenantState) =>
    collectionPage(t.servicePrincipals.values(), call, servicePrincipalResource, {
      contextFragment: "servicePrincipals",
    }),
  countServicePrincipals: (call: GraphCall, t: TenantState) =>
    collectionCount(t.servicePrincipals.values(), call, servicePrincipalResource),
  getServicePrincipal: (call: GraphCall, t: TenantState, id: string) =>
    entityResult(findServicePrincipal(t, id), call, servicePrincipalResource, "servicePrincipals"),
  appRoleAssignedTo: (call: GraphCall, t: TenantState, id: string) => {
    const sp = findServicePrincipal(t, id);
    return collectionPage(sp.assignments, call, appRoleAssignmentResource, {
      contextFragment: `servicePrincipals(${quoteKey(sp.id)})/appRoleAssignedTo`,
    });
  },

  listUsers: (call: GraphCall, t: TenantState) =>
    collectionPage(activeUsers(t), call, userResource, { contextFragment: "users" }),
  countUsers: (call: GraphCall, t: TenantState) => collectionCount(activeUsers(t), call, userResource),
  getUser: (call: GraphCall, t: TenantState, id: string) =>
    entityResult(findUser(t, id), call, userResource, "users"),
  /** The recycle bin: soft-deleted users, which /users no longer serves. */
  getDeletedItem: (call: GraphCall, t: TenantState, id: string) => {
    const user = t.users.get(id) ?? t.users.get(id.toLowerCase());
    if (!user || user.deletedDateTime === null) throw resourceNotFound(id);
    return entityResult(user, call, userResource, "directory/deletedItems", USER_TYPE);
  },
  getManager: (call: GraphCall, t: TenantState, id: string) => {
    const user = findUser(t, id);
    const manager = user.managerId ? t.users.get(user.managerId) : undefined;
    if (!manager || manager.deletedDateTime !== null) throw resourceNotFound("manager");
    return entityResult(manager, call, userResource, "directoryObjects", USER_TYPE);
  },

  listGroups: (call: GraphCall, t: TenantState) =>
    collectionPage(t.groups.values(), call, groupResource, { contextFragment: "groups" }),
  countGroups: (call: GraphCall, t: TenantState) => collectionCount(t.groups.values(), call, groupResource),
  getGroup: (call: GraphCall, t: TenantState, id: string) =>
    entityResult(findGroup(t, id), call, groupResource, "groups"),
  listMembers: (call: GraphCall, t: TenantState, id: string) =>
    collectionPage(groupMembers(t, findGroup(t, id)), call, userResource, {
      contextFragment: "directoryObjects",
      odataType: USER_TYPE,
    }),
  countMembers: (call: GraphCall, t: TenantState, id: string) =>
    collectionCount(groupMembers(t, findGroup(t, id)), call, userResource),
};
