import "server-only";
import type { DemoJob, DirectoryGroup, DirectoryUser, ServicePrincipal, TenantState } from "../model";
import { resourceNotFound } from "./graph-error";

export function findServicePrincipal(tenant: TenantState, id: string): ServicePrincipal {
  const sp = tenant.servicePrincipals.get(id) ?? tenant.servicePrincipals.get(id.toLowerCase());
  if (!sp) throw resourceNotFound(id);
  return sp;
}

export function findJob(sp: ServicePrincipal, jobId: string): DemoJob {
  const job =
    sp.jobs.find((j) => j.job.id === jobId) ??
    sp.jobs.find((j) => j.job.id.toLowerCase() === jobId.toLowerCase());
  if (!job) throw resourceNotFound(jobId);
  return job;
}

/** A user by object id or userPrincipalName; soft-deleted users are not found, as in Graph. */
export function findUser(tenant: TenantState, idOrUpn: string): DirectoryUser {
  let user = tenant.users.get(idOrUpn) ?? tenant.users.get(idOrUpn.toLowerCase());
  if (!user && idOrUpn.includes("@")) {
    const upn = idOrUpn.toLowerCase();
    for (const candidate of tenant.users.values()) {
      if (candidate.userPrincipalName.toLowerCase() === upn) {
        user = candidate;
        break;
      }
    }
  }
  if (!user || user.deletedDateTime !== null) throw resourceNotFound(idOrUpn);
  return user;
}

export function findGroup(tenant: TenantState, id: string): DirectoryGroup {
  const group = tenant.groups.get(id) ?? tenant.groups.get(id.toLowerCase());
  if (!group) throw resourceNotFound(id);
  return group;
}

/** Users not in the recycle bin, as /users lists them. */
export function activeUsers(tenant: TenantState): DirectoryUser[] {
  const out: DirectoryUser[] = [];
  for (const user of tenant.users.values()) if (user.deletedDateTime === null) out.push(user);
  return out;
}

export function* groupMembers(tenant: TenantState, group: DirectoryGroup): Iterable<DirectoryUser> {
  for (const id of group.memberIds) {
    const user = tenant.users.get(id);
    if (user && user.deletedDateTime === null) yield user;
  }
}
