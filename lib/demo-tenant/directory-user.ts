import "server-only";
import type { DirectoryUser, OnPremisesExtensionAttributes } from "./model";

/** The extension attributes Entra keeps for every user: all empty until something sets them. */
export const emptyExtensionAttributes = () =>
  Object.fromEntries(
    Array.from({ length: 15 }, (_, i) => [`extensionAttribute${i + 1}`, null]),
  ) as OnPremisesExtensionAttributes;

/** A member user with only the given fields set; everything else empty, as Entra creates one. */
export function newDirectoryUser(
  fields: Partial<DirectoryUser> & Pick<DirectoryUser, "id" | "userPrincipalName" | "createdDateTime">,
): DirectoryUser {
  const nickname = fields.userPrincipalName.split("@")[0] ?? fields.userPrincipalName;
  return {
    displayName: nickname,
    givenName: null,
    surname: null,
    mail: null,
    mailNickname: nickname,
    department: null,
    jobTitle: null,
    employeeId: null,
    companyName: null,
    officeLocation: null,
    city: null,
    country: null,
    postalCode: null,
    streetAddress: null,
    mobilePhone: null,
    businessPhones: [],
    preferredLanguage: null,
    usageLocation: null,
    managerId: null,
    accountEnabled: true,
    deletedDateTime: null,
    userType: "Member",
    onPremisesDistinguishedName: null,
    onPremisesSamAccountName: null,
    onPremisesUserPrincipalName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesImmutableId: null,
    onPremisesSyncEnabled: null,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: null,
    onPremisesExtensionAttributes: emptyExtensionAttributes(),
    employeeHireDate: null,
    employeeType: null,
    employeeOrgData: null,
    state: null,
    faxNumber: null,
    otherMails: [],
    proxyAddresses: [],
    ...fields,
  };
}
