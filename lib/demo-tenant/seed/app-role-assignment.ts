import "server-only";
import type { AppRoleAssignment, DirectoryGroup, DirectoryUser, ServicePrincipal } from "../model";
import { DEFAULT_ACCESS_ROLE_ID } from "./fixtures";

/** Assigns a user or group to an app with the app's "User" role (or the default access role). */
export function assignmentFor(
  random: { guid(): string },
  sp: ServicePrincipal,
  principal: { kind: "User"; user: DirectoryUser } | { kind: "Group"; group: DirectoryGroup },
  createdDateTime: string,
): AppRoleAssignment {
  const role = sp.appRoles.find(
    (r) => r.isEnabled && r.allowedMemberTypes.includes("User") && r.displayName === "User",
  );
  const principalObject = principal.kind === "User" ? principal.user : principal.group;
  return {
    id: random.guid(),
    principalId: principalObject.id,
    principalType: principal.kind,
    principalDisplayName: principalObject.displayName,
    appRoleId: role?.id ?? DEFAULT_ACCESS_ROLE_ID,
    resourceId: sp.id,
    resourceDisplayName: sp.displayName,
    createdDateTime,
    deletedDateTime: null,
  };
}
