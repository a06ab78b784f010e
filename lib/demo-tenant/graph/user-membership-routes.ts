import "server-only";
import type { AppRoleAssignment, DirectoryUser, TenantState } from "../model";
import { collectionPage } from "./collection-query";
import { findGroup, findUser } from "./directory-lookup";
import type { GraphCall } from "./graph-call";
import { quoteKey } from "./odata";
import { appRoleAssignmentResource } from "./resources";
import { groupResource } from "./group-resource";
import { userResource } from "./user-resource";
import type { Route } from "./routes";

// Beyond what the directory routes serve: the app roles assigned to a group, a user's transitive
// groups, and the recycle bin's list of soft-deleted users.

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
  ];
}
