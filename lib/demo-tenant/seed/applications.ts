import "server-only";
import { createHash } from "node:crypto";
import type { ScimTargetConfig } from "../scim";
import type {
  AppRole,
  DemoJob,
  DirectoryGroup,
  DirectoryUser,
  ScopingFilter,
  ServicePrincipal,
} from "../model";
import { daysBeforeReference, directoryTimestamp } from "./clock";
import { assignmentFor } from "./app-role-assignment";
import {
  APPLICATION_TEMPLATES,
  CONTOSO_TENANT_ID,
  DEMO_FIXTURES,
  DEMO_SCIM_ORIGIN,
  DEVELOPER_CLIENTS,
  FIXTURE_PEOPLE,
  MICROSOFT_TENANT_ID,
  SCIM_APP_ROLES,
} from "./fixtures";
import { activeStatus, quarantinedStatus, synchronizationJob } from "./jobs";
import {
  APPLICATION_NAMES,
  INTERNAL_APP_AREAS,
  INTERNAL_APP_KINDS,
  MICROSOFT_APPLICATION_NAMES,
  MICROSOFT_APPLICATIONS,
} from "./names";
import type { SeededRandom } from "./random";
import { cloudSyncSchema, scimAppSchema } from "./schemas";

const INTERNAL_APP_COUNT = 70;

/** A SCIM target the demo tenant hosts itself, as `createScimTargets` takes it. */
export type SeededScimTarget = ScimTargetConfig;

export interface SeededApplications {
  servicePrincipals: Map<string, ServicePrincipal>;
  scimTargets: SeededScimTarget[];
}

interface Directory {
  users: Map<string, DirectoryUser>;
  groups: Map<string, DirectoryGroup>;
}

function scimAppRoles(): AppRole[] {
  const role = (id: string, name: string, description: string): AppRole => ({
    id,
    displayName: name,
    value: null,
    description,
    allowedMemberTypes: ["User"],
    isEnabled: true,
    origin: "Application",
  });
  return [
    role(SCIM_APP_ROLES.user, "User", "User"),
    role(SCIM_APP_ROLES.msiamAccess, "msiam_access", "msiam_access"),
  ];
}

/** A gallery app's template id: fixed per app, as in every tenant, and drawn from no random stream. */
function galleryTemplateId(name: string): string {
  const hex = createHash("sha256").update(`gallery:${name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function servicePrincipal(
  random: SeededRandom,
  fields: {
    id?: string;
    appId?: string;
    displayName: string;
    tags: string[];
    appRoles: AppRole[];
    microsoft?: boolean;
    assignmentRequired?: boolean;
    applicationTemplateId?: string | null;
    gallery?: boolean;
  },
): ServicePrincipal {
  // Every draw is made even when a value is given, so the seeded stream stays as it was.
  const id = random.guid();
  const appId = random.guid();
  return {
    id: fields.id ?? id,
    appId: fields.appId ?? appId,
    displayName: fields.displayName,
    appDisplayName: fields.displayName,
    servicePrincipalType: "Application",
    accountEnabled: true,
    appRoleAssignmentRequired: fields.assignmentRequired ?? !fields.microsoft,
    tags: fields.tags,
    appRoles: fields.appRoles,
    appOwnerOrganizationId: fields.microsoft ? MICROSOFT_TENANT_ID : CONTOSO_TENANT_ID,
    applicationTemplateId:
      fields.applicationTemplateId === undefined
        ? fields.microsoft
          ? null
          : fields.gallery
            ? galleryTemplateId(fields.displayName)
            : APPLICATION_TEMPLATES.nonGallery
        : fields.applicationTemplateId,
    addedDateTime: directoryTimestamp(daysBeforeReference(random, 10, 2400)),
    assignments: [],
    jobs: [],
  };
}

function assign(
  random: SeededRandom,
  sp: ServicePrincipal,
  directory: Directory,
  userIds: string[],
  groupIds: string[],
) {
  for (const id of userIds) {
    const user = directory.users.get(id);
    if (user)
      sp.assignments.push(
        assignmentFor(
          random,
          sp,
          { kind: "User", user },
          directoryTimestamp(daysBeforeReference(random, 1, 300)),
        ),
      );
  }
  for (const id of groupIds) {
    const group = directory.groups.get(id);
    if (group)
      sp.assignments.push(
        assignmentFor(
          random,
          sp,
          { kind: "Group", group },
          directoryTimestamp(daysBeforeReference(random, 1, 300)),
        ),
      );
  }
}

function randomActiveUserIds(
  random: SeededRandom,
  users: DirectoryUser[],
  count: number,
  where: (u: DirectoryUser) => boolean = () => true,
): string[] {
  const chosen = new Set<string>();
  for (let tries = 0; chosen.size < count && tries < count * 50; tries++) {
    const u = random.pick(users);
    if (u.deletedDateTime === null && where(u)) chosen.add(u.id);
  }
  return [...chosen];
}

const departmentScope = (departments: string[]): ScopingFilter => ({
  groups: departments.map((d) => ({
    name: `${d} department`,
    clauses: [{ operatorName: "EQUALS", sourceOperandName: "department", targetOperand: { values: [d] } }],
  })),
  inputFilterGroups: [],
  categoryFilterGroups: [],
});

const SCIM_JOB_SETTINGS = [{ name: "QuarantineTooManyDeletesThreshold", value: "500" }];

function scimJob(
  random: SeededRandom,
  app: { jobId: string; ruleId: string; targetId: string },
  options: {
    syncAssignedOnly: boolean;
    userScope?: ScopingFilter;
    includeGroups: boolean;
    quarantined?: boolean;
    token: string;
  },
): DemoJob {
  const schema = scimAppSchema({
    ruleId: app.ruleId,
    targetDirectoryName: "customappsso",
    userScope: options.userScope ?? null,
    includeGroups: options.includeGroups,
    schemaId: app.jobId,
  });
  const status = options.quarantined
    ? quarantinedStatus(random)
    : activeStatus(random, [
        { key: "user to User", value: random.between(10, 300) },
        ...(options.includeGroups ? [{ key: "group to Group", value: random.between(1, 20) }] : []),
      ]);
  return {
    job: synchronizationJob(app.jobId, "scim", status, SCIM_JOB_SETTINGS),
    schema,
    target: {
      kind: "scim",
      baseUrl: `${DEMO_SCIM_ORIGIN}/scim/${app.targetId}`,
      bearerToken: options.token,
      systemName: "customappsso",
    },
    syncAssignedOnly: options.syncAssignedOnly,
  };
}

function cloudSyncJob(random: SeededRandom): DemoJob {
  const { jobId } = DEMO_FIXTURES.cloudSync;
  const domain = JSON.stringify({
    DomainDiscoveredAt: "2026-03-02T09:07:29.6734347Z",
    DomainFQDN: "corp.contoso.com",
    DomainNetBios: "CONTOSO",
    ForestFQDN: "corp.contoso.com",
    ForestNetBios: "CONTOSO",
  });
  const settings = [
    { name: "AzureIngestionAttributeOptimization", value: "False" },
    { name: "LookaheadQueryEnabled", value: "False" },
    { name: "Domain", value: domain },
    { name: "DomainFQDN", value: "corp.contoso.com" },
    { name: "DomainNetBios", value: "CONTOSO" },
    { name: "ForestFQDN", value: "corp.contoso.com" },
    { name: "ForestNetBios", value: "CONTOSO" },
  ];
  const status = activeStatus(random, [{ key: "user to User", value: 241 }]);
  return {
    job: synchronizationJob(jobId, "AD2AADProvisioning", status, settings, "PT2M"),
    schema: cloudSyncSchema({ schemaId: jobId }),
    target: { kind: "entra" },
    syncAssignedOnly: false,
  };
}

/** The tokens the built-in SCIM targets expect; seeded so they are stable but not guessable constants. */
const token = (random: SeededRandom) => Buffer.from(random.bytes(24)).toString("base64url");

/** Five apps with provisioning, ~210 without, as in a real tenant where most apps only do SSO. */
export function seedApplications(random: SeededRandom, directory: Directory): SeededApplications {
  const servicePrincipals = new Map<string, ServicePrincipal>();
  const scimTargets: SeededScimTarget[] = [];
  const users = [...directory.users.values()];
  const add = (sp: ServicePrincipal) => servicePrincipals.set(sp.id, sp);
  const galleryTags = ["WindowsAzureActiveDirectoryIntegratedApp"];
  const customTags = [
    "WindowsAzureActiveDirectoryCustomSingleSignOnApplication",
    "WindowsAzureActiveDirectoryIntegratedApp",
  ];

  for (const name of MICROSOFT_APPLICATION_NAMES)
    add(
      servicePrincipal(random, {
        displayName: name,
        appId: MICROSOFT_APPLICATIONS[name],
        tags: [],
        appRoles: [],
        microsoft: true,
      }),
    );
  for (const name of APPLICATION_NAMES) {
    const sp = servicePrincipal(random, {
      displayName: name,
      tags: galleryTags,
      appRoles: scimAppRoles(),
      gallery: true,
    });
    if (random.chance(0.4))
      assign(random, sp, directory, randomActiveUserIds(random, users, random.between(1, 8)), []);
    add(sp);
  }
  const internalNames = INTERNAL_APP_AREAS.flatMap((area) =>
    INTERNAL_APP_KINDS.map((kind) => `Contoso ${area} ${kind}`),
  );
  for (let i = 0; i < INTERNAL_APP_COUNT && internalNames.length > 0; i++) {
    const [name] = internalNames.splice(random.int(internalNames.length), 1);
    if (name)
      add(servicePrincipal(random, { displayName: name, tags: customTags, appRoles: scimAppRoles() }));
  }

  const hr = DEMO_FIXTURES.scimApp;
  const hrSp = servicePrincipal(random, {
    id: hr.spId,
    appId: hr.appId,
    displayName: hr.displayName,
    tags: customTags,
    appRoles: scimAppRoles(),
  });
  const p = FIXTURE_PEOPLE;
  const salesOrMarketing = (u: DirectoryUser) => u.department === "Sales" || u.department === "Marketing";
  assign(
    random,
    hrSp,
    directory,
    [
      p.adele.id,
      p.alex.id,
      p.johanna.id,
      p.lidia.id,
      p.henrietta.id,
      ...randomActiveUserIds(random, users, 30, salesOrMarketing),
    ],
    [DEMO_FIXTURES.groupWithMembers.id],
  );
  const hrToken = token(random);
  hrSp.jobs.push(
    scimJob(random, hr, {
      syncAssignedOnly: true,
      userScope: departmentScope(["Sales", "Marketing"]),
      includeGroups: true,
      token: hrToken,
    }),
  );
  scimTargets.push({ id: hr.targetId, displayName: "Contoso HR Portal", bearerToken: hrToken });
  add(hrSp);

  const learning = DEMO_FIXTURES.twoJobApp;
  const learningSp = servicePrincipal(random, {
    id: learning.spId,
    appId: learning.appId,
    displayName: learning.displayName,
    tags: customTags,
    appRoles: scimAppRoles(),
  });
  assign(random, learningSp, directory, randomActiveUserIds(random, users, 20), [
    DEMO_FIXTURES.groupWithMembers.id,
  ]);
  learning.jobs.forEach((jobFixture, index) => {
    const jobToken = token(random);
    learningSp.jobs.push(
      scimJob(random, jobFixture, {
        syncAssignedOnly: index === 0,
        includeGroups: index === 0,
        token: jobToken,
      }),
    );
    scimTargets.push({
      id: jobFixture.targetId,
      displayName: index === 0 ? "Contoso Learning Hub" : "Contoso Learning Archive",
      bearerToken: jobToken,
    });
  });
  add(learningSp);

  const cloud = DEMO_FIXTURES.cloudSync;
  const cloudSp = servicePrincipal(random, {
    id: cloud.spId,
    appId: cloud.appId,
    displayName: cloud.displayName,
    tags: [],
    appRoles: [],
    assignmentRequired: false,
    applicationTemplateId: APPLICATION_TEMPLATES.cloudSync,
  });
  cloudSp.jobs.push(cloudSyncJob(random));
  add(cloudSp);

  const tailspin = DEMO_FIXTURES.quarantinedApp;
  const tailspinSp = servicePrincipal(random, {
    id: tailspin.spId,
    appId: tailspin.appId,
    displayName: tailspin.displayName,
    tags: customTags,
    appRoles: scimAppRoles(),
  });
  assign(random, tailspinSp, directory, randomActiveUserIds(random, users, 12), []);
  const tailspinToken = token(random);
  tailspinSp.jobs.push(
    scimJob(random, tailspin, {
      syncAssignedOnly: true,
      includeGroups: false,
      quarantined: true,
      token: `${tailspinToken}-expired`,
    }),
  );
  scimTargets.push({ id: tailspin.targetId, displayName: "Tailspin Travel", bearerToken: tailspinToken });
  add(tailspinSp);

  const northwind = DEMO_FIXTURES.rejectingApp;
  const northwindSp = servicePrincipal(random, {
    id: northwind.spId,
    appId: northwind.appId,
    displayName: northwind.displayName,
    tags: customTags,
    appRoles: scimAppRoles(),
  });
  assign(
    random,
    northwindSp,
    directory,
    [p.pradeep.id, p.grady.id, ...randomActiveUserIds(random, users, 10)],
    [],
  );
  const northwindToken = token(random);
  northwindSp.jobs.push(
    scimJob(random, northwind, { syncAssignedOnly: true, includeGroups: false, token: northwindToken }),
  );
  scimTargets.push({
    id: northwind.targetId,
    displayName: "Northwind Expenses",
    bearerToken: northwindToken,
    rejections: [
      {
        attribute: "title",
        matches: "Contractor",
        operations: ["create", "update"],
        status: 400,
        scimType: "invalidValue",
        detail: "Contractors cannot hold an expense account. Use the contractor portal instead.",
      },
    ],
  });
  add(northwindSp);

  // The apps a developer gets tokens for exist in the directory too; made last and from no random draw.
  for (const client of Object.values(DEVELOPER_CLIENTS))
    add({
      id: client.objectId,
      appId: client.clientId,
      displayName: client.displayName,
      appDisplayName: client.displayName,
      servicePrincipalType: "Application",
      accountEnabled: true,
      appRoleAssignmentRequired: false,
      tags: ["WindowsAzureActiveDirectoryIntegratedApp"],
      appRoles: [],
      appOwnerOrganizationId: CONTOSO_TENANT_ID,
      applicationTemplateId: null,
      addedDateTime: "2026-06-01T09:00:00Z",
      assignments: [],
      jobs: [],
    });

  return { servicePrincipals, scimTargets };
}
