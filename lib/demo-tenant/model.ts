import "server-only";
import type * as Graph from "@microsoft/microsoft-graph-types";

// The demo tenant's state: a directory, its applications, their synchronization jobs and schemas,
// and an on-premises Active Directory for Cloud Sync. Synchronization shapes follow Graph's JSON
// exactly, so they can be served as they are.

// ---- Directory ---------------------------------------------------------------------------------

export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  mailNickname: string;
  department: string | null;
  jobTitle: string | null;
  employeeId: string | null;
  companyName: string | null;
  officeLocation: string | null;
  city: string | null;
  country: string | null;
  postalCode: string | null;
  streetAddress: string | null;
  mobilePhone: string | null;
  businessPhones: string[];
  preferredLanguage: string | null;
  usageLocation: string | null;
  /** Object id of the manager, or null. Served as the `manager` navigation property. */
  managerId: string | null;
  accountEnabled: boolean;
  /** Set when the user is soft-deleted (in the recycle bin); such users are not listed by /users. */
  deletedDateTime: string | null;
  createdDateTime: string;
  userType: "Member" | "Guest";
  /** Cloud Sync: set on users that came from the on-premises directory. */
  onPremisesDistinguishedName: string | null;
  onPremisesSamAccountName: string | null;
  onPremisesUserPrincipalName: string | null;
  onPremisesSecurityIdentifier: string | null;
  onPremisesImmutableId: string | null;
  onPremisesSyncEnabled: boolean | null;
  onPremisesDomainName: string | null;
  onPremisesLastSyncDateTime: string | null;
  /** Graph's extensionAttribute1…15, synced from AD or set in the cloud. */
  onPremisesExtensionAttributes: OnPremisesExtensionAttributes;
  /** Common mapping sources beyond the basics. */
  employeeHireDate: string | null;
  employeeType: string | null;
  employeeOrgData: { division: string | null; costCenter: string | null } | null;
  state: string | null;
  faxNumber: string | null;
  otherMails: string[];
  /** `SMTP:` marks the primary address, `smtp:` the others, as Exchange writes them. */
  proxyAddresses: string[];
}

export type OnPremisesExtensionAttributes = Record<
  `extensionAttribute${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15}`,
  string | null
>;

export interface DirectoryGroup {
  id: string;
  displayName: string;
  description: string | null;
  mailNickname: string;
  mail: string | null;
  mailEnabled: boolean;
  securityEnabled: boolean;
  groupTypes: string[];
  createdDateTime: string;
  /** Direct members (user ids; nested groups are not modelled, as on-demand ignores them). */
  memberIds: string[];
}

export interface AppRole {
  id: string;
  displayName: string;
  value: string | null;
  description: string;
  allowedMemberTypes: string[];
  isEnabled: boolean;
  origin: "Application";
}

export interface AppRoleAssignment {
  id: string;
  principalId: string;
  principalType: "User" | "Group";
  principalDisplayName: string;
  appRoleId: string;
  resourceId: string;
  resourceDisplayName: string;
  createdDateTime: string;
  deletedDateTime: null;
}

export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  appDisplayName: string;
  servicePrincipalType: "Application";
  accountEnabled: boolean;
  appRoleAssignmentRequired: boolean;
  tags: string[];
  appRoles: AppRole[];
  /** The organization that owns the application: Microsoft's tenant for first-party apps. */
  appOwnerOrganizationId: string;
  /** The gallery or Entra template the app was created from; null for first-party apps. */
  applicationTemplateId: string | null;
  /** When the app was added to the tenant: it dates the app's signing certificate (Graph has no such property). */
  addedDateTime: string;
  /** Who is assigned to the app (served as /servicePrincipals/{id}/appRoleAssignedTo). */
  assignments: AppRoleAssignment[];
  /** Synchronization jobs; empty for most apps, as in a real tenant. */
  jobs: DemoJob[];
}

// ---- Synchronization (Graph JSON shapes) ------------------------------------------------------

export interface StringKeyStringValuePair {
  key: string;
  value: string;
}

export interface AttributeMappingParameter {
  key: string;
  value: AttributeMappingSource;
}

export interface AttributeMappingSource {
  expression: string | null;
  name: string | null;
  parameters: AttributeMappingParameter[];
  type: "Attribute" | "Constant" | "Function";
}

export interface AttributeMapping {
  defaultValue: string | null;
  exportMissingReferences: boolean;
  flowBehavior: "FlowWhenChanged" | "FlowAlways";
  flowType: "Always" | "ObjectAddOnly" | "MultiValueAddOnly" | "ValueAddOnly" | "AttributeAddOnly";
  /** 0 = not used for matching; otherwise lower numbers are tried first. */
  matchingPriority: number;
  source: AttributeMappingSource | null;
  targetAttributeName: string;
}

export interface FilterOperand {
  values: string[];
}

export interface FilterClause {
  operatorName: string;
  sourceOperandName: string;
  targetOperand: FilterOperand;
}

export interface FilterGroup {
  name: string;
  clauses: FilterClause[];
}

export interface ScopingFilter {
  groups: FilterGroup[];
  inputFilterGroups: FilterGroup[];
  categoryFilterGroups: FilterGroup[];
}

export interface ObjectMapping {
  enabled: boolean;
  /** Comma-separated: "Add, Update, Delete". */
  flowTypes: string;
  metadata: { key: Graph.ObjectMappingMetadata; value: string }[];
  name: string;
  sourceObjectName: string;
  targetObjectName: string;
  scope: ScopingFilter | null;
  attributeMappings: AttributeMapping[];
}

export interface SynchronizationRule {
  id: string;
  name: string;
  priority: number;
  editable: boolean;
  sourceDirectoryName: string;
  targetDirectoryName: string;
  /** Includes {"key":"supportsProvisionOnDemand","value":"true"} on rules that support it. */
  metadata: StringKeyStringValuePair[];
  objectMappings: ObjectMapping[];
  /** Cloud Sync's OUs and groups in scope; null on rules that have none (app provisioning). */
  containerFilter: { includedContainers: string[] } | null;
  groupFilter: { includedGroups: string[] } | null;
}

export interface AttributeDefinition {
  name: string;
  defaultValue: string | null;
  type: "String" | "Boolean" | "Integer" | "DateTime" | "Reference" | "Binary";
  multivalued: boolean;
  mutability: "ReadWrite" | "ReadOnly" | "Immutable" | "WriteOnly";
  required: boolean;
  anchor: boolean;
  caseExact: boolean;
  flowNullValues: boolean;
  metadata: { key: Graph.AttributeDefinitionMetadata; value: string }[];
  apiExpressions: StringKeyStringValuePair[];
  referencedObjects: { referencedObjectName: string; referencedProperty: string | null }[];
}

export interface DirectoryDefinition {
  id: string;
  name: string;
  discoverabilities: string;
  discoveryDateTime: string | null;
  readOnly: boolean;
  version: string | null;
  objects: {
    name: string;
    supportedApis: string[];
    metadata: { key: Graph.ObjectDefinitionMetadata; value: string }[];
    attributes: AttributeDefinition[];
  }[];
}

export interface SynchronizationSchema {
  id: string;
  version: string;
  directories: DirectoryDefinition[];
  synchronizationRules: SynchronizationRule[];
}

export interface SynchronizationQuarantine {
  currentBegan: string;
  nextAttempt: string;
  reason: Graph.QuarantineReason;
  seriesBegan: string;
  seriesCount: number;
  error: { code: string; message: string; tenantActionable: boolean } | null;
}

export interface SynchronizationTaskExecution {
  activityIdentifier: string;
  countEntitled: number;
  countEntitledForProvisioning: number;
  countEscrowed: number;
  countEscrowedRaw: number;
  countExported: number;
  countExports: number;
  countImported: number;
  countImportedDeltas: number;
  countImportedReferenceDeltas: number;
  state: "Succeeded" | "Failed" | "EntryLevelErrors";
  timeBegan: string;
  timeEnded: string;
  error: { code: string; message: string; tenantActionable: boolean } | null;
}

export interface SynchronizationStatus {
  code: "NotConfigured" | "NotRun" | "Active" | "Paused" | "Quarantine";
  countSuccessiveCompleteFailures: number;
  escrowsPruned: boolean;
  lastExecution: SynchronizationTaskExecution | null;
  lastSuccessfulExecution: SynchronizationTaskExecution | null;
  lastSuccessfulExecutionWithExports: SynchronizationTaskExecution | null;
  progress: {
    completedUnits: number;
    progressObservationDateTime: string;
    totalUnits: number;
    units: string;
  }[];
  quarantine: SynchronizationQuarantine | null;
  steadyStateFirstAchievedTime: string;
  steadyStateLastAchievedTime: string;
  /** Graph's type is Int64: numbers on the wire, as Graph sends them. */
  synchronizedEntryCountByType: { key: string; value: number }[];
  troubleshootingUrl: string | null;
}

/** The job resource exactly as Graph serves it. */
export interface SynchronizationJob {
  id: string;
  templateId: string;
  schedule: { expiration: string | null; interval: string; state: "Active" | "Disabled" | "Paused" };
  status: SynchronizationStatus;
  synchronizationJobSettings: { name: string; value: string }[];
}

/** Where a job exports to. */
export type JobTarget =
  /** A SCIM 2.0 endpoint: the demo tenant's own (`/scim/{targetId}`) or any external base URL. */
  | { kind: "scim"; baseUrl: string; bearerToken: string | null; systemName: string }
  /** Cloud Sync: the tenant's own Entra ID users. */
  | { kind: "entra" };

export interface DemoJob {
  job: SynchronizationJob;
  schema: SynchronizationSchema;
  target: JobTarget;
  /** "Sync only assigned users and groups" (true) or "Sync all users and groups" (false). */
  syncAssignedOnly: boolean;
  /** Cycles begun since the tenant was seeded (by start and restart), oldest first; see jobs/job-lifecycle.ts. */
  cycles?: JobCycle[];
}

/**
 * A provisioning cycle the service began for a job. The demo tenant runs no scheduled cycles and
 * exports nothing in one: a cycle checks the target's credentials first and records how it began.
 * The provisioning log (issue 15) is meant to report from these.
 */
export interface JobCycle {
  cycleId: string;
  began: string;
  trigger: "start" | "restart";
  /** The restart's reset scope flags, e.g. ["QuarantineState"]; empty after a start. */
  resetScope: string[];
  /** A watermark reset makes the next cycle an initial one: every object is read again. */
  initial: boolean;
  /** Running: the credentials held and the cycle goes on; quarantined: the target refused them. */
  outcome: "running" | "quarantined";
  error: { code: string; message: string } | null;
}

// ---- On-premises Active Directory (Cloud Sync source) -----------------------------------------

export interface OnPremisesUser {
  distinguishedName: string;
  /** LDAP attributes as strings, as the Cloud Sync agent reports them (objectGUID base64, …). */
  attributes: Record<string, string>;
}

export interface OnPremisesDirectory {
  domainName: string;
  netBiosName: string;
  /** Keyed by distinguished name, compared case-insensitively (lower-cased key). */
  users: Map<string, OnPremisesUser>;
}

// ---- The whole tenant -------------------------------------------------------------------------

export interface TenantState {
  tenantId: string;
  displayName: string;
  defaultDomain: string;
  users: Map<string, DirectoryUser>;
  groups: Map<string, DirectoryGroup>;
  servicePrincipals: Map<string, ServicePrincipal>;
  onPremises: OnPremisesDirectory;
}
