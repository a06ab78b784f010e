import "server-only";

import type { DirectoryUser } from "../model";

type StringField = {
  [K in keyof DirectoryUser]: DirectoryUser[K] extends string | null ? K : never;
}[keyof DirectoryUser];

interface EntraUserField {
  read(user: DirectoryUser): string | null;
  write(user: DirectoryUser, value: string): DirectoryUser;
}

const text = (field: StringField): EntraUserField => ({
  read: (user) => user[field],
  write: (user, value) => ({ ...user, [field]: value }),
});

/**
 * Cloud Sync's target attribute names for an Entra ID user (as in Graph's Example 2) and where the
 * demo tenant keeps each one. Names without a home here are not written.
 */
const FIELDS: Record<string, EntraUserField> = {
  AccountEnabled: {
    read: (user) => (user.accountEnabled ? "True" : "False"),
    write: (user, value) => ({ ...user, accountEnabled: value.toLowerCase() === "true" }),
  },
  Alias: text("mailNickname"),
  City: text("city"),
  CompanyName: text("companyName"),
  Country: text("country"),
  Department: text("department"),
  DisplayName: text("displayName"),
  EmployeeId: text("employeeId"),
  GivenName: text("givenName"),
  JobTitle: text("jobTitle"),
  Mail: text("mail"),
  Mobile: text("mobilePhone"),
  OnPremiseSecurityIdentifier: text("onPremisesSecurityIdentifier"),
  OnPremisesDistinguishedName: text("onPremisesDistinguishedName"),
  OnPremisesSamAccountName: text("onPremisesSamAccountName"),
  OnPremisesUserPrincipalName: text("onPremisesUserPrincipalName"),
  PhysicalDeliveryOfficeName: text("officeLocation"),
  PostalCode: text("postalCode"),
  PreferredLanguage: text("preferredLanguage"),
  SourceAnchor: text("onPremisesImmutableId"),
  StreetAddress: text("streetAddress"),
  Surname: text("surname"),
  TelephoneNumber: {
    read: (user) => user.businessPhones[0] ?? null,
    write: (user, value) => ({ ...user, businessPhones: [value, ...user.businessPhones.slice(1)] }),
  },
  UsageLocation: text("usageLocation"),
  UserPrincipalName: text("userPrincipalName"),
};

export function entraUserField(targetAttributeName: string): EntraUserField | undefined {
  return FIELDS[targetAttributeName];
}

/** Attribute values that Entra compares without regard to case. */
export function entraValuesEqual(targetAttributeName: string, a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return targetAttributeName === "UserPrincipalName" || targetAttributeName === "Mail"
    ? a.toLowerCase() === b.toLowerCase()
    : a === b;
}
