import "server-only";
import type { ProvisionInput, ProvisionOnDemandAnswer, ProvisionSubject } from "../engine/provision";
import { findJob, findServicePrincipal } from "../graph/directory-lookup";
import { GraphError, resourceNotFound } from "../graph/graph-error";
import type { DemoJob, DirectoryUser, ServicePrincipal, TenantState } from "../model";
import type { ScimTargets } from "../scim";
import type { SeededTenant } from "../seed";
import { DEMO_FIXTURES, DEMO_SCIM_ORIGIN, FIXTURE_PEOPLE } from "../seed/fixtures";
import { assignPrincipal } from "./assignments";

// The guided demo: each story names its cast from the tenant, and its set-up puts back exactly what
// the story needs (from the seed), so the stories can be set up in any order and any number of times.

export const DEMO_SCENARIO_IDS = [
  "create",
  "update",
  "already-in-sync",
  "not-assigned",
  "out-of-scope",
  "disable",
  "target-failure",
  "group-with-members",
  "cloud-sync-create",
  "cloud-sync-change",
  "quarantine",
] as const;
export type DemoScenarioId = (typeof DEMO_SCENARIO_IDS)[number];

/** What a run of the story shows on the provision page: the test checks it, the panel says it. */
export interface ScenarioOutcome {
  outcome: "Success" | "Skipped" | "Failure";
  /** The action of a Success ("Create", "Update", "Disable"). */
  action: string | null;
  /** The reason code of a skip or the error code of a failure, as the result page names it. */
  reason: string | null;
}

export interface DemoScenarioView {
  id: DemoScenarioId;
  title: string;
  /** The story in one sentence, with its cast by name. */
  story: string;
  /** The people, group or AD account the story uses, by name. */
  cast: string[];
  applicationName: string;
  /** What the audience sees after Provision, in plain words. */
  promise: string;
  /** What to do after that first run, when the story goes on (the quarantine's repair). */
  nextSteps: string[];
  expected: ScenarioOutcome;
  /** The provision page to open, with the object chosen (ids for the link, never shown). */
  open: {
    servicePrincipalId: string;
    jobId: string;
    ruleId: string;
    kind: "user" | "group" | "onPremisesUser";
    userId: string | null;
    groupId: string | null;
    memberIds: string[];
    distinguishedName: string | null;
  };
}

export interface ScenarioDeps {
  tenant(): TenantState;
  /** The tenant as seeded, never changed: what a set-up puts back. */
  pristine(): SeededTenant;
  scim: ScimTargets;
  /** Runs the engine (not the Graph surface: no pacing, no log entry) to bring the target to a state. */
  provision(input: ProvisionInput): Promise<ProvisionOnDemandAnswer>;
  newId(): string;
  now(): Date;
}

const F = DEMO_FIXTURES;
const P = FIXTURE_PEOPLE;
const HR = F.scimApp;
const NORTHWIND = F.rejectingApp;
const TAILSPIN = F.quarantinedApp;
const CLOUD = F.cloudSync;
/** The title the update stories give Adele (in Entra for the HR Portal, in AD for Cloud Sync). */
export const UPDATED_TITLE = "Sales Director";
export const UPDATED_AD_TITLE = "Store Director";

interface Context {
  tenant: TenantState;
  seed: TenantState;
  deps: ScenarioDeps;
}

interface ScenarioDefinition {
  view(c: Context): Omit<DemoScenarioView, "id">;
  setUp(c: Context): Promise<void>;
}

// ---- Names, from the live tenant -----------------------------------------------------------------

const userName = (c: Context, id: string) =>
  c.tenant.users.get(id)?.displayName ?? c.seed.users.get(id)?.displayName ?? id;
const appName = (c: Context, spId: string) => c.tenant.servicePrincipals.get(spId)?.displayName ?? spId;
const groupName = (c: Context, id: string) => c.tenant.groups.get(id)?.displayName ?? id;
const onPremisesName = (c: Context, dn: string) =>
  c.tenant.onPremises.users.get(dn.toLowerCase())?.attributes.displayName ??
  /^CN=([^,]+)/i.exec(dn)?.[1] ??
  dn;
const firstName = (name: string) => name.split(" ")[0] ?? name;
const seedUser = (c: Context, id: string): DirectoryUser => {
  const user = c.seed.users.get(id);
  if (!user) throw resourceNotFound(id);
  return user;
};

const userLink = (spId: string, jobId: string, ruleId: string, userId: string): DemoScenarioView["open"] => ({
  servicePrincipalId: spId,
  jobId,
  ruleId,
  kind: "user",
  userId,
  groupId: null,
  memberIds: [],
  distinguishedName: null,
});
const dnLink = (dn: string): DemoScenarioView["open"] => ({
  servicePrincipalId: CLOUD.spId,
  jobId: CLOUD.jobId,
  ruleId: CLOUD.ruleId,
  kind: "onPremisesUser",
  userId: null,
  groupId: null,
  memberIds: [],
  distinguishedName: dn,
});

// ---- Putting the tenant back, piece by piece ----------------------------------------------------------

function restoreUser(c: Context, id: string, changes: Partial<DirectoryUser> = {}): void {
  c.tenant.users.set(id, { ...structuredClone(seedUser(c, id)), ...changes });
}

function restoreOnPremisesUser(c: Context, dn: string, attributes: Record<string, string> = {}): void {
  const seeded = c.seed.onPremises.users.get(dn.toLowerCase());
  if (!seeded) throw resourceNotFound(dn);
  const restored = structuredClone(seeded);
  restored.attributes = { ...restored.attributes, ...attributes };
  c.tenant.onPremises.users.set(dn.toLowerCase(), restored);
}

function jobOf(c: Context, spId: string, jobId: string): { sp: ServicePrincipal; job: DemoJob } {
  const sp = findServicePrincipal(c.tenant, spId);
  return { sp, job: findJob(sp, jobId) };
}

const targetIdOf = (job: DemoJob): string | null =>
  job.target.kind === "scim" && job.target.baseUrl.startsWith(`${DEMO_SCIM_ORIGIN}/scim/`)
    ? job.target.baseUrl.slice(`${DEMO_SCIM_ORIGIN}/scim/`.length).split("/")[0]!
    : null;

/** The job's credentials, and the app's, as seeded; with `wholeJob` its status and schedule too. */
function restoreJob(c: Context, spId: string, jobId: string, wholeJob = false): void {
  const { job } = jobOf(c, spId, jobId);
  const seeded = findJob(findServicePrincipal(c.seed, spId), jobId);
  job.target = structuredClone(seeded.target);
  if (wholeJob) {
    job.job = structuredClone(seeded.job);
    job.cycles = structuredClone(seeded.cycles);
  }
  const targetId = targetIdOf(job);
  const seededTarget = c.deps.pristine().scimTargets.find((t) => t.id === targetId);
  if (targetId && seededTarget?.bearerToken)
    c.deps.scim.replaceBearerToken(targetId, seededTarget.bearerToken);
}

/** A direct assignment of the user or group to the app (the seeded one when there was one). */
function ensureAssigned(c: Context, spId: string, principalId: string): void {
  const sp = findServicePrincipal(c.tenant, spId);
  if (sp.assignments.some((a) => a.principalId === principalId)) return;
  const seeded = findServicePrincipal(c.seed, spId).assignments.find((a) => a.principalId === principalId);
  if (seeded) sp.assignments.push(structuredClone(seeded));
  else assignPrincipal(c.tenant, spId, principalId, c.deps.newId, c.deps.now());
}

/** No assignment reaches the user: none directly, and no assigned group holds them. */
function ensureNotAssigned(c: Context, spId: string, userId: string): void {
  const sp = findServicePrincipal(c.tenant, spId);
  sp.assignments = sp.assignments.filter((a) => a.principalId !== userId);
  for (const assignment of sp.assignments) {
    const group = c.tenant.groups.get(assignment.principalId);
    if (group?.memberIds.includes(userId))
      c.tenant.groups.set(group.id, { ...group, memberIds: group.memberIds.filter((id) => id !== userId) });
  }
}

/** Takes the object out of the app's SCIM store, so the next run starts from nothing there. */
function forgetInTarget(
  c: Context,
  spId: string,
  jobId: string,
  type: "Users" | "Groups",
  name: string,
): void {
  const targetId = targetIdOf(jobOf(c, spId, jobId).job);
  if (targetId) c.deps.scim.forget(targetId, type, name);
}

/** Runs the engine for one subject and insists the target now holds it as the source says. */
async function provisionNow(
  c: Context,
  spId: string,
  jobId: string,
  ruleId: string,
  subject: ProvisionSubject,
) {
  const { sp, job } = jobOf(c, spId, jobId);
  const rule = job.schema.synchronizationRules.find((r) => r.id === ruleId);
  if (!rule) throw resourceNotFound(ruleId);
  const answer = await c.deps.provision({ servicePrincipal: sp, job, rule, subjects: [subject] });
  const { result, details } = JSON.parse(answer.key) as {
    result: string;
    details: { errorMessage?: string };
  };
  if (result !== "Success" && result !== "Skipped")
    throw new GraphError(
      409,
      "ScenarioSetUpFailed",
      `The scenario could not bring ${userName(c, subject.objectId)} into ${sp.displayName}: ${details.errorMessage ?? result}.`,
    );
}

const user = (id: string): ProvisionSubject => ({ objectId: id, objectTypeName: "User" });

/** The user, as seeded, assigned to the HR Portal with its seeded credentials. */
function hrUser(c: Context, id: string, changes: Partial<DirectoryUser> = {}) {
  restoreUser(c, id, changes);
  ensureAssigned(c, HR.spId, id);
  restoreJob(c, HR.spId, HR.jobId);
}

const tailspinUserId = (c: Context): string => {
  const seeded = findServicePrincipal(c.seed, TAILSPIN.spId).assignments.find(
    (a) => a.principalType === "User",
  );
  if (!seeded) throw resourceNotFound("a user assigned to Tailspin Travel");
  return seeded.principalId;
};

// ---- The stories --------------------------------------------------------------------------------

const SCENARIOS: Record<DemoScenarioId, ScenarioDefinition> = {
  create: {
    view: (c) => {
      const adele = userName(c, P.adele.id);
      const app = appName(c, HR.spId);
      return {
        title: "Create",
        story: `${adele} is assigned to ${app} and in Sales, but the app has never heard of her.`,
        cast: [adele],
        applicationName: app,
        promise: `Provision: Success — Create. ${adele} is created in ${app}; the changed attributes list her userName, title and department, each new.`,
        nextSteps: [],
        expected: { outcome: "Success", action: "Create", reason: null },
        open: userLink(HR.spId, HR.jobId, HR.ruleId, P.adele.id),
      };
    },
    setUp: async (c) => {
      hrUser(c, P.adele.id);
      forgetInTarget(c, HR.spId, HR.jobId, "Users", seedUser(c, P.adele.id).userPrincipalName);
    },
  },
  update: {
    view: (c) => {
      const adele = userName(c, P.adele.id);
      const app = appName(c, HR.spId);
      return {
        title: "Update",
        story: `${adele} is already in ${app}; her job title in Entra ID has just changed to ${UPDATED_TITLE}.`,
        cast: [adele],
        applicationName: app,
        promise: `Provision: Success — Update. The title attribute shows the old value, ${seedUser(c, P.adele.id).jobTitle}, and the new one, ${UPDATED_TITLE}; nothing else changes.`,
        nextSteps: [],
        expected: { outcome: "Success", action: "Update", reason: null },
        open: userLink(HR.spId, HR.jobId, HR.ruleId, P.adele.id),
      };
    },
    setUp: async (c) => {
      hrUser(c, P.adele.id);
      await provisionNow(c, HR.spId, HR.jobId, HR.ruleId, user(P.adele.id));
      restoreUser(c, P.adele.id, { jobTitle: UPDATED_TITLE });
    },
  },
  "already-in-sync": {
    view: (c) => {
      const adele = userName(c, P.adele.id);
      const app = appName(c, HR.spId);
      return {
        title: "Skip: already in sync",
        story: `${adele} is in ${app} and nothing about her has changed since.`,
        cast: [adele],
        applicationName: app,
        promise: `Provision: Skipped — already in sync (RedundantExport). ${app} already holds every value ${firstName(adele)}'s mappings give, so nothing is written.`,
        nextSteps: [],
        expected: { outcome: "Skipped", action: null, reason: "RedundantExport" },
        open: userLink(HR.spId, HR.jobId, HR.ruleId, P.adele.id),
      };
    },
    setUp: async (c) => {
      hrUser(c, P.adele.id);
      await provisionNow(c, HR.spId, HR.jobId, HR.ruleId, user(P.adele.id));
    },
  },
  "not-assigned": {
    view: (c) => {
      const isaiah = userName(c, P.isaiah.id);
      const app = appName(c, HR.spId);
      return {
        title: "Skip: not assigned",
        story: `${isaiah} works in Sales, inside the app's filter, but nobody assigned him to ${app}.`,
        cast: [isaiah],
        applicationName: app,
        promise: `Provision: Skipped — not assigned (NotEffectivelyEntitled). ${isaiah} is not assigned to ${app}, neither directly nor through a group; the explanation says to assign him on the app's Users and groups page.`,
        nextSteps: [],
        expected: { outcome: "Skipped", action: null, reason: "NotEffectivelyEntitled" },
        open: userLink(HR.spId, HR.jobId, HR.ruleId, P.isaiah.id),
      };
    },
    setUp: async (c) => {
      restoreUser(c, P.isaiah.id);
      ensureNotAssigned(c, HR.spId, P.isaiah.id);
      restoreJob(c, HR.spId, HR.jobId);
      forgetInTarget(c, HR.spId, HR.jobId, "Users", seedUser(c, P.isaiah.id).userPrincipalName);
    },
  },
  "out-of-scope": {
    view: (c) => {
      const alex = userName(c, P.alex.id);
      const app = appName(c, HR.spId);
      const department = seedUser(c, P.alex.id).department;
      return {
        title: "Skip: out of scope",
        story: `${alex} is assigned to ${app}, but he works in ${department}.`,
        cast: [alex],
        applicationName: app,
        promise: `Provision: Skipped — out of scope (NotEffectivelyEntitled). ${firstName(alex)}'s department, ${department}, is outside the scoping filter "department EQUALS Sales or Marketing"; the Scoping step shows the clause and his value.`,
        nextSteps: [],
        expected: { outcome: "Skipped", action: null, reason: "NotEffectivelyEntitled" },
        open: userLink(HR.spId, HR.jobId, HR.ruleId, P.alex.id),
      };
    },
    setUp: async (c) => {
      hrUser(c, P.alex.id);
      forgetInTarget(c, HR.spId, HR.jobId, "Users", seedUser(c, P.alex.id).userPrincipalName);
    },
  },
  disable: {
    view: (c) => {
      const johanna = userName(c, P.johanna.id);
      const app = appName(c, HR.spId);
      return {
        title: "Disable",
        story: `${johanna} has an account in ${app}; she has just been unassigned from the app.`,
        cast: [johanna],
        applicationName: app,
        promise: `Provision: Success — Disable. ${firstName(johanna)} left the app's scope (no assignment any more), so ${app} keeps her account but sets active to False; the explanation says why she left.`,
        nextSteps: [],
        expected: { outcome: "Success", action: "Disable", reason: null },
        open: userLink(HR.spId, HR.jobId, HR.ruleId, P.johanna.id),
      };
    },
    setUp: async (c) => {
      hrUser(c, P.johanna.id, { accountEnabled: true });
      await provisionNow(c, HR.spId, HR.jobId, HR.ruleId, user(P.johanna.id));
      ensureNotAssigned(c, HR.spId, P.johanna.id);
    },
  },
  "target-failure": {
    view: (c) => {
      const pradeep = userName(c, P.pradeep.id);
      const app = appName(c, NORTHWIND.spId);
      return {
        title: "Target failure",
        story: `${pradeep} is assigned to ${app}; his job title is ${seedUser(c, P.pradeep.id).jobTitle}.`,
        cast: [pradeep],
        applicationName: app,
        promise: `Provision: Failure. ${app} answers 400 — "Contractors cannot hold an expense account" — and the explanation names the app's message and what to do; nothing is written.`,
        nextSteps: [],
        expected: {
          outcome: "Failure",
          action: null,
          reason: "SystemForCrossDomainIdentityManagementBadResponse",
        },
        open: userLink(NORTHWIND.spId, NORTHWIND.jobId, NORTHWIND.ruleId, P.pradeep.id),
      };
    },
    setUp: async (c) => {
      restoreUser(c, P.pradeep.id);
      ensureAssigned(c, NORTHWIND.spId, P.pradeep.id);
      restoreJob(c, NORTHWIND.spId, NORTHWIND.jobId);
      forgetInTarget(
        c,
        NORTHWIND.spId,
        NORTHWIND.jobId,
        "Users",
        seedUser(c, P.pradeep.id).userPrincipalName,
      );
    },
  },
  "group-with-members": {
    view: (c) => {
      const group = groupName(c, F.groupWithMembers.id);
      const members = F.groupWithMembers.memberIds.map((id) => userName(c, id));
      const app = appName(c, HR.spId);
      return {
        title: "Group with members",
        story: `${group} is assigned to ${app}; neither the group nor its members ${members.join(", ")} are in the app yet.`,
        cast: [group, ...members],
        applicationName: app,
        promise: `Provision: Success — Create. ${group} is created in ${app}, and its ${members.length} members are listed with their own outcome: each one created.`,
        nextSteps: [],
        expected: { outcome: "Success", action: "Create", reason: null },
        open: {
          servicePrincipalId: HR.spId,
          jobId: HR.jobId,
          ruleId: HR.ruleId,
          kind: "group",
          userId: null,
          groupId: F.groupWithMembers.id,
          memberIds: [...F.groupWithMembers.memberIds],
          distinguishedName: null,
        },
      };
    },
    setUp: async (c) => {
      const seeded = c.seed.groups.get(F.groupWithMembers.id);
      if (!seeded) throw resourceNotFound(F.groupWithMembers.id);
      c.tenant.groups.set(seeded.id, structuredClone(seeded));
      for (const id of F.groupWithMembers.memberIds) {
        restoreUser(c, id);
        forgetInTarget(c, HR.spId, HR.jobId, "Users", seedUser(c, id).userPrincipalName);
      }
      ensureAssigned(c, HR.spId, seeded.id);
      restoreJob(c, HR.spId, HR.jobId);
      forgetInTarget(c, HR.spId, HR.jobId, "Groups", seeded.displayName);
    },
  },
  "cloud-sync-create": {
    view: (c) => {
      const patti = onPremisesName(c, CLOUD.newUserDn);
      const forest = c.tenant.onPremises.domainName;
      return {
        title: "Cloud Sync from AD",
        story: `${patti} has just joined: she exists in Active Directory (${forest}) but not yet in Entra ID.`,
        cast: [`${patti} (AD: ${CLOUD.newUserDn})`],
        applicationName: appName(c, CLOUD.spId),
        promise: `Provision by distinguished name: Success — Create. ${patti} is created in Entra ID from her AD account (Active Directory → Azure Active Directory), with the attributes Cloud Sync mapped.`,
        nextSteps: [],
        expected: { outcome: "Success", action: "Create", reason: null },
        open: dnLink(CLOUD.newUserDn),
      };
    },
    setUp: async (c) => {
      restoreOnPremisesUser(c, CLOUD.newUserDn);
      const upn = c.seed.onPremises.users.get(CLOUD.newUserDn.toLowerCase())?.attributes.userPrincipalName;
      for (const entra of [...c.tenant.users.values()])
        if (!c.seed.users.has(entra.id) && entra.userPrincipalName.toLowerCase() === upn?.toLowerCase())
          c.tenant.users.delete(entra.id);
    },
  },
  "cloud-sync-change": {
    view: (c) => {
      const adele = onPremisesName(c, CLOUD.syncedUserDn);
      const seeded = c.seed.onPremises.users.get(CLOUD.syncedUserDn.toLowerCase())?.attributes.title ?? "";
      return {
        title: "Cloud Sync: a change in AD",
        story: `${adele}'s title has just been changed in Active Directory, from ${seeded} to ${UPDATED_AD_TITLE}.`,
        cast: [`${adele} (AD: ${CLOUD.syncedUserDn})`],
        applicationName: appName(c, CLOUD.spId),
        promise: `Provision by distinguished name: Success — Update. Her Entra ID account follows AD: JobTitle goes from ${seeded} to ${UPDATED_AD_TITLE}.`,
        nextSteps: [],
        expected: { outcome: "Success", action: "Update", reason: null },
        open: dnLink(CLOUD.syncedUserDn),
      };
    },
    setUp: async (c) => {
      restoreUser(c, CLOUD.syncedUserEntraId);
      restoreOnPremisesUser(c, CLOUD.syncedUserDn, { title: UPDATED_AD_TITLE });
    },
  },
  quarantine: {
    view: (c) => {
      const app = appName(c, TAILSPIN.spId);
      const person = userName(c, tailspinUserId(c));
      return {
        title: "Quarantine and its repair",
        story: `${app}'s job is in quarantine: the app no longer accepts the token the job holds. ${person} is assigned to it.`,
        cast: [person],
        applicationName: app,
        promise: `Provision: Failure — ${app} refuses the job's credentials (401), the reason the job is in quarantine.`,
        nextSteps: [
          "Open Job health: Test connection fails the same way — the app refused the credentials.",
          `Play the app's side: type a new token and Issue at the app; then Update the secret token with the same token — it is saved and the test passes.`,
          "Restart the job (quarantine only): it is Active again.",
          `Back on Provision on demand, Provision again: Success — Create; ${person} is in ${app}.`,
        ],
        expected: {
          outcome: "Failure",
          action: null,
          reason: "SystemForCrossDomainIdentityManagementInvalidCredentials",
        },
        open: userLink(TAILSPIN.spId, TAILSPIN.jobId, TAILSPIN.ruleId, tailspinUserId(c)),
      };
    },
    setUp: async (c) => {
      const id = tailspinUserId(c);
      restoreUser(c, id);
      ensureAssigned(c, TAILSPIN.spId, id);
      restoreJob(c, TAILSPIN.spId, TAILSPIN.jobId, true);
      forgetInTarget(c, TAILSPIN.spId, TAILSPIN.jobId, "Users", seedUser(c, id).userPrincipalName);
    },
  },
};

const context = (deps: ScenarioDeps): Context => ({
  tenant: deps.tenant(),
  seed: deps.pristine().state,
  deps,
});

const isScenarioId = (id: string): id is DemoScenarioId =>
  (DEMO_SCENARIO_IDS as readonly string[]).includes(id);

/** Every story, in the order a demo tells them, named from the tenant as it is now. */
export function listScenarios(deps: ScenarioDeps): DemoScenarioView[] {
  const c = context(deps);
  return DEMO_SCENARIO_IDS.map((id) => ({ id, ...SCENARIOS[id].view(c) }));
}

/** Sets the tenant up for one story (again, if asked twice) and answers what the panel then shows. */
export async function setUpScenario(deps: ScenarioDeps, id: string): Promise<DemoScenarioView> {
  if (!isScenarioId(id))
    throw new GraphError(
      404,
      "Request_ResourceNotFound",
      `No demo scenario '${id}'. The scenarios are: ${DEMO_SCENARIO_IDS.join(", ")}.`,
    );
  const c = context(deps);
  await SCENARIOS[id].setUp(c);
  return { id, ...SCENARIOS[id].view(c) };
}
