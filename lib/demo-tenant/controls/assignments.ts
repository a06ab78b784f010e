import "server-only";
import type { AppRoleAssignment, TenantState } from "../model";
import { findServicePrincipal } from "../graph/directory-lookup";
import { resourceNotFound } from "../graph/graph-error";
import { assignmentFor } from "../seed/app-role-assignment";

/** Assigns a user or group to an app; an existing assignment is returned as it is. */
export function assignPrincipal(
  tenant: TenantState,
  spId: string,
  principalId: string,
  newId: () => string,
  now: Date,
): { assignment: AppRoleAssignment; created: boolean } {
  const sp = findServicePrincipal(tenant, spId);
  const existing = sp.assignments.find((a) => a.principalId === principalId);
  if (existing) return { assignment: existing, created: false };
  const user = tenant.users.get(principalId);
  const group = tenant.groups.get(principalId);
  const principal =
    user && user.deletedDateTime === null
      ? { kind: "User" as const, user }
      : group
        ? { kind: "Group" as const, group }
        : null;
  if (!principal) throw resourceNotFound(principalId);
  const assignment = assignmentFor(
    { guid: newId },
    sp,
    principal,
    now.toISOString().replace(/\.\d{3}Z$/, "Z"),
  );
  sp.assignments.push(assignment);
  return { assignment, created: true };
}

/** Removes every assignment of the principal to the app; 404 when there was none. */
export function unassignPrincipal(tenant: TenantState, spId: string, principalId: string): void {
  const sp = findServicePrincipal(tenant, spId);
  const remaining = sp.assignments.filter((a) => a.principalId !== principalId);
  if (remaining.length === sp.assignments.length) throw resourceNotFound(principalId);
  sp.assignments = remaining;
}
