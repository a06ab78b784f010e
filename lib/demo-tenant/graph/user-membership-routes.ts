import "server-only";
import type { AppRoleAssignment, DirectoryUser, TenantState } from "../model";
import { collectionPage, entityResult } from "./collection-query";
import { findGroup, findUser } from "./directory-lookup";
import type { GraphCall } from "./graph-call";
import { resourceNotFound } from "./graph-error";
import { quoteKey } from "./odata";
import { appRoleAssignmentResource, groupResource, userResource } from "./resources";
import type { Route } from "./routes";

// Who a user is in the directory beyond the user resource: the app roles assigned to them (and to
// their groups), the groups they belong to, and the recycle bin of soft-deleted users.

const GROUP_TYPE = "#microsoft.graph.group";
const USER_TYPE = "#microsoft.graph.user";

function assignmentsTo(tenant: TenantState, principalId: string): AppRoleAssignment[] {
  const out: AppRoleAssignment[] = [];
  for (const sp of tenant.servicePrincipals.values())
    for (const assignment of sp.assignments) if (assignment.principalId === principalId) out.push(assignment);
  return out;
}

/** Groups are not nested in the demo tenant, so a user's transitive groups are its direct ones. */
function groupsOf(tenant: TenantState, userId: string) {
  return [...tenant.groups.values()].filter((group) => group.memberIds.includes(userId));
}

function deletedUsers(tenant: TenantState): DirectoryUser[] {
  return [...tenant.users.values()].filter((user) => user.deletedDateTime !== null);
}

function deletedUser(tenant: TenantState, id: string): DirectoryUser {
  const user = tenant.users.get(id) ?? tenant.users.get(id.toLowerCase());
  if (!user || user.deletedDateTime === null) throw resourceNotFound(id);
  return user;
}

export function userMembershipRoutes(tenant: () => TenantState): Route[] {
  const memberOf = (call: GraphCall, id: string) => {
    const user = findUser(tenant(), id);
    return collectionPage(groupsOf(tenant(), user.id), call, groupResource, {
      contextFragment: "directoryObjects",
      odataType: GROUP_TYPE,
    });
  };
  return [
    {
      pattern: ["users", ":", "appRoleAssignments"],
      methods: {
        GET: (c, [id]) => {
          const user = findUser(tenant(), id!);
          return collectionPage(assignmentsTo(tenant(), user.id), c, appRoleAssignmentResource, {
            contextFragment: `users(${quoteKey(user.id)})/appRoleAssignments`,
          });
        },
      },
    },
    {
      pattern: ["groups", ":", "appRoleAssignments"],
      methods: {
        GET: (c, [id]) => {
          const group = findGroup(tenant(), id!);
          return collectionPage(assignmentsTo(tenant(), group.id), c, appRoleAssignmentResource, {
            contextFragment: `groups(${quoteKey(group.id)})/appRoleAssignments`,
          });
        },
      },
    },
    { pattern: ["users", ":", "memberOf"], methods: { GET: (c, [id]) => memberOf(c, id!) } },
    { pattern: ["users", ":", "transitiveMemberOf"], methods: { GET: (c, [id]) => memberOf(c, id!) } },
    {
      pattern: ["directory", "deletedItems", "microsoft.graph.user"],
      methods: {
        GET: (c) =>
          collectionPage(deletedUsers(tenant()), c, userResource, {
            contextFragment: "directoryObjects",
            odataType: USER_TYPE,
          }),
      },
    },
    {
      pattern: ["directory", "deletedItems", ":"],
      methods: {
        GET: (c, [id]) =>
          entityResult(deletedUser(tenant(), id!), c, userResource, "directoryObjects", USER_TYPE),
      },
    },
  ];
}
