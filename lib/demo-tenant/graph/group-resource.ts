import "server-only";
import type { DirectoryGroup } from "../model";
import { CONTOSO_TENANT_ID } from "../seed/fixtures";
import { FILTER_OPERATORS } from "./graph-filters";
import { GROUP_PROPERTIES, type PropertyReaders, type ServedGroup } from "./graph-properties";
import { withIdFilters, type ResourceSpec } from "./resources";
import { cloudSecurityIdentifier } from "./security-identifier";

// Graph's group, every structural property of v1.0 and beta. Microsoft 365 groups ("Unified") carry
// the Exchange settings; security groups answer null for them, as in Graph.

const unified = (g: DirectoryGroup) => g.groupTypes.includes("Unified");
const forUnified =
  <T>(value: T) =>
  (g: DirectoryGroup) =>
    unified(g) ? value : null;

const readers: PropertyReaders<DirectoryGroup, ServedGroup> = {
  id: (g) => g.id,
  deletedDateTime: () => null,
  accessType: () => null,
  allowExternalSenders: forUnified(false),
  assignedLabels: () => [],
  assignedLicenses: () => [],
  autoSubscribeNewMembers: forUnified(false),
  classification: () => null,
  cloudLicensing: () => null,
  createdByAppId: () => null,
  createdDateTime: (g) => g.createdDateTime,
  description: (g) => g.description,
  displayName: (g) => g.displayName,
  expirationDateTime: () => null,
  groupTypes: (g) => [...g.groupTypes],
  hasMembersWithLicenseErrors: () => false,
  hideFromAddressLists: forUnified(false),
  hideFromOutlookClients: forUnified(false),
  infoCatalogs: () => [],
  isArchived: forUnified(false),
  isAssignableToRole: () => null,
  isFavorite: () => null,
  isManagementRestricted: () => null,
  isSubscribedByMail: forUnified(false),
  licenseProcessingState: () => null,
  mail: (g) => g.mail,
  mailEnabled: (g) => g.mailEnabled,
  mailNickname: (g) => g.mailNickname,
  membershipRule: () => null,
  membershipRuleProcessingState: () => null,
  membershipRuleProcessingStatus: () => null,
  onPremisesDomainName: () => null,
  onPremisesLastSyncDateTime: () => null,
  onPremisesNetBiosName: () => null,
  onPremisesProvisioningErrors: () => [],
  onPremisesSamAccountName: () => null,
  onPremisesSecurityIdentifier: () => null,
  onPremisesSyncEnabled: () => null,
  organizationId: () => CONTOSO_TENANT_ID,
  preferredDataLocation: () => null,
  preferredLanguage: () => null,
  proxyAddresses: (g) => (g.mail ? [`SMTP:${g.mail}`, `smtp:${g.mailNickname}@contoso.onmicrosoft.com`] : []),
  renewedDateTime: (g) => g.createdDateTime,
  resourceBehaviorOptions: () => [],
  resourceProvisioningOptions: () => [],
  securityEnabled: (g) => g.securityEnabled,
  securityIdentifier: (g) => cloudSecurityIdentifier(g.id),
  serviceProvisioningErrors: () => [],
  theme: () => null,
  uniqueName: () => null,
  unseenConversationsCount: forUnified(0),
  unseenCount: forUnified(0),
  unseenMessagesCount: forUnified(0),
  visibility: (g) => (unified(g) ? "Public" : null),
  writebackConfiguration: () => ({ isEnabled: null, onPremisesGroupType: null }),
};

/** Select-only, as the typings document them, or never returned by a GET (hasMembersWithLicenseErrors). */
const SELECT_ONLY = new Set<string>([
  "allowExternalSenders",
  "assignedLabels",
  "assignedLicenses",
  "autoSubscribeNewMembers",
  "hideFromAddressLists",
  "hideFromOutlookClients",
  "isManagementRestricted",
  "isSubscribedByMail",
  "licenseProcessingState",
  "membershipRuleProcessingStatus",
  "unseenConversationsCount",
  "unseenCount",
  "unseenMessagesCount",
  "hasMembersWithLicenseErrors",
  "isArchived",
  "isFavorite",
  "accessType",
  "cloudLicensing",
  "uniqueName",
] satisfies ((typeof GROUP_PROPERTIES)["v1.0"][number] | (typeof GROUP_PROPERTIES)["beta"][number])[]);

const defaults = (properties: readonly string[]) => properties.filter((p) => !SELECT_ONLY.has(p));

export const groupResource: ResourceSpec<DirectoryGroup> = {
  typeName: "Group",
  odataType: "microsoft.graph.group",
  properties: readers,
  versions: {
    "v1.0": { properties: GROUP_PROPERTIES["v1.0"], defaults: defaults(GROUP_PROPERTIES["v1.0"]) },
    beta: { properties: GROUP_PROPERTIES.beta, defaults: defaults(GROUP_PROPERTIES.beta) },
  },
  filters: withIdFilters(FILTER_OPERATORS.group),
  searchable: ["displayName", "description", "mail", "mailNickname"],
  orderable: ["displayName"],
};
