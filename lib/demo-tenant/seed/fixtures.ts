import "server-only";

// Hand-picked objects of the seeded tenant. Their ids do not depend on the seed, so tests, docs and
// demos can name them; everything else in the tenant is drawn from the seeded random source.

export const CONTOSO_TENANT_ID = "cd1187dd-8c35-4ba5-ad25-335161c990d8";
/** The tenant id without dashes, as it appears inside job ids. */
export const CONTOSO_TENANT_HEX = CONTOSO_TENANT_ID.replaceAll("-", "");
export const CONTOSO_DOMAIN = "contoso.com";

/** The SCIM targets built into the demo tenant, addressed by jobs at `${DEMO_SCIM_ORIGIN}/scim/{targetId}`. */
export const DEMO_SCIM_ORIGIN = "https://demo-tenant.invalid";

const scimJobId = (guid: string) => `scim.${CONTOSO_TENANT_HEX}.${guid}`;

/** Entra users with a role in the demos; `key` picks the person in `FIXTURE_PEOPLE`. */
export interface FixturePerson {
  id: string;
  givenName: string;
  surname: string;
  /** Local part of the UPN, Microsoft-demo style (AdeleV@contoso.com). */
  alias: string;
  department: string | null;
  jobTitle: string | null;
  city: string;
  mail: boolean;
  employeeId: boolean;
  accountEnabled: boolean;
  softDeleted: boolean;
  /** Also present in the on-premises directory and synced by Cloud Sync. */
  syncedFromOnPremises: boolean;
}

const person = (
  p: Partial<FixturePerson> & Pick<FixturePerson, "id" | "givenName" | "surname" | "alias">,
): FixturePerson => ({
  department: "Sales",
  jobTitle: "Account Executive",
  city: "Chicago",
  mail: true,
  employeeId: true,
  accountEnabled: true,
  softDeleted: false,
  syncedFromOnPremises: false,
  ...p,
});

export const FIXTURE_PEOPLE = {
  adele: person({
    id: "69bdd931-211b-469b-bd21-0c279cd91efd",
    givenName: "Adele",
    surname: "Vance",
    alias: "AdeleV",
    jobTitle: "Retail Manager",
    syncedFromOnPremises: true,
  }),
  alex: person({
    id: "5efe6880-dab5-4099-ba7d-2fbbf8af3dc4",
    givenName: "Alex",
    surname: "Wilber",
    alias: "AlexW",
    department: "Engineering",
    jobTitle: "Software Engineer",
    city: "Seattle",
  }),
  isaiah: person({
    id: "9455b2d5-d288-4983-a386-4905335d3068",
    givenName: "Isaiah",
    surname: "Langer",
    alias: "IsaiahL",
    jobTitle: "Sales Representative",
  }),
  johanna: person({
    id: "c5dd5d68-c1f2-4b5e-a17f-ecea723e1697",
    givenName: "Johanna",
    surname: "Lorenz",
    alias: "JohannaL",
    department: "Marketing",
    jobTitle: "Marketing Specialist",
    city: "Munich",
    accountEnabled: false,
  }),
  lidia: person({
    id: "65b0dd58-8c45-497e-af7a-d994dc4dcf03",
    givenName: "Lidia",
    surname: "Holloway",
    alias: "LidiaH",
    softDeleted: true,
  }),
  henrietta: person({
    id: "09aaa69b-5d57-409a-bde5-8822f6643e86",
    givenName: "Henrietta",
    surname: "Mueller",
    alias: "HenriettaM",
    department: null,
    jobTitle: null,
    mail: false,
    employeeId: false,
  }),
  lynne: person({
    id: "01af5ccc-71d0-45bc-8b84-3af7aa496087",
    givenName: "Lynne",
    surname: "Robbins",
    alias: "LynneR",
    city: "London",
    jobTitle: "Sales Manager",
  }),
  diego: person({
    id: "deea7e95-c1b7-4ea0-92b2-5c08fb83ed4b",
    givenName: "Diego",
    surname: "Siciliani",
    alias: "DiegoS",
    department: "Marketing",
    jobTitle: "Marketing Manager",
    city: "Paris",
  }),
  megan: person({
    id: "5930e14b-a8eb-4fb8-8dce-f64882db733d",
    givenName: "Megan",
    surname: "Bowen",
    alias: "MeganB",
    department: "Marketing",
    jobTitle: "Content Strategist",
    city: "London",
  }),
  nestor: person({
    id: "221e719a-ae9e-4841-be06-c855cb1867e2",
    givenName: "Nestor",
    surname: "Wilke",
    alias: "NestorW",
    city: "Munich",
  }),
  pradeep: person({
    id: "e0a6267e-3e21-4738-a3b0-5fbf372c871b",
    givenName: "Pradeep",
    surname: "Gupta",
    alias: "PradeepG",
    department: "Operations",
    jobTitle: "Contractor",
  }),
  grady: person({
    id: "f760b789-2442-410f-91b5-2c0d242f0ddf",
    givenName: "Grady",
    surname: "Archie",
    alias: "GradyA",
    department: "Operations",
    jobTitle: "Operations Analyst",
  }),
} satisfies Record<string, FixturePerson>;

const userFixture = (p: FixturePerson) => ({
  id: p.id,
  userPrincipalName: `${p.alias}@${CONTOSO_DOMAIN}`,
  displayName: `${p.givenName} ${p.surname}`,
});

const ONPREM_SUFFIX = "OU=Users,OU=Chicago,DC=corp,DC=contoso,DC=com";

export const DEMO_FIXTURES = {
  tenantId: CONTOSO_TENANT_ID,
  /** "Contoso HR Portal (SCIM)": sync assigned, scoping filter department EQUALS Sales OR Marketing. */
  scimApp: {
    spId: "8b1c7592-8a16-4e8b-a46f-3d7ca01a0158",
    appId: "c40662cd-e224-48e3-a681-3f2391618819",
    displayName: "Contoso HR Portal (SCIM)",
    jobId: scimJobId("e6d31902-1112-4a93-9b26-0ea8d8711cc0"),
    ruleId: "ea807875-5618-4f0a-9125-0b46a05298ca",
    targetId: "hr-portal",
  },
  /**
   * "Contoso Learning Hub": two jobs, each with its own rule and SCIM target. The first (users and
   * groups) has the rule id of Graph's group example, so that example works as written.
   */
  twoJobApp: {
    spId: "9e114e63-6b46-4b4e-94d8-c831713e6940",
    appId: "b872bbdb-53e0-465c-b9f6-f3a4ba67bbc0",
    displayName: "Contoso Learning Hub",
    jobs: [
      {
        jobId: scimJobId("8e8f9f2e-6ba5-4ce2-a119-a34e852ac408"),
        ruleId: "33f7c90d-bf71-41b1-bda6-aaf0ddbee5d8#V2",
        targetId: "learning-hub",
      },
      {
        jobId: scimJobId("8d1d24a5-0481-41fe-9f01-b9f0e8f3de44"),
        ruleId: "03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8#V2",
        targetId: "learning-archive",
      },
    ],
  },
  /** Cloud Sync (AD → Entra ID) for corp.contoso.com. */
  cloudSync: {
    spId: "2fef5ce9-d461-4e4c-8e34-a2f944679861",
    appId: "d80dd6b4-3ed6-4207-a1ff-25b3d1865279",
    displayName: "corp.contoso.com",
    jobId: `AD2AADProvisioning.${CONTOSO_TENANT_HEX}.e9a691e9-36d8-42c6-8bf0-d67f5c504235`,
    /** The rule id of the AD2AADProvisioning template (the same in every tenant). */
    ruleId: "6c409270-f78a-4bc6-af23-7cf3ab6482fe",
    /** In AD and already synced to Entra (as Adele Vance). */
    syncedUserDn: `CN=Adele Vance,${ONPREM_SUFFIX}`,
    syncedUserEntraId: FIXTURE_PEOPLE.adele.id,
    /** In AD only: provisioning on demand creates her in Entra ID. */
    newUserDn: `CN=Patti Fernandez,${ONPREM_SUFFIX}`,
  },
  /** "Tailspin Travel (SCIM)": job in quarantine because of invalid credentials. */
  quarantinedApp: {
    spId: "31c969eb-2d65-47ab-8fa8-e65d5d56a87f",
    appId: "6f075439-1b43-44e8-abcd-2bd4e48485bc",
    displayName: "Tailspin Travel (SCIM)",
    jobId: scimJobId("65b81d39-2131-4579-845b-406fb05db82e"),
    ruleId: "ddee4655-513b-43ba-a2c3-30558ab3d822",
    targetId: "tailspin-travel",
  },
  /** "Northwind Expenses (SCIM)": its target refuses users whose title is "Contractor". */
  rejectingApp: {
    spId: "c5e5e24f-483d-4f57-808e-f72a5e7b33ff",
    appId: "eef9297c-75d3-430e-bc4d-dc88ee1e6507",
    displayName: "Northwind Expenses (SCIM)",
    jobId: scimJobId("f5150e15-23fa-4e22-bb37-a8c0f55d29cb"),
    ruleId: "7f90ef2d-4ae1-4867-b285-2e0316bbc51d",
    targetId: "northwind-expenses",
  },
  /** Assigned directly to the HR Portal, department Sales: provisioned. */
  inScopeUser: userFixture(FIXTURE_PEOPLE.adele),
  /** Assigned directly to the HR Portal, department Engineering: skipped by the scoping filter. */
  outOfScopeUser: userFixture(FIXTURE_PEOPLE.alex),
  /** Department Sales but not assigned to the HR Portal: NotEffectivelyEntitled. */
  unassignedUser: userFixture(FIXTURE_PEOPLE.isaiah),
  /** Assigned to the HR Portal but accountEnabled false. */
  disabledUser: userFixture(FIXTURE_PEOPLE.johanna),
  /** Assigned to the HR Portal, then soft-deleted (in the recycle bin). */
  softDeletedUser: userFixture(FIXTURE_PEOPLE.lidia),
  /** Assigned to the HR Portal with no mail, department or employeeId. */
  missingAttributesUser: userFixture(FIXTURE_PEOPLE.henrietta),
  /** Assigned to Northwind Expenses with jobTitle "Contractor": its target answers 400. */
  rejectedUser: userFixture(FIXTURE_PEOPLE.pradeep),
  /** Assigned to Northwind Expenses and accepted by its target. */
  acceptedUser: userFixture(FIXTURE_PEOPLE.grady),
  /** "Sales Team EMEA", assigned to the HR Portal; its four members are all in scope. */
  groupWithMembers: {
    id: "37f3cab5-edc6-458b-a335-e87ec019f718",
    displayName: "Sales Team EMEA",
    memberIds: [
      FIXTURE_PEOPLE.lynne.id,
      FIXTURE_PEOPLE.diego.id,
      FIXTURE_PEOPLE.megan.id,
      FIXTURE_PEOPLE.nestor.id,
    ],
  },
} as const;

export type DemoFixtures = typeof DEMO_FIXTURES;

/** App role ids used by the seeded SCIM apps ("User" and the default "msiam_access"). */
export const SCIM_APP_ROLES = {
  user: "18d14569-c3bd-439b-9a66-3a2aee01d14f",
  msiamAccess: "b9632174-c057-4f7e-951b-be3adc52bfe6",
} as const;
/** The role an assignment gets when an app defines none: Graph's default access role. */
export const DEFAULT_ACCESS_ROLE_ID = "00000000-0000-0000-0000-000000000000";
/** The tenant that owns Microsoft's first-party applications (appOwnerOrganizationId). */
export const MICROSOFT_TENANT_ID = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
/** Entra's application templates: a non-gallery app, and the Cloud Sync agent's configuration. */
export const APPLICATION_TEMPLATES = {
  nonGallery: "8adf8e6e-67b2-4cf2-a259-e3dc5476c621",
  cloudSync: "1a4721b3-e57f-4451-ae87-ef078703ec94",
} as const;

/** An app registered in the demo tenant that gets Graph tokens from its token endpoint (client credentials). */
export interface DeveloperClient {
  clientId: string;
  /** The service principal's object id: the token's `oid` and `sub`. */
  objectId: string;
  displayName: string;
  /** A development secret, published here on purpose: the demo tenant holds no real data. */
  clientSecret: string;
  /** The application permissions granted to it, as its tokens' `roles`. */
  roles: readonly string[];
}

/**
 * Apps a developer can get a Graph token for at `POST /{tenantId}/oauth2/v2.0/token`: one with the
 * permissions provisioning on demand needs, and a reader without Synchronization.ReadWrite.All.
 */
export const DEVELOPER_CLIENTS = {
  provisioning: {
    clientId: "0f5c3a62-7a0e-4b7b-9d2f-6e1c8b4a9d31",
    objectId: "4c2a9e71-3b5d-4f8a-a1c6-0d7e9b2f5a48",
    displayName: "Contoso Provisioning Automation",
    clientSecret: "demo~provisioning-automation-secret",
    roles: ["Synchronization.ReadWrite.All", "Application.Read.All", "User.Read.All", "Group.Read.All"],
  },
  reader: {
    clientId: "a83e1d47-5c96-4e2b-8f0a-3b7d6c1e9f52",
    objectId: "d1f7b3a9-6e24-4c8d-b5a0-9c3e2f7d1b64",
    displayName: "Contoso Directory Reader",
    clientSecret: "demo~directory-reader-secret",
    roles: ["User.Read.All", "Group.Read.All", "Application.Read.All"],
  },
} as const satisfies Record<string, DeveloperClient>;
