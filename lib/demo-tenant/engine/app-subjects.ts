import "server-only";

import type { DirectoryGroup, DirectoryUser } from "../model";
import type { AppSubject } from "./app-object";
import type { AppRun } from "./context";
import { assignmentsOf, entraGroupReader, entraUserReader } from "./entra-source";

export function userSubject(run: AppRun, user: DirectoryUser): AppSubject {
  const { tenant } = run.env;
  return {
    objectType: "User",
    sourceId: user.id,
    reportableIdentifier: user.userPrincipalName,
    displayName: user.displayName,
    read: entraUserReader(tenant, run.servicePrincipal, user),
    isActive: user.accountEnabled && user.deletedDateTime === null,
    assigned: assignmentsOf(tenant, run.servicePrincipal, user.id).length > 0,
    separateTargetAttributes: [],
  };
}

/** Groups are entitled by their own direct assignment; their members flow in a separate step. */
export function groupSubject(run: AppRun, group: DirectoryGroup): AppSubject {
  return {
    objectType: "Group",
    sourceId: group.id,
    reportableIdentifier: group.displayName,
    displayName: group.displayName,
    read: entraGroupReader(group),
    isActive: true,
    assigned: run.servicePrincipal.assignments.some((a) => a.principalId === group.id),
    separateTargetAttributes: ["members"],
  };
}
