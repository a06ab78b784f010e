import "server-only";

import type { DirectoryGroup, DirectoryUser, ServicePrincipal, TenantState } from "../model";

/** Reads one source attribute by its name in the "Azure Active Directory" schema. */
export type AttributeReader = (name: string) => string | string[] | null;

const bool = (value: boolean): string => (value ? "True" : "False");

type UserAttribute = (
  user: DirectoryUser,
  context: { tenant: TenantState; servicePrincipal: ServicePrincipal },
) => string | string[] | null;

/** Entra's synchronization schema names, plus the Graph property names people also write. */
const USER_ATTRIBUTES: Record<string, UserAttribute> = {
  objectId: (u) => u.id,
  userPrincipalName: (u) => u.userPrincipalName,
  displayName: (u) => u.displayName,
  givenName: (u) => u.givenName,
  surname: (u) => u.surname,
  mail: (u) => u.mail,
  mailNickname: (u) => u.mailNickname,
  department: (u) => u.department,
  jobTitle: (u) => u.jobTitle,
  employeeId: (u) => u.employeeId,
  companyName: (u) => u.companyName,
  physicalDeliveryOfficeName: (u) => u.officeLocation,
  officeLocation: (u) => u.officeLocation,
  city: (u) => u.city,
  country: (u) => u.country,
  postalCode: (u) => u.postalCode,
  streetAddress: (u) => u.streetAddress,
  mobile: (u) => u.mobilePhone,
  mobilePhone: (u) => u.mobilePhone,
  telephoneNumber: (u) => u.businessPhones[0] ?? null,
  businessPhones: (u) => (u.businessPhones.length > 0 ? [...u.businessPhones] : null),
  preferredLanguage: (u) => u.preferredLanguage,
  usageLocation: (u) => u.usageLocation,
  userType: (u) => u.userType,
  manager: (u) => u.managerId,
  accountEnabled: (u) => bool(u.accountEnabled),
  IsSoftDeleted: (u) => bool(u.deletedDateTime !== null),
  appRoleAssignments: (u, { tenant, servicePrincipal }) => appRoleValues(tenant, servicePrincipal, u.id),
  onPremisesDistinguishedName: (u) => u.onPremisesDistinguishedName,
  onPremisesSamAccountName: (u) => u.onPremisesSamAccountName,
  onPremisesUserPrincipalName: (u) => u.onPremisesUserPrincipalName,
  onPremisesSecurityIdentifier: (u) => u.onPremisesSecurityIdentifier,
  onPremisesImmutableId: (u) => u.onPremisesImmutableId,
  createdDateTime: (u) => u.createdDateTime,
};

const GROUP_ATTRIBUTES: Record<string, (group: DirectoryGroup) => string | string[] | null> = {
  objectId: (g) => g.id,
  displayName: (g) => g.displayName,
  description: (g) => g.description,
  mailNickname: (g) => g.mailNickname,
  mail: (g) => g.mail,
  mailEnabled: (g) => bool(g.mailEnabled),
  securityEnabled: (g) => bool(g.securityEnabled),
  members: (g) => (g.memberIds.length > 0 ? [...g.memberIds] : null),
};

function caseInsensitive<T>(table: Record<string, T>): (name: string) => T | undefined {
  const byLowerName = new Map(Object.entries(table).map(([name, read]) => [name.toLowerCase(), read]));
  return (name) => table[name] ?? byLowerName.get(name.toLowerCase());
}

const userAttribute = caseInsensitive(USER_ATTRIBUTES);
const groupAttribute = caseInsensitive(GROUP_ATTRIBUTES);

export function entraUserReader(
  tenant: TenantState,
  servicePrincipal: ServicePrincipal,
  user: DirectoryUser,
): AttributeReader {
  return (name) => {
    const value = userAttribute(name)?.(user, { tenant, servicePrincipal }) ?? null;
    return value === "" ? null : value;
  };
}

export function entraGroupReader(group: DirectoryGroup): AttributeReader {
  return (name) => {
    const value = groupAttribute(name)?.(group) ?? null;
    return value === "" ? null : value;
  };
}

/** The app roles a user holds in the app, directly or through a group it is a direct member of. */
export function appRoleValues(
  tenant: TenantState,
  servicePrincipal: ServicePrincipal,
  userId: string,
): string[] | null {
  const values = assignmentsOf(tenant, servicePrincipal, userId).map((assignment) => {
    const role = servicePrincipal.appRoles.find((r) => r.id === assignment.appRoleId);
    return role?.value ?? role?.displayName ?? "msiam_access";
  });
  const unique = [...new Set(values)];
  return unique.length > 0 ? unique : null;
}

export function assignmentsOf(tenant: TenantState, servicePrincipal: ServicePrincipal, userId: string) {
  return servicePrincipal.assignments.filter(
    (assignment) =>
      assignment.principalId === userId ||
      (assignment.principalType === "Group" &&
        (tenant.groups.get(assignment.principalId)?.memberIds.includes(userId) ?? false)),
  );
}
