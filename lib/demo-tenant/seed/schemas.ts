import "server-only";

import { parseMappingExpression } from "../engine/expressions";
import type {
  AttributeDefinition,
  AttributeMapping,
  DirectoryDefinition,
  ObjectMapping,
  ScopingFilter,
  SynchronizationSchema,
} from "../model";

// Synchronization schemas as Graph serves them for the demo tenant's apps. No complete public export
// of a non-gallery SCIM schema exists, so the SCIM one is assembled from Entra's default SCIM
// attribute table and the shape of Graph's published objectMapping sample.

export const SCIM_RULE_IDS = {
  /** The rule of a SCIM app's job (the id Graph's Example 1 uses). */
  primary: "ea807875-5618-4f0a-9125-0b46a05298ca",
  /** The rule of Graph's group example (Example 3); `#V2` as rule ids of newer jobs end. */
  secondary: "33f7c90d-bf71-41b1-bda6-aaf0ddbee5d8#V2",
} as const;

/** Fixed for the AD2AADProvisioning template: the same id appears in every public Cloud Sync sample. */
export const CLOUD_SYNC_RULE_ID = "6c409270-f78a-4bc6-af23-7cf3ab6482fe";

export const ENTRA_DIRECTORY_NAME = "Azure Active Directory";
export const ACTIVE_DIRECTORY_NAME = "Active Directory";
export const SCIM_USER_OBJECT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const SCIM_GROUP_OBJECT = "urn:ietf:params:scim:schemas:core:2.0:Group";

const SCHEMA_VERSION = "Date:2025-03-30T07:00:28.2095357Z, ActivityId:816f35a8-1135-4983-a437-8fc8494d7929";

interface MappingOptions {
  matchingPriority?: number;
  defaultValue?: string;
  flowType?: AttributeMapping["flowType"];
}

/** One attribute mapping; the source is written in the expression language and stored as Graph's tree. */
function mapping(
  targetAttributeName: string,
  expression: string | null,
  options: MappingOptions = {},
): AttributeMapping {
  return {
    defaultValue: options.defaultValue ?? null,
    exportMissingReferences: false,
    flowBehavior: "FlowWhenChanged",
    flowType: options.flowType ?? "Always",
    matchingPriority: options.matchingPriority ?? 0,
    source: expression === null ? null : parseMappingExpression(expression),
    targetAttributeName,
  };
}

function attribute(
  name: string,
  type: AttributeDefinition["type"] = "String",
  options: { multivalued?: boolean; required?: boolean; anchor?: boolean; references?: string } = {},
): AttributeDefinition {
  return {
    name,
    defaultValue: null,
    type,
    multivalued: options.multivalued ?? false,
    mutability: "ReadWrite",
    required: options.required ?? false,
    anchor: options.anchor ?? false,
    caseExact: false,
    flowNullValues: false,
    metadata: [],
    apiExpressions: [],
    referencedObjects: options.references
      ? [{ referencedObjectName: options.references, referencedProperty: null }]
      : [],
  };
}

function directory(
  id: string,
  name: string,
  objects: { name: string; attributes: AttributeDefinition[] }[],
  readOnly: boolean,
): DirectoryDefinition {
  return {
    id,
    name,
    discoverabilities: "AttributeNames,AttributeDataTypes",
    discoveryDateTime: null,
    readOnly,
    version: SCHEMA_VERSION,
    objects: objects.map((o) => ({
      name: o.name,
      supportedApis: [],
      metadata: [],
      attributes: o.attributes,
    })),
  };
}

const OBJECT_MAPPING_METADATA: ObjectMapping["metadata"] = [
  { key: "IsCustomerDefined", value: "false" },
  { key: "DisableMonitoringForChanges", value: "false" },
  { key: "Disposition", value: '"Normal"' },
  { key: "ExcludeFromReporting", value: "false" },
  { key: "EscrowBehavior", value: '"Default"' },
  { key: "Unsynchronized", value: "false" },
];

function objectMapping(
  fields: Pick<ObjectMapping, "name" | "sourceObjectName" | "targetObjectName" | "attributeMappings"> &
    Partial<ObjectMapping>,
): ObjectMapping {
  return {
    enabled: true,
    flowTypes: "Add, Update, Delete",
    metadata: OBJECT_MAPPING_METADATA,
    scope: null,
    ...fields,
  };
}

// ---- Entra ID (source of app provisioning, target of Cloud Sync) ------------------------------

const ENTRA_USER_ATTRIBUTES: AttributeDefinition[] = [
  attribute("objectId", "String", { anchor: true, required: true }),
  attribute("accountEnabled", "Boolean"),
  attribute("appRoleAssignments", "String", { multivalued: true }),
  attribute("businessPhones", "String", { multivalued: true }),
  ...[
    "city",
    "companyName",
    "country",
    "department",
    "displayName",
    "employeeId",
    "givenName",
    "jobTitle",
    "mail",
    "mailNickname",
  ].map((n) => attribute(n)),
  attribute("IsSoftDeleted", "Boolean"),
  attribute("manager", "Reference", { references: "User" }),
  ...[
    "mobile",
    "physicalDeliveryOfficeName",
    "postalCode",
    "preferredLanguage",
    "streetAddress",
    "surname",
    "telephoneNumber",
    "usageLocation",
  ].map((n) => attribute(n)),
  attribute("userPrincipalName", "String", { required: true }),
  attribute("userType"),
];

const ENTRA_GROUP_ATTRIBUTES: AttributeDefinition[] = [
  attribute("objectId", "String", { anchor: true, required: true }),
  attribute("description"),
  attribute("displayName", "String", { required: true }),
  attribute("mail"),
  attribute("mailEnabled", "Boolean"),
  attribute("mailNickname"),
  attribute("members", "Reference", { multivalued: true, references: "User" }),
  attribute("securityEnabled", "Boolean"),
];

// ---- SCIM app ----------------------------------------------------------------------------------

const ENTERPRISE = SCIM_USER_OBJECT;

/** Entra's default mappings for a non-gallery SCIM app (Users). */
function scimUserMappings(): AttributeMapping[] {
  return [
    mapping("userName", "[userPrincipalName]", { matchingPriority: 1 }),
    mapping("active", 'Switch([IsSoftDeleted], , "False", "True", "True", "False")'),
    mapping("displayName", "[displayName]"),
    mapping("title", "[jobTitle]"),
    mapping('emails[type eq "work"].value', "[mail]"),
    mapping("preferredLanguage", "[preferredLanguage]"),
    mapping("name.givenName", "[givenName]"),
    mapping("name.familyName", "[surname]"),
    mapping("name.formatted", 'Join(" ", [givenName], [surname])'),
    mapping('addresses[type eq "work"].formatted', "[physicalDeliveryOfficeName]"),
    mapping('addresses[type eq "work"].streetAddress', "[streetAddress]"),
    mapping('addresses[type eq "work"].locality', "[city]"),
    mapping('addresses[type eq "work"].postalCode', "[postalCode]"),
    mapping('addresses[type eq "work"].country', "[country]"),
    mapping('phoneNumbers[type eq "work"].value', "[telephoneNumber]"),
    mapping('phoneNumbers[type eq "mobile"].value', "[mobile]"),
    mapping("externalId", "[mailNickname]"),
    mapping(`${ENTERPRISE}:employeeNumber`, "[employeeId]"),
    mapping(`${ENTERPRISE}:department`, "[department]"),
    mapping(`${ENTERPRISE}:organization`, "[companyName]"),
    mapping(`${ENTERPRISE}:manager`, "[manager]"),
  ];
}

function scimGroupMappings(): AttributeMapping[] {
  return [
    mapping("displayName", "[displayName]", { matchingPriority: 1 }),
    mapping("externalId", "[objectId]"),
    mapping("members", "[members]"),
  ];
}

function scimTargetAttributes(mappings: AttributeMapping[]): AttributeDefinition[] {
  return mappings.map((m) => {
    if (m.targetAttributeName === "active") return attribute("active", "Boolean");
    if (m.targetAttributeName === "members")
      return attribute("members", "Reference", { multivalued: true, references: SCIM_USER_OBJECT });
    if (m.targetAttributeName.endsWith(":manager"))
      return attribute(m.targetAttributeName, "Reference", { references: SCIM_USER_OBJECT });
    return attribute(m.targetAttributeName, "String", { required: m.matchingPriority === 1 });
  });
}

export interface ScimAppSchemaOptions {
  ruleId?: string;
  /** The app's directory name, which Graph also reports as the target system (e.g. "customappsso"). */
  targetDirectoryName: string;
  /** Scoping filter of the User mapping (e.g. a department filter), or none. */
  userScope?: ScopingFilter | null;
  /** Whether the Group mapping is enabled (default true). */
  includeGroups?: boolean;
  /** The schema resource id; Graph uses the job id. */
  schemaId?: string;
}

/** The schema of a non-gallery SCIM app (template `scim`): Entra ID users and groups → the app. */
export function scimAppSchema(options: ScimAppSchemaOptions): SynchronizationSchema {
  const userMappings = scimUserMappings();
  const groupMappings = scimGroupMappings();
  return {
    id: options.schemaId ?? "scim",
    version: SCHEMA_VERSION,
    directories: [
      directory(
        "66e4a8cc-1b7b-435e-95f8-f06cea133828",
        ENTRA_DIRECTORY_NAME,
        [
          { name: "User", attributes: ENTRA_USER_ATTRIBUTES },
          { name: "Group", attributes: ENTRA_GROUP_ATTRIBUTES },
        ],
        true,
      ),
      directory(
        "8ffa6169-f354-4751-9b77-9c00765be92d",
        options.targetDirectoryName,
        [
          { name: SCIM_USER_OBJECT, attributes: scimTargetAttributes(userMappings) },
          { name: SCIM_GROUP_OBJECT, attributes: scimTargetAttributes(groupMappings) },
        ],
        false,
      ),
    ],
    synchronizationRules: [
      {
        id: options.ruleId ?? SCIM_RULE_IDS.primary,
        name: "USERGROUP_OUTBOUND_USERGROUP",
        priority: 1,
        editable: true,
        sourceDirectoryName: ENTRA_DIRECTORY_NAME,
        targetDirectoryName: options.targetDirectoryName,
        containerFilter: null,
        groupFilter: null,
        metadata: [
          { key: "defaultSourceObjectMappings", value: "[]" },
          { key: "supportsProvisionOnDemand", value: "true" },
        ],
        objectMappings: [
          objectMapping({
            name: "Provision Azure Active Directory Users",
            sourceObjectName: "User",
            targetObjectName: SCIM_USER_OBJECT,
            scope: options.userScope ?? null,
            attributeMappings: userMappings,
          }),
          objectMapping({
            name: "Provision Azure Active Directory Groups",
            sourceObjectName: "Group",
            targetObjectName: SCIM_GROUP_OBJECT,
            enabled: options.includeGroups ?? true,
            attributeMappings: groupMappings,
          }),
        ],
      },
    ],
  };
}

// ---- Cloud Sync (AD2AADProvisioning) -----------------------------------------------------------

const AD_USER_ATTRIBUTES = [
  "accountDisabled",
  "c",
  "cn",
  "co",
  "company",
  "countryCode",
  "department",
  "description",
  "displayName",
  "distinguishedName",
  "employeeID",
  "givenName",
  "isCriticalSystemObject",
  "l",
  "mail",
  "mailNickname",
  "manager",
  "mobile",
  "mS-DS-ConsistencyGuid",
  "objectGUID",
  "objectSid",
  "physicalDeliveryOfficeName",
  "postalCode",
  "preferredLanguage",
  "proxyAddresses",
  "sAMAccountName",
  "sn",
  "st",
  "streetAddress",
  "telephoneNumber",
  "title",
  "userAccountControl",
  "userPrincipalName",
];

/** AD attributes → Entra ID user, with the target names Cloud Sync reports in modifiedProperties. */
function cloudSyncUserMappings(): AttributeMapping[] {
  return [
    mapping(
      "AccountEnabled",
      'IIF(IsPresent([userAccountControl]), IIF(BitAnd([userAccountControl], 2)="0", "True", "False"), Not([accountDisabled]))',
    ),
    mapping("Alias", "Coalesce([mailNickname], [sAMAccountName])"),
    mapping("City", "[l]"),
    mapping("CompanyName", "[company]"),
    mapping("Country", "[co]"),
    mapping("Department", "[department]"),
    mapping("DisplayName", "Coalesce([displayName], [cn])"),
    mapping("EmployeeId", "[employeeID]"),
    mapping("GivenName", "[givenName]"),
    mapping("JobTitle", "[title]"),
    mapping("Mail", "[mail]"),
    mapping("Mobile", "[mobile]"),
    mapping("OnPremiseSecurityIdentifier", "[objectSid]"),
    mapping("OnPremisesDistinguishedName", "[distinguishedName]"),
    mapping("OnPremisesSamAccountName", "[sAMAccountName]"),
    mapping("OnPremisesUserPrincipalName", "[userPrincipalName]"),
    mapping("PhysicalDeliveryOfficeName", "[physicalDeliveryOfficeName]"),
    mapping("PostalCode", "[postalCode]"),
    mapping("PreferredLanguage", "[preferredLanguage]"),
    mapping("SourceAnchor", "Coalesce([mS-DS-ConsistencyGuid], [objectGUID])", { matchingPriority: 1 }),
    mapping("StreetAddress", "[streetAddress]"),
    mapping("Surname", "[sn]"),
    mapping("TelephoneNumber", "[telephoneNumber]"),
    mapping("UsageLocation", "[c]"),
    mapping("UserPrincipalName", "[userPrincipalName]", { matchingPriority: 2 }),
  ];
}

/** Cloud Sync's early filter; on-demand runs ignore scoping, as Microsoft documents. */
const CLOUD_SYNC_SCOPE: ScopingFilter = {
  groups: [],
  inputFilterGroups: [
    {
      name: "Exclude critical system objects",
      clauses: [
        {
          operatorName: "IS FALSE",
          sourceOperandName: "isCriticalSystemObject",
          targetOperand: { values: [] },
        },
      ],
    },
  ],
  categoryFilterGroups: [],
};

/** The schema of a Cloud Sync job (template `AD2AADProvisioning`): AD users → Entra ID users. */
export function cloudSyncSchema(options: { schemaId?: string } = {}): SynchronizationSchema {
  const mappings = cloudSyncUserMappings();
  return {
    id: options.schemaId ?? "AD2AADProvisioning",
    version: SCHEMA_VERSION,
    directories: [
      directory(
        "b3a2ae3b-5bfa-4cb4-8a4a-5a8e3c2d1f10",
        ACTIVE_DIRECTORY_NAME,
        [
          {
            name: "user",
            attributes: AD_USER_ATTRIBUTES.map((n) => attribute(n, "String", { anchor: n === "objectGUID" })),
          },
        ],
        true,
      ),
      directory(
        "66e4a8cc-1b7b-435e-95f8-f06cea133828",
        ENTRA_DIRECTORY_NAME,
        [
          {
            name: "User",
            attributes: mappings.map((m) =>
              attribute(
                m.targetAttributeName,
                m.targetAttributeName === "AccountEnabled" ? "Boolean" : "String",
              ),
            ),
          },
        ],
        false,
      ),
    ],
    synchronizationRules: [
      {
        id: CLOUD_SYNC_RULE_ID,
        name: "AD2AADProvisioning",
        priority: 0,
        editable: true,
        sourceDirectoryName: ACTIVE_DIRECTORY_NAME,
        targetDirectoryName: ENTRA_DIRECTORY_NAME,
        containerFilter: { includedContainers: [] },
        groupFilter: { includedGroups: [] },
        metadata: [{ key: "supportsProvisionOnDemand", value: "true" }],
        objectMappings: [
          objectMapping({
            name: "Provision Active Directory users",
            sourceObjectName: "user",
            targetObjectName: "User",
            flowTypes: "Add,Update,Delete",
            scope: CLOUD_SYNC_SCOPE,
            attributeMappings: mappings,
          }),
        ],
      },
    ],
  };
}
