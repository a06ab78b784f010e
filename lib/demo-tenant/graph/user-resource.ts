import "server-only";
import type { DirectoryUser } from "../model";
import { FILTER_OPERATORS } from "./graph-filters";
import { USER_PROPERTIES, type PropertyReaders, type ServedUser } from "./graph-properties";
import { withIdFilters, type ResourceSpec } from "./resources";
import { cloudSecurityIdentifier } from "./security-identifier";

// Graph's user, every structural property of v1.0 and beta: the directory's own values where the
// demo tenant keeps them, and what Graph shows for a Contoso member user elsewhere.

/** Microsoft 365 E3 and its Exchange Online plan: what a Contoso member with a mailbox is licensed for. */
const E3_SKU = "05e9a617-0261-4cee-bb44-138d3ef5d965";
const EXCHANGE_PLAN = "efb87545-963c-4e0d-99df-69c6916d9eb0";
/** What Graph answers for a non-nullable date nobody set. */
const UNSET_DATE = "0001-01-01T08:00:00Z";
const INITIAL_DOMAIN = "contoso.onmicrosoft.com";

const licensed = (u: DirectoryUser) => u.mail !== null && u.userType === "Member";

const readers: PropertyReaders<DirectoryUser, ServedUser> = {
  id: (u) => u.id,
  deletedDateTime: (u) => u.deletedDateTime,
  aboutMe: () => null,
  accountEnabled: (u) => u.accountEnabled,
  ageGroup: () => null,
  assignedLicenses: (u) => (licensed(u) ? [{ disabledPlans: [], skuId: E3_SKU }] : []),
  assignedPlans: (u) =>
    licensed(u)
      ? [
          {
            assignedDateTime: u.createdDateTime,
            capabilityStatus: "Enabled",
            service: "exchange",
            servicePlanId: EXCHANGE_PLAN,
          },
        ]
      : [],
  authorizationInfo: () => ({ certificateUserIds: [] }),
  birthday: () => UNSET_DATE,
  businessPhones: (u) => [...u.businessPhones],
  city: (u) => u.city,
  cloudLicensing: () => null,
  cloudRealtimeCommunicationInfo: () => ({ isSipEnabled: null }),
  companyName: (u) => u.companyName,
  consentProvidedForMinor: () => null,
  country: (u) => u.country,
  createdDateTime: (u) => u.createdDateTime,
  creationType: () => null,
  customSecurityAttributes: () => null,
  department: (u) => u.department,
  deviceEnrollmentLimit: () => 5,
  deviceKeys: () => [],
  displayName: (u) => u.displayName,
  employeeHireDate: (u) => u.employeeHireDate,
  employeeId: (u) => u.employeeId,
  employeeLeaveDateTime: () => null,
  employeeOrgData: (u) => (u.employeeOrgData ? { ...u.employeeOrgData } : null),
  employeeType: (u) => u.employeeType,
  externalUserState: () => null,
  externalUserStateChangeDateTime: () => null,
  faxNumber: (u) => u.faxNumber,
  givenName: (u) => u.givenName,
  hireDate: () => UNSET_DATE,
  identities: (u) => [
    { signInType: "userPrincipalName", issuer: INITIAL_DOMAIN, issuerAssignedId: u.userPrincipalName },
  ],
  imAddresses: (u) => (u.mail ? [u.mail.toLowerCase()] : []),
  infoCatalogs: () => [],
  interests: () => [],
  isLicenseReconciliationNeeded: () => false,
  isManagementRestricted: () => null,
  isResourceAccount: () => null,
  jobTitle: (u) => u.jobTitle,
  lastPasswordChangeDateTime: (u) => u.createdDateTime,
  legalAgeGroupClassification: () => null,
  licenseAssignmentStates: (u) =>
    licensed(u)
      ? [
          {
            assignedByGroup: null,
            disabledPlans: [],
            error: "None",
            lastUpdatedDateTime: u.createdDateTime,
            skuId: E3_SKU,
            state: "Active",
          },
        ]
      : [],
  mail: (u) => u.mail,
  mailboxSettings: () => null,
  mailNickname: (u) => u.mailNickname,
  mobilePhone: (u) => u.mobilePhone,
  mySite: () => null,
  officeLocation: (u) => u.officeLocation,
  onPremisesDistinguishedName: (u) => u.onPremisesDistinguishedName,
  onPremisesDomainName: (u) => u.onPremisesDomainName,
  onPremisesExtensionAttributes: (u) => ({ ...u.onPremisesExtensionAttributes }),
  onPremisesImmutableId: (u) => u.onPremisesImmutableId,
  onPremisesLastSyncDateTime: (u) => u.onPremisesLastSyncDateTime,
  onPremisesProvisioningErrors: () => [],
  onPremisesSamAccountName: (u) => u.onPremisesSamAccountName,
  onPremisesSecurityIdentifier: (u) => u.onPremisesSecurityIdentifier,
  onPremisesSipInfo: () => ({
    isSipEnabled: false,
    sipDeploymentLocation: null,
    sipPrimaryAddress: null,
    sipTenantId: null,
  }),
  onPremisesSyncEnabled: (u) => u.onPremisesSyncEnabled,
  onPremisesUserPrincipalName: (u) => u.onPremisesUserPrincipalName,
  otherMails: (u) => [...u.otherMails],
  passwordPolicies: () => null,
  // Graph never returns a password; the profile reads as null.
  passwordProfile: () => null,
  pastProjects: () => [],
  postalCode: (u) => u.postalCode,
  preferredDataLocation: () => null,
  preferredLanguage: (u) => u.preferredLanguage,
  preferredName: () => null,
  print: () => null,
  provisionedPlans: (u) =>
    licensed(u) ? [{ capabilityStatus: "Enabled", provisioningStatus: "Success", service: "exchange" }] : [],
  proxyAddresses: (u) => [...u.proxyAddresses],
  refreshTokensValidFromDateTime: (u) => u.createdDateTime,
  responsibilities: () => [],
  schools: () => [],
  securityIdentifier: (u) => cloudSecurityIdentifier(u.id),
  serviceProvisioningErrors: () => [],
  showInAddressList: () => null,
  signInActivity: () => null,
  signInSessionsValidFromDateTime: (u) => u.createdDateTime,
  skills: () => [],
  state: (u) => u.state,
  streetAddress: (u) => u.streetAddress,
  surname: (u) => u.surname,
  usageLocation: (u) => u.usageLocation,
  userPrincipalName: (u) => u.userPrincipalName,
  userType: (u) => u.userType,
};

/** v1.0 returns these eleven by default (Graph's documented set); beta all but the select-only ones. */
const V1_DEFAULTS = [
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
] as const satisfies readonly (typeof USER_PROPERTIES)["v1.0"][number][];

/** Beta's select-only properties, as the beta typings document them, and those that need a permission of their own. */
const BETA_SELECT_ONLY = new Set<string>([
  "aboutMe",
  "birthday",
  "customSecurityAttributes",
  "hireDate",
  "interests",
  "lastPasswordChangeDateTime",
  "legalAgeGroupClassification",
  "licenseAssignmentStates",
  "mailboxSettings",
  "mySite",
  "pastProjects",
  "preferredName",
  "responsibilities",
  "schools",
  "signInActivity",
  "skills",
  "employeeLeaveDateTime",
  "cloudLicensing",
] satisfies (typeof USER_PROPERTIES)["beta"][number][]);

export const userResource: ResourceSpec<DirectoryUser> = {
  typeName: "User",
  odataType: "microsoft.graph.user",
  properties: readers,
  versions: {
    "v1.0": { properties: USER_PROPERTIES["v1.0"], defaults: V1_DEFAULTS },
    beta: {
      properties: USER_PROPERTIES.beta,
      defaults: USER_PROPERTIES.beta.filter((p) => !BETA_SELECT_ONLY.has(p)),
    },
  },
  filters: withIdFilters(FILTER_OPERATORS.user),
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
  orderable: ["displayName", "userPrincipalName"],
};
