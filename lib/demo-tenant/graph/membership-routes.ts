import "server-only";
import type { TenantState } from "../model";
import { collectionPage } from "./collection-query";
import { findServicePrincipal, findUser } from "./directory-lookup";
import { jsonResult, type GraphCall, type GraphResult } from "./graph-call";
import { quoteKey } from "./odata";
import { appRoleAssignmentResource } from "./resources";
import { contextUrl } from "./odata";

// A user's app role assignments (their groups are the directory routes' memberOf), and an app's provisioning settings
// that are not secret (the scope: sync all, or only assigned users and groups).

export const membershipRoutes = {
  appRoleAssignments(call: GraphCall, t: TenantState, userId: string): GraphResult {
    const user = findUser(t, userId);
    const assignments = [...t.servicePrincipals.values()].flatMap((sp) =>
      sp.assignments.filter((assignment) => assignment.principalId === user.id),
    );
    return collectionPage(assignments, call, appRoleAssignmentResource, {
      contextFragment: `users(${quoteKey(user.id)})/appRoleAssignments`,
    });
  },

  /** Secret values are masked; SyncAll is "false" when any job of the app syncs only assigned objects. */
  secrets(call: GraphCall, t: TenantState, spId: string): GraphResult {
    const sp = findServicePrincipal(t, spId);
    const scim = sp.jobs.map((j) => j.target).find((target) => target.kind === "scim");
    const value = [
      ...(scim && scim.kind === "scim"
        ? [
            { key: "BaseAddress", value: scim.baseUrl },
            { key: "SecretToken", value: "*" },
          ]
        : []),
      { key: "SyncAll", value: sp.jobs.some((j) => j.syncAssignedOnly) ? "false" : "true" },
    ];
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/secrets`,
      ),
      value,
    });
  },
};
