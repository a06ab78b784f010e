import "server-only";
import type { DirectoryUser } from "./model";

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
    ...fields,
  };
}
