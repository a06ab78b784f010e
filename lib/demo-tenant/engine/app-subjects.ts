import "server-only";

import type { DirectoryGroup, DirectoryUser } from "../model";
import type { AppRun } from "./context";
import { assignmentsOf, entraGroupReader, entraUserReader, type AttributeReader } from "./entra-source";

/** A source object (Entra user or group) as the app flow needs it. */
export interface AppSubject {
  objectType: "User" | "Group";
  sourceId: string;
  reportableIdentifier: string;
  displayName: string;
  read: AttributeReader;
  /** accountEnabled and not soft-deleted (always true for groups). */
  isActive: boolean;
  /** Assigned to the app directly, or (users) through a group they are a direct member of. */
  assigned: boolean;
  /** Target attributes that flow separately (a group's members). */
  separateTargetAttributes: string[];
}

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
