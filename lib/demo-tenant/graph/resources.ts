import "server-only";
import type { AppRoleAssignment, DirectoryGroup, DirectoryUser, ServicePrincipal } from "../model";

/** What the shared collection query needs to know about one kind of Graph resource. */
export interface ResourceSpec<T> {
  /** Name used in Graph's messages ("… of resource 'User'"). */
  typeName: string;
  /** OData type, e.g. "microsoft.graph.user". */
  odataType: string;
  /** Every property Graph serves, in Graph's order, with how to read it. */
  properties: Record<string, (item: T) => unknown>;
  /** What v1.0 returns without $select (beta returns every property); all when absent. */
  defaultSelect?: readonly string[];
  filterable: readonly string[];
  searchable: readonly string[];
}

type Getters<T> = Record<string, (item: T) => unknown>;
const fields = <T>(names: (keyof T & string)[]): Getters<T> =>
  Object.fromEntries(names.map((n) => [n, (item: T) => item[n]]));

export const userResource: ResourceSpec<DirectoryUser> = {
  typeName: "User",
  odataType: "microsoft.graph.user",
  properties: fields<DirectoryUser>([
    "id",
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
    "accountEnabled",
    "city",
    "companyName",
    "country",
    "createdDateTime",
    "deletedDateTime",
    "department",
    "employeeId",
    "mailNickname",
    "postalCode",
    "streetAddress",
    "usageLocation",
    "userType",
    "onPremisesDistinguishedName",
    "onPremisesImmutableId",
    "onPremisesSamAccountName",
    "onPremisesSecurityIdentifier",
    "onPremisesSyncEnabled",
    "onPremisesUserPrincipalName",
  ]),
  defaultSelect: [
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
    "id",
  ],
  filterable: [
    "id",
    "userPrincipalName",
    "displayName",
    "givenName",
    "surname",
    "mail",
    "mailNickname",
    "department",
    "jobTitle",
    "employeeId",
    "accountEnabled",
    "userType",
    "city",
    "country",
    "companyName",
    "onPremisesSyncEnabled",
  ],
  searchable: [
    "displayName",
    "givenName",
    "surname",
    "mail",
    "userPrincipalName",
    "mailNickname",
    "department",
    "jobTitle",
    "employeeId",
  ],
};

export const groupResource: ResourceSpec<DirectoryGroup> = {
  typeName: "Group",
  odataType: "microsoft.graph.group",
  properties: fields<DirectoryGroup>([
    "id",
    "createdDateTime",
    "description",
    "displayName",
    "groupTypes",
    "mail",
    "mailEnabled",
    "mailNickname",
    "securityEnabled",
  ]),
  filterable: ["id", "displayName", "mail", "mailNickname", "mailEnabled", "securityEnabled"],
  searchable: ["displayName", "description", "mail", "mailNickname"],
};

export const servicePrincipalResource: ResourceSpec<ServicePrincipal> = {
  typeName: "ServicePrincipal",
  odataType: "microsoft.graph.servicePrincipal",
  properties: {
    id: (sp) => sp.id,
    deletedDateTime: () => null,
    accountEnabled: (sp) => sp.accountEnabled,
    appDisplayName: (sp) => sp.appDisplayName,
    appId: (sp) => sp.appId,
    appRoleAssignmentRequired: (sp) => sp.appRoleAssignmentRequired,
    createdDateTime: (sp) => sp.createdDateTime,
    description: () => null,
    displayName: (sp) => sp.displayName,
    homepage: () => null,
    notes: () => null,
    preferredSingleSignOnMode: () => null,
    servicePrincipalNames: (sp) => [sp.appId],
    servicePrincipalType: (sp) => sp.servicePrincipalType,
    signInAudience: () => "AzureADMyOrg",
    tags: (sp) => sp.tags,
    appRoles: (sp) => sp.appRoles,
  },
  filterable: ["id", "appId", "displayName", "accountEnabled", "servicePrincipalType"],
  searchable: ["displayName", "appDisplayName", "description"],
};

export const appRoleAssignmentResource: ResourceSpec<AppRoleAssignment> = {
  typeName: "AppRoleAssignment",
  odataType: "microsoft.graph.appRoleAssignment",
  properties: fields<AppRoleAssignment>([
    "id",
    "deletedDateTime",
    "appRoleId",
    "createdDateTime",
    "principalDisplayName",
    "principalId",
    "principalType",
    "resourceDisplayName",
    "resourceId",
  ]),
  filterable: ["id", "principalId", "principalType", "appRoleId", "resourceId"],
  searchable: [],
};
