import "server-only";
import type { TenantState } from "../model";
import { collectionCount, collectionPage, entityResult } from "./collection-query";
import {
  activeUsers,
  findGroup,
  findJob,
  findServicePrincipal,
  findUser,
  groupMembers,
} from "./directory-lookup";
import { jsonResult, type GraphCall, type GraphResult } from "./graph-call";
import { resourceNotFound } from "./graph-error";
import { contextUrl, quoteKey } from "./odata";
import {
  appRoleAssignmentResource,
  groupResource,
  servicePrincipalResource,
  userResource,
} from "./resources";

const USER_TYPE = "#microsoft.graph.user";

// GET handlers for users, groups, service principals and their synchronization jobs.
export const directoryRoutes = {
  listServicePrincipals: (call: GraphCall, t: TenantState) =>
    collectionPage(t.servicePrincipals.values(), call, servicePrincipalResource(t), {
      contextFragment: "servicePrincipals",
    }),
  countServicePrincipals: (call: GraphCall, t: TenantState) =>
    collectionCount(t.servicePrincipals.values(), call, servicePrincipalResource(t)),
  getServicePrincipal: (call: GraphCall, t: TenantState, id: string) =>
    entityResult(findServicePrincipal(t, id), call, servicePrincipalResource(t), "servicePrincipals"),
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

export const synchronizationRoutes = {
  listJobs(call: GraphCall, t: TenantState, spId: string): GraphResult {
    const sp = findServicePrincipal(t, spId);
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/jobs`,
      ),
      value: sp.jobs.map((j) => j.job),
    });
  },
  getJob(call: GraphCall, t: TenantState, spId: string, jobId: string): GraphResult {
    const sp = findServicePrincipal(t, spId);
    const job = findJob(sp, jobId);
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/jobs/$entity`,
      ),
      ...job.job,
    });
  },
  getSchema(call: GraphCall, t: TenantState, spId: string, jobId: string): GraphResult {
    const sp = findServicePrincipal(t, spId);
    const job = findJob(sp, jobId);
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/jobs(${quoteKey(job.job.id)})/schema/$entity`,
      ),
      ...job.schema,
    });
  },
};
