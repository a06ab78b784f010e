import "server-only";
import { newDirectoryUser } from "@/lib/demo-tenant/directory-user";
import type {
  DemoJob,
  DirectoryGroup,
  DirectoryUser,
  OnPremisesUser,
  ServicePrincipal,
  SynchronizationSchema,
  TenantState,
} from "@/lib/demo-tenant/model";
import { createScimTargets, type ScimRejectionRule } from "@/lib/demo-tenant/scim";
import { cloudSyncSchema, scimAppSchema } from "@/lib/demo-tenant/seed/schemas";
import type { EngineEnvironment, ProvisionSubject } from "@/lib/demo-tenant/engine/context";
import { runProvisionOnDemand } from "@/lib/demo-tenant/engine/provision";

// A small hand-built tenant and a real SCIM target for the engine's tests.

export const TARGET_ID = "app1";
export const BEARER = "s3cret-token";
const ROLE_USER = "7c5c2c4e-0000-4000-8000-000000000001";

export function directoryUser(
  fields: Partial<DirectoryUser> & { id: string; userPrincipalName: string },
): DirectoryUser {
  return newDirectoryUser({
    mail: fields.userPrincipalName,
    createdDateTime: "2024-01-01T00:00:00Z",
    ...fields,
  });
}

function group(id: string, displayName: string, memberIds: string[]): DirectoryGroup {
  return {
    id,
    displayName,
    description: null,
    mailNickname: displayName.replace(/\s/g, ""),
    mail: null,
    mailEnabled: false,
    securityEnabled: true,
    groupTypes: [],
    createdDateTime: "2024-01-01T00:00:00Z",
    memberIds,
  };
}

export const IDS = {
  alice: "a11ce000-0000-4000-8000-000000000001",
  bob: "b0b00000-0000-4000-8000-000000000002",
  carol: "ca201000-0000-4000-8000-000000000003",
  dave: "da4e0000-0000-4000-8000-000000000004",
  erin: "e4140000-0000-4000-8000-000000000005",
  engineering: "e0000000-0000-4000-8000-0000000000e1",
  projectX: "e0000000-0000-4000-8000-0000000000e2",
  app: "5e000000-0000-4000-8000-0000000000a1",
};

export const ADELE_DN = "CN=Adele Vance,OU=Users,DC=corp,DC=contoso,DC=com";

function buildTenant(): TenantState {
  const users = [
    directoryUser({
      id: IDS.dave,
      userPrincipalName: "dave@contoso.com",
      displayName: "Dave Boss",
      givenName: "Dave",
      surname: "Boss",
      department: "Sales",
      employeeId: "1004",
    }),
    directoryUser({
      id: IDS.alice,
      userPrincipalName: "alice@contoso.com",
      displayName: "Alice Adams",
      givenName: "Alice",
      surname: "Adams",
      department: "Sales",
      jobTitle: "Seller",
      employeeId: "1001",
      managerId: IDS.dave,
      city: "Seattle",
    }),
    directoryUser({
      id: IDS.bob,
      userPrincipalName: "bob@contoso.com",
      displayName: "Bob Brown",
      givenName: "Bob",
      surname: "Brown",
      department: "Engineering",
      employeeId: "1002",
    }),
    directoryUser({
      id: IDS.carol,
      userPrincipalName: "carol@contoso.com",
      displayName: "Carol Chen",
      givenName: "Carol",
      surname: "Chen",
      department: "Marketing",
      employeeId: "1003",
    }),
    directoryUser({
      id: IDS.erin,
      userPrincipalName: "erin@contoso.com",
      displayName: "Erin Eve",
      department: "Sales",
      employeeId: null,
    }),
  ];
  const adele: OnPremisesUser = {
    distinguishedName: ADELE_DN,
    attributes: {
      objectGUID: Buffer.from("0123456789abcdef0123456789abcdef", "hex").toString("base64"),
      objectSid: "S-1-5-21-1-2-3-1101",
      cn: "Adele Vance",
      displayName: "Adele Vance",
      givenName: "Adele",
      sn: "Vance",
      sAMAccountName: "adelev",
      userPrincipalName: "adelev@contoso.com",
      mail: "adelev@contoso.com",
      department: "Retail",
      l: "Chicago",
      userAccountControl: "512",
    },
  };
  const servicePrincipal: ServicePrincipal = {
    id: IDS.app,
    appId: "5e000000-0000-4000-8000-0000000000b1",
    displayName: "Contoso SCIM App",
    appDisplayName: "Contoso SCIM App",
    servicePrincipalType: "Application",
    accountEnabled: true,
    appRoleAssignmentRequired: true,
    tags: [],
    appRoles: [
      {
        id: ROLE_USER,
        displayName: "User",
        value: "User",
        description: "User",
        allowedMemberTypes: ["User"],
        isEnabled: true,
        origin: "Application",
      },
    ],
    appOwnerOrganizationId: "c0000000-0000-4000-8000-000000000000",
    applicationTemplateId: "8adf8e6e-67b2-4cf2-a259-e3dc5476c621",
    addedDateTime: "2024-01-01T00:00:00Z",
    assignments: [],
    jobs: [],
  };
  return {
    tenantId: "c0000000-0000-4000-8000-000000000000",
    displayName: "Contoso",
    defaultDomain: "contoso.com",
    users: new Map(users.map((u) => [u.id, u])),
    groups: new Map([
      [IDS.engineering, group(IDS.engineering, "Engineering", [IDS.bob])],
      [IDS.projectX, group(IDS.projectX, "Project X", [IDS.alice, IDS.bob])],
    ]),
    servicePrincipals: new Map([[servicePrincipal.id, servicePrincipal]]),
    onPremises: {
      domainName: "corp.contoso.com",
      netBiosName: "CONTOSO",
      users: new Map([[ADELE_DN.toLowerCase(), adele]]),
    },
  };
}

export function scimJob(
  schema: SynchronizationSchema,
  syncAssignedOnly = true,
  baseUrl = `https://demo.invalid/scim/${TARGET_ID}`,
): DemoJob {
  return {
    job: {
      id: `scim.c0000000000040008000000000000000.${IDS.app}`,
      templateId: "scim",
      schedule: { expiration: null, interval: "PT40M", state: "Active" },
      status: {
        code: "Active",
        countSuccessiveCompleteFailures: 0,
        escrowsPruned: false,
        lastExecution: null,
        lastSuccessfulExecution: null,
        lastSuccessfulExecutionWithExports: null,
        progress: [],
        quarantine: null,
        steadyStateFirstAchievedTime: "0001-01-01T00:00:00Z",
        steadyStateLastAchievedTime: "0001-01-01T00:00:00Z",
        synchronizedEntryCountByType: [],
        troubleshootingUrl: null,
      },
      synchronizationJobSettings: [],
    },
    schema,
    target: { kind: "scim", baseUrl, bearerToken: BEARER, systemName: "customappsso" },
    syncAssignedOnly,
  };
}

export interface DecodedAnswer {
  key: { result: string; details: { errorCode?: string; errorMessage?: string } };
  value: {
    action: string;
    modifiedProperties: { displayName: string; oldValue?: string | null; newValue: string | null }[];
    provisioningSteps: {
      name: string;
      type: string;
      status: string;
      description: string;
      details: Record<string, string>;
    }[];
    statusInfo: { status: string; errorCode?: string | null; reason?: string | null };
    targetIdentity: { id: string | null; type: string };
    [field: string]: unknown;
  };
  raw: { key: string; value: string };
}

/** A request the engine sent to change the app: `PATCH /Users/{id}` and its body. */
export interface ScimWrite {
  method: string;
  path: string;
  body: unknown;
}

async function scimWrite(request: Request): Promise<ScimWrite> {
  const text = await request.clone().text();
  return {
    method: request.method,
    path: new URL(request.url).pathname.replace(`/scim/${TARGET_ID}`, ""),
    body: text === "" ? null : JSON.parse(text),
  };
}

/** A tenant, a SCIM target and the engine wired together, with the helpers the tests speak in. */
export function engineHarness(options: { rejections?: ScimRejectionRule[] } = {}) {
  const tenant = buildTenant();
  const servicePrincipal = tenant.servicePrincipals.get(IDS.app)!;
  const targets = createScimTargets([
    { id: TARGET_ID, displayName: "Contoso SCIM App", bearerToken: BEARER, rejections: options.rejections },
  ]);
  let clock = Date.parse("2025-03-01T09:00:00.000Z");
  let nextId = 0;
  const writes: ScimWrite[] = [];
  const env: EngineEnvironment = {
    tenant,
    scimFetch: async (request) => {
      if (request.method !== "GET") writes.push(await scimWrite(request));
      return targets.handle(request);
    },
    now: () => new Date((clock += 7)),
    newId: () => `00000000-0000-4000-8000-${String(++nextId).padStart(12, "0")}`,
  };

  async function provision(job: DemoJob, subject: ProvisionSubject): Promise<DecodedAnswer> {
    const rule = job.schema.synchronizationRules[0]!;
    const raw = await runProvisionOnDemand(env, { servicePrincipal, job, rule, subjects: [subject] });
    return { key: JSON.parse(raw.key), value: JSON.parse(raw.value), raw };
  }

  return {
    env,
    tenant,
    servicePrincipal,
    targets,
    provision,
    provisionUser: (job: DemoJob, id: string) => provision(job, { objectId: id, objectTypeName: "User" }),
    assign(principalId: string, principalType: "User" | "Group" = "User") {
      servicePrincipal.assignments.push({
        id: `assignment-${principalId}`,
        principalId,
        principalType,
        principalDisplayName: principalId,
        appRoleId: ROLE_USER,
        resourceId: servicePrincipal.id,
        resourceDisplayName: servicePrincipal.displayName,
        createdDateTime: "2024-01-01T00:00:00Z",
        deletedDateTime: null,
      });
    },
    unassign(principalId: string) {
      servicePrincipal.assignments = servicePrincipal.assignments.filter(
        (a) => a.principalId !== principalId,
      );
    },
    updateUser(id: string, change: Partial<DirectoryUser>) {
      tenant.users.set(id, { ...tenant.users.get(id)!, ...change });
    },
    scimUsers: () => targets.list(TARGET_ID, "Users"),
    scimGroups: () => targets.list(TARGET_ID, "Groups"),
    scimUser: (userName: string) => targets.list(TARGET_ID, "Users").find((u) => u.userName === userName),
    requestLog: () => targets.requestLog(TARGET_ID),
    /** Every request that changes the app (POST, PATCH, PUT, DELETE), with its JSON body. */
    writes: () => [...writes],
    cloudSyncJob(): DemoJob {
      return { ...scimJob(cloudSyncSchema()), target: { kind: "entra" } };
    },
  };
}

export const defaultScimSchema = () => scimAppSchema({ targetDirectoryName: "customappsso" });
