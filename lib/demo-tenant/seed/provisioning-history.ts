import "server-only";
import { guidText } from "../engine/cloud-sync";
import { assignmentsOf, entraUserReader } from "../engine/entra-source";
import { evaluateScopingFilter } from "../engine/scoping";
import type { DemoJob, DirectoryUser, ServicePrincipal, TenantState } from "../model";
import { lazyRecordOf, type LogRecord } from "../provisioning-log/entry";
import {
  appGroupCreateEntry,
  appUserEntry,
  cloudSyncUserEntry,
  type AppEventContext,
  type AppUserEvent,
  type HistoryIds,
} from "../provisioning-log/history-entries";
import { DEMO_FIXTURES, FIXTURE_PEOPLE } from "./fixtures";
import { createSeededRandom, type SeededRandom } from "./random";

// The provisioning log the demo tenant starts with: a few days of scheduled cycles that tell a story.
// Provisioning was switched on for the SCIM apps when the window opens, so the first cycle creates
// everyone in scope; later cycles update a few users each, skip those already in sync, disable the
// one disabled and the one deleted, and Northwind Expenses has an outage yesterday and two users
// whose changes keep failing (escrowed). Cloud Sync updates users changed in Active Directory.
//
// The content depends only on the seed; the times end where the tenant starts, so "the last days"
// are the last days whenever the demo runs.

export interface HistoryOptions {
  seed: number;
  /** The newest cycle ends just before this (the tenant's start). */
  endsAt: number;
  days?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SCIM_INTERVAL = 40 * MINUTE;
const TITLES = [
  "Account Executive",
  "Sales Representative",
  "Marketing Specialist",
  "Content Writer",
  "Business Analyst",
  "Project Coordinator",
  "Team Lead",
  "Office Manager",
];

const CITIES = ["Chicago", "Seattle", "London", "Munich", "Paris", "Sydney", "Tokyo"];

/** A plausible change of one mapped attribute, ending at the user's value today. */
function attributeChange(
  random: SeededRandom,
  user: DirectoryUser,
): { property: string; oldValue: string | null; newValue: string | null } {
  const choice = random.int(3);
  if (choice === 1 && user.mobilePhone)
    return {
      property: 'phoneNumbers[type eq "mobile"].value',
      oldValue: `${user.mobilePhone.slice(0, -4)}${String(random.between(1000, 9999))}`,
      newValue: user.mobilePhone,
    };
  if (choice === 2 && user.city)
    return {
      property: 'addresses[type eq "work"].locality',
      oldValue: random.pick(CITIES.filter((c) => c !== user.city)),
      newValue: user.city,
    };
  return {
    property: "title",
    oldValue: random.pick(TITLES.filter((t) => t !== user.jobTitle)),
    newValue: user.jobTitle,
  };
}

interface Planner {
  random: SeededRandom;
  records: Omit<LogRecord, "seq">[];
  ids(at: number, cycleId: string): HistoryIds;
}

function planner(seed: number): Planner {
  const random = createSeededRandom(seed ^ 0x6c8e9cf5);
  return {
    random,
    records: [],
    ids: (at, cycleId) => ({
      id: random.guid(),
      cycleId,
      changeId: random.guid(),
      at,
      durationMs: random.between(250, 2_800),
    }),
  };
}

/** The users an app's assignments reach, directly or through a group they are a direct member of. */
function assignedUsers(state: TenantState, sp: ServicePrincipal): DirectoryUser[] {
  const out: DirectoryUser[] = [];
  for (const user of state.users.values()) if (assignmentsOf(state, sp, user.id).length > 0) out.push(user);
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

function scopeOf(state: TenantState, sp: ServicePrincipal, job: DemoJob, user: DirectoryUser) {
  const mapping = job.schema.synchronizationRules[0]?.objectMappings.find(
    (m) => m.sourceObjectName === "User",
  );
  return evaluateScopingFilter(mapping?.scope ?? null, entraUserReader(state, sp, user));
}

/** The times of a job's scheduled cycles in the window, oldest first. */
function cycleTimes(start: number, end: number, interval: number, random: SeededRandom): number[] {
  const times: number[] = [];
  for (let at = start + random.between(1, 9) * MINUTE; at < end - 2 * MINUTE; at += interval) times.push(at);
  return times;
}

interface AppJobPlan {
  sp: ServicePrincipal;
  job: DemoJob;
  users: DirectoryUser[];
  /** Create everyone in scope at the first cycle (false: a "sync all" job already running). */
  initialCycle: boolean;
  /** User ids whose exports keep failing from this cycle on, with the failure. */
  escrows?: Map<string, { from: number; failure: Extract<AppUserEvent, { kind: "failure" }> }>;
  /** Cycles in which every update fails (the target was down). */
  outage?: { from: number; to: number };
  updatesPerCycle: number;
}

function appJobHistory(state: TenantState, p: Planner, plan: AppJobPlan, start: number, end: number) {
  const { sp, job, random } = { ...plan, random: p.random };
  const target = job.target;
  if (target.kind !== "scim") return;
  const context: AppEventContext = {
    tenantId: state.tenantId,
    servicePrincipal: sp,
    jobId: job.job.id,
    systemName: target.systemName,
    why: job.syncAssignedOnly ? "is active and assigned" : "is active and in scope",
  };
  const targetIds = new Map<string, string>();
  const failedInOutage = new Map<string, AppUserEvent>();
  const changes = new Map<string, number>();
  const clausesOf = (user: DirectoryUser) => scopeOf(state, sp, job, user).clauses;
  const emit = (at: number, cycleId: string, user: DirectoryUser, event: AppUserEvent) => {
    const ids = p.ids(at, cycleId);
    const clauses = clausesOf(user);
    p.records.push(lazyRecordOf(() => appUserEntry(context, user, event, ids, clauses)));
  };
  const cycles = cycleTimes(start, end, SCIM_INTERVAL, random);
  const johanna = FIXTURE_PEOPLE.johanna.id;
  const lidia = FIXTURE_PEOPLE.lidia.id;

  cycles.forEach((cycleAt, k) => {
    const cycleId = random.guid();
    let at = cycleAt;
    const next = () => (at += random.between(120, 900));
    if (k === 0 && plan.initialCycle) {
      for (const user of plan.users) {
        const scope = scopeOf(state, sp, job, user);
        const escrow = plan.escrows?.get(user.id);
        if (escrow && escrow.from === 0) continue;
        if (!scope.inScope) {
          emit(next(), cycleId, user, {
            kind: "outOfScope",
            reasons: ["it does not pass the scoping filter"],
            clauses: scope.clauses,
            assigned: true,
          });
          continue;
        }
        const targetId = random.guid();
        targetIds.set(user.id, targetId);
        // Disabled and deleted later in the window: active when they were created.
        const asCreated =
          user.id === johanna || user.id === lidia
            ? { ...user, accountEnabled: true, deletedDateTime: null }
            : user;
        emit(next(), cycleId, asCreated, { kind: "create", targetId });
      }
      for (const assignment of sp.assignments) {
        const group =
          assignment.principalType === "Group" ? state.groups.get(assignment.principalId) : undefined;
        if (
          !group ||
          !job.schema.synchronizationRules[0]?.objectMappings.some(
            (m) => m.sourceObjectName === "Group" && m.enabled,
          )
        )
          continue;
        const ids = p.ids(next(), cycleId);
        const targetId = random.guid();
        p.records.push(lazyRecordOf(() => appGroupCreateEntry(context, group, targetId, ids)));
      }
    }
    for (const [userId, escrow] of plan.escrows ?? []) {
      const user = state.users.get(userId);
      const targetId = targetIds.get(userId) ?? escrow.failure.targetId;
      if (user && k >= escrow.from) emit(next(), cycleId, user, { ...escrow.failure, targetId });
    }
    const inOutage = plan.outage !== undefined && cycleAt >= plan.outage.from && cycleAt < plan.outage.to;
    // After an outage the next cycle retries what failed during it, and it goes through.
    if (!inOutage)
      for (const [userId, update] of failedInOutage) {
        const user = state.users.get(userId);
        if (user) emit(next(), cycleId, user, update);
        failedInOutage.delete(userId);
      }
    const created = plan.users.filter((u) => targetIds.has(u.id));
    // Megan's days are told below; the others change now and then, each a few times at most.
    const candidates = (created.length > 0 ? created : plan.users).filter(
      (u) => u.deletedDateTime === null && u.id !== FIXTURE_PEOPLE.megan.id && (changes.get(u.id) ?? 0) < 6,
    );
    for (let i = 0; i < plan.updatesPerCycle && k > 0 && candidates.length > 0; i++) {
      if (!random.chance(0.5)) continue;
      const user = random.pick(candidates);
      const targetId = targetIds.get(user.id) ?? random.guid();
      targetIds.set(user.id, targetId);
      changes.set(user.id, (changes.get(user.id) ?? 0) + 1);
      const update = { kind: "update", targetId, ...attributeChange(random, user) } as const;
      if (inOutage) {
        failedInOutage.set(user.id, update);
        emit(next(), cycleId, user, {
          kind: "failure",
          targetId,
          action: "update",
          errorCode: "InternalServerError",
          status: 503,
          message: "Service Unavailable",
          recommendedAction:
            "The application failed unexpectedly. Check its logs; the regular cycle retries the change.",
        });
      } else if (random.chance(0.2)) {
        emit(next(), cycleId, user, { kind: "redundant", targetId });
      } else {
        emit(next(), cycleId, user, update);
      }
    }
  });

  const at = (hoursBeforeEnd: number) => {
    const cycle = [...cycles].reverse().find((c) => c <= end - hoursBeforeEnd * HOUR) ?? cycles[0]!;
    return cycle + random.between(200, 4_000);
  };
  const story = (hoursBeforeEnd: number, userId: string, event: (targetId: string) => AppUserEvent) => {
    const user = state.users.get(userId);
    const targetId = targetIds.get(userId);
    if (user && targetId) emit(at(hoursBeforeEnd), random.guid(), user, event(targetId));
  };
  story(47, johanna, (targetId) => ({
    kind: "disable",
    targetId,
    reason: "it is disabled or deleted in Azure Active Directory",
  }));
  story(22, lidia, (targetId) => ({
    kind: "disable",
    targetId,
    reason: "it is disabled or deleted in Azure Active Directory",
  }));
  const megan = FIXTURE_PEOPLE.megan.id;
  story(20, megan, (targetId) => ({
    kind: "update",
    targetId,
    property: "title",
    oldValue: "Content Writer",
    newValue: "Content Strategist",
  }));
  story(3, megan, (targetId) => ({ kind: "redundant", targetId }));
}

function cloudSyncHistory(state: TenantState, p: Planner, start: number, end: number) {
  const sp = state.servicePrincipals.get(DEMO_FIXTURES.cloudSync.spId);
  const job = sp?.jobs[0];
  if (!sp || !job) return;
  const context = { tenantId: state.tenantId, servicePrincipal: sp, jobId: job.job.id };
  const synced: { user: DirectoryUser; ad: { distinguishedName: string; sourceId: string } }[] = [];
  for (const user of state.users.values()) {
    const dn = user.onPremisesDistinguishedName;
    const adUser = dn ? state.onPremises.users.get(dn.toLowerCase()) : undefined;
    if (!adUser || user.deletedDateTime !== null) continue;
    const sourceId = guidText(adUser.attributes.objectGUID ?? null) ?? adUser.distinguishedName;
    synced.push({ user, ad: { distinguishedName: adUser.distinguishedName, sourceId } });
  }
  synced.sort((a, b) => a.user.id.localeCompare(b.user.id));
  const { random } = p;
  const emit = (
    at: number,
    entry: (typeof synced)[number],
    change: Parameters<typeof cloudSyncUserEntry>[3],
  ) => {
    const ids = p.ids(at, random.guid());
    p.records.push(lazyRecordOf(() => cloudSyncUserEntry(context, entry.user, entry.ad, change, ids)));
  };
  // Cloud Sync runs every two minutes; only the cycles that found a change in AD log anything.
  for (let at = start + 7 * MINUTE; at < end - 2 * MINUTE; at += random.between(30, 150) * MINUTE) {
    const entry = random.pick(synced);
    if (random.chance(0.25)) emit(at, entry, null);
    else {
      const old = random.pick(TITLES.filter((t) => t !== entry.user.jobTitle));
      emit(at, entry, { property: "JobTitle", oldValue: old, newValue: entry.user.jobTitle ?? "" });
    }
  }
  const adele = synced.find((s) => s.user.id === FIXTURE_PEOPLE.adele.id);
  if (adele) {
    emit(end - 40 * HOUR + random.between(0, 120) * 1000, adele, {
      property: "JobTitle",
      oldValue: "Assistant Retail Manager",
      newValue: adele.user.jobTitle ?? "",
    });
    emit(end - 5 * HOUR + random.between(0, 120) * 1000, adele, null);
  }
}

const contractorRejected = (targetId: string | null): Extract<AppUserEvent, { kind: "failure" }> => ({
  kind: "failure",
  targetId,
  action: "create",
  errorCode: "SystemForCrossDomainIdentityManagementBadResponse",
  status: 400,
  message: "Contractors cannot hold an expense account. Use the contractor portal instead.",
  recommendedAction:
    "The application rejected the request. Read its message, then fix the source value or the attribute mapping it names.",
});

const conflict: Extract<AppUserEvent, { kind: "failure" }> = {
  kind: "failure",
  targetId: null,
  action: "create",
  errorCode: "EntryConflict",
  status: 409,
  message: "A user with the same userName already exists.",
  recommendedAction:
    "An object with the same unique value already exists in the application. Remove or rename the duplicate there, or change the matching attribute so the existing account is matched.",
};

const expiredToken: Extract<AppUserEvent, { kind: "failure" }> = {
  kind: "failure",
  targetId: null,
  action: "update",
  errorCode: "SystemForCrossDomainIdentityManagementInvalidCredentials",
  status: 401,
  message: "The bearer token is not valid.",
  recommendedAction:
    "Check the tenant URL and secret token in the provisioning settings, then test the connection.",
};

/** The seeded history, oldest first, for the tenant `state` (read, never changed). */
export function seedProvisioningHistory(
  state: TenantState,
  options: HistoryOptions,
): Omit<LogRecord, "seq">[] {
  const p = planner(options.seed);
  const end = options.endsAt;
  const start = end - (options.days ?? 3) * 24 * HOUR;
  const sp = (id: string) => state.servicePrincipals.get(id);
  const cycles = (from: number) => Math.floor((from - start) / SCIM_INTERVAL);

  const hr = sp(DEMO_FIXTURES.scimApp.spId);
  if (hr?.jobs[0])
    appJobHistory(
      state,
      p,
      { sp: hr, job: hr.jobs[0], users: assignedUsers(state, hr), initialCycle: true, updatesPerCycle: 2 },
      start,
      end,
    );

  const learning = sp(DEMO_FIXTURES.twoJobApp.spId);
  if (learning?.jobs[0])
    appJobHistory(
      state,
      p,
      {
        sp: learning,
        job: learning.jobs[0],
        users: assignedUsers(state, learning),
        initialCycle: true,
        updatesPerCycle: 1,
      },
      start,
      end,
    );
  if (learning?.jobs[1]) {
    const everyone = [...state.users.values()].filter((u) => u.accountEnabled && u.deletedDateTime === null);
    const sample = Array.from({ length: 60 }, () => p.random.pick(everyone));
    appJobHistory(
      state,
      p,
      { sp: learning, job: learning.jobs[1], users: sample, initialCycle: false, updatesPerCycle: 1 },
      start,
      end,
    );
  }

  const northwind = sp(DEMO_FIXTURES.rejectingApp.spId);
  if (northwind?.jobs[0]) {
    const users = assignedUsers(state, northwind);
    const others = users.filter(
      (u) => u.id !== FIXTURE_PEOPLE.pradeep.id && u.id !== FIXTURE_PEOPLE.grady.id,
    );
    const escrows = new Map([[FIXTURE_PEOPLE.pradeep.id, { from: 0, failure: contractorRejected(null) }]]);
    if (others[0]) escrows.set(others[0].id, { from: cycles(end - 14 * HOUR), failure: conflict });
    appJobHistory(
      state,
      p,
      {
        sp: northwind,
        job: northwind.jobs[0],
        users: users.filter((u) => u.id !== others[0]?.id),
        initialCycle: true,
        updatesPerCycle: 1,
        escrows,
        outage: { from: end - 30 * HOUR, to: end - 26 * HOUR },
      },
      start,
      end,
    );
  }

  const tailspin = sp(DEMO_FIXTURES.quarantinedApp.spId);
  if (tailspin?.jobs[0]) {
    const users = assignedUsers(state, tailspin);
    const escrows = new Map(users.slice(0, 3).map((u) => [u.id, { from: 2, failure: expiredToken }]));
    appJobHistory(
      state,
      p,
      { sp: tailspin, job: tailspin.jobs[0], users, initialCycle: true, updatesPerCycle: 0, escrows },
      start,
      start + 4 * HOUR,
    );
  }

  cloudSyncHistory(state, p, start, end);
  return p.records;
}

/**
 * `count` more events for load tests: updates and skips of random users on the SCIM jobs, spread
 * evenly over the same days. They tell no story; they make the log as big as a busy tenant's.
 */
export function syntheticLogEvents(
  state: TenantState,
  options: { seed: number; endsAt: number; count: number; days?: number },
): Omit<LogRecord, "seq">[] {
  if (options.count <= 0) return [];
  const p = planner(options.seed ^ 0x27d4eb2f);
  const { random } = p;
  const span = (options.days ?? 3) * 24 * HOUR;
  const jobs: { context: AppEventContext; job: DemoJob; sp: ServicePrincipal }[] = [];
  for (const sp of state.servicePrincipals.values())
    for (const job of sp.jobs)
      if (job.target.kind === "scim")
        jobs.push({
          sp,
          job,
          context: {
            tenantId: state.tenantId,
            servicePrincipal: sp,
            jobId: job.job.id,
            systemName: job.target.systemName,
            why: job.syncAssignedOnly ? "is active and assigned" : "is active and in scope",
          },
        });
  const users = [...state.users.values()].filter((u) => u.deletedDateTime === null);
  for (let i = 0; i < options.count && jobs.length > 0; i++) {
    const { context, job, sp } = jobs[i % jobs.length]!;
    const user = random.pick(users);
    const ids = p.ids(options.endsAt - span + Math.floor(((i + 0.5) / options.count) * span), random.guid());
    const event: AppUserEvent = random.chance(0.3)
      ? { kind: "redundant", targetId: random.guid() }
      : { kind: "update", targetId: random.guid(), ...attributeChange(random, user) };
    const clauses = scopeOf(state, sp, job, user).clauses;
    p.records.push(lazyRecordOf(() => appUserEntry(context, user, event, ids, clauses)));
  }
  return p.records;
}
