import "server-only";
import type {
  EventSummary,
  LogAvailability,
  RunListItem,
  UserApplication,
  UserJob,
  UserProfileView,
  UserSearchItem,
  UserTroubleshooting,
} from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import type { Caller } from "@/lib/auth";
import {
  isGraphError,
  type GraphClient,
  type ProvisioningApp,
  type SynchronizationJob,
  type UserProfile,
} from "@/lib/graph";
import {
  parseProvisioningLogEntry,
  type ProvisioningLogEvent,
  type ProvisionSubject,
} from "@/lib/provisioning";
import { listRuns, runsByChangeId } from "@/lib/runs";
import { logUnavailability } from "./log-access";
import { ruleForOnDemand } from "./provisioning-logs";
import type { ConsoleServices } from "./services";

// One user across every application with provisioning, for the help desk: who they are, which apps
// provision them (directly or through which group), and per job the last event and the last run.

type Services = Pick<ConsoleServices, "graphFor" | "db" | "settings">;

/** Groups whose app role assignments are read; a user in more is told so. */
const MAX_GROUPS = 200;
const GROUP_READS_AT_ONCE = 5;
/** The user's newest events read at once: most jobs find their latest among them. */
const RECENT_EVENTS = 50;

export async function searchUsers(
  services: Pick<Services, "graphFor">,
  caller: Caller,
  search: string,
): Promise<{ items: UserSearchItem[] }> {
  const term = search.trim();
  if (term === "") return { items: [] };
  const graph = services.graphFor(caller);
  const [active, deleted] = await Promise.all([
    graph.searchUsers(term, { top: 15 }),
    // The recycle bin is searched by the start of a name; a failure there costs only its results.
    term.length >= 2 ? graph.searchDeletedUsers(term, { top: 5 }).catch(() => []) : Promise.resolve([]),
  ]);
  const items: UserSearchItem[] = active.items.map((user) => ({
    id: user.id,
    displayName: user.displayName ?? user.userPrincipalName ?? user.id,
    userPrincipalName: user.userPrincipalName ?? "",
    mail: user.mail ?? null,
    softDeleted: false,
  }));
  const seen = new Set(items.map((item) => item.id));
  for (const user of deleted)
    if (!seen.has(user.id))
      items.push({
        id: user.id,
        displayName: user.displayName ?? user.userPrincipalName ?? user.id,
        userPrincipalName: user.userPrincipalName ?? "",
        mail: user.mail ?? null,
        softDeleted: true,
      });
  return { items };
}

function presentProfile(user: UserProfile): UserProfileView {
  return {
    id: user.id,
    displayName: user.displayName ?? user.userPrincipalName ?? user.id,
    userPrincipalName: user.userPrincipalName ?? "",
    mail: user.mail ?? null,
    department: user.department ?? null,
    jobTitle: user.jobTitle ?? null,
    userType: user.userType ?? null,
    accountEnabled: user.accountEnabled ?? null,
    softDeleted: Boolean(user.deletedDateTime),
    deletedDateTime: user.deletedDateTime ?? null,
    onPremisesSynced: user.onPremisesSyncEnabled === true,
    onPremisesDistinguishedName: user.onPremisesDistinguishedName ?? null,
  };
}

/** Cloud Sync's AD → Entra ID jobs (AD2AADProvisioning, and the password-hash job beside it). */
export const isCloudSyncJob = (job: Pick<SynchronizationJob, "templateId">) =>
  (job.templateId ?? "").toUpperCase().startsWith("AD2AAD");

async function inTurns<T, R>(
  items: readonly T[],
  atOnce: number,
  read: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await read(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, worker));
  return out;
}

interface Reach {
  direct: boolean;
  groups: Map<string, string>;
}

/** The provisioning apps the user is assigned to, directly or through which groups. */
async function assignedApps(
  graph: GraphClient,
  user: UserProfile,
  apps: ReadonlyMap<string, ProvisioningApp>,
  warnings: string[],
): Promise<Map<string, Reach>> {
  const reach = new Map<string, Reach>();
  if (user.deletedDateTime) {
    warnings.push(
      "The user is soft-deleted: Graph does not answer for the assignments and groups of a deleted user, so the applications listed are those whose provisioning logs have events for them.",
    );
    return reach;
  }
  const [direct, groups] = await Promise.all([
    graph.listAppRoleAssignments({ kind: "user", id: user.id }),
    graph.listGroupsOf(user.id, "transitive"),
  ]);
  const of = (spId: string) => {
    const known = reach.get(spId) ?? { direct: false, groups: new Map<string, string>() };
    reach.set(spId, known);
    return known;
  };
  for (const assignment of direct.items)
    if (apps.has(assignment.resourceId)) of(assignment.resourceId).direct = true;
  const read = groups.items.slice(0, MAX_GROUPS);
  if (groups.truncated || groups.items.length > MAX_GROUPS)
    warnings.push(
      `The user is in more than ${MAX_GROUPS} groups; only the assignments of the first ${MAX_GROUPS} were read, so an app assigned to another group may be missing.`,
    );
  const byGroup = await inTurns(read, GROUP_READS_AT_ONCE, (group) =>
    graph.listAppRoleAssignments({ kind: "group", id: group.id }).catch(() => null),
  );
  byGroup.forEach((assignments, index) => {
    const group = read[index]!;
    if (assignments === null) {
      warnings.push(`The app role assignments of group ${group.displayName ?? group.id} could not be read.`);
      return;
    }
    for (const assignment of assignments.items)
      if (apps.has(assignment.resourceId))
        of(assignment.resourceId).groups.set(group.id, group.displayName ?? group.id);
  });
  return reach;
}

function summaryOf(event: ProvisioningLogEvent, runId: string | null): EventSummary | null {
  if (event.id === null) return null;
  return {
    id: event.id,
    activityDateTime: event.activityDateTime,
    origin: event.origin,
    action: event.action,
    outcome: event.outcome,
    errorCode: event.errorCode,
    errorMessage: event.errorMessage,
    changeId: event.changeId,
    runId,
  };
}

function provisionOf(
  user: UserProfileView,
  job: SynchronizationJob,
  rules: Awaited<ReturnType<GraphClient["listRules"]>> | Error,
): UserJob["provision"] {
  if (rules instanceof Error) return { problem: `The job's rules could not be read: ${rules.message}` };
  const rule = ruleForOnDemand(rules, ["User"]);
  if (!rule) return { problem: "No rule of this job supports provisioning users on demand." };
  let subject: ProvisionSubject;
  if (isCloudSyncJob(job)) {
    if (!user.onPremisesDistinguishedName)
      return {
        problem:
          "The user has no onPremisesDistinguishedName: they were not synced from Active Directory, so Cloud Sync cannot provision them on demand.",
      };
    subject = { kind: "onPremisesUser", distinguishedName: user.onPremisesDistinguishedName };
  } else subject = { kind: "user", objectId: user.id };
  return { ruleId: rule.id, ruleName: rule.name, subject };
}

async function latestRunOf(
  services: Pick<Services, "db">,
  spId: string,
  jobId: string,
  subjectKey: string,
): Promise<RunListItem | null> {
  const page = await listRuns(
    services.db,
    { servicePrincipalId: spId, jobId, subject: subjectKey },
    { limit: 1 },
  );
  return page.items[0] ?? null;
}

/** GET /api/users/{id}: the user, the apps with provisioning that reach them, and per job what happened last. */
export async function troubleshootUser(
  services: Services,
  caller: Caller,
  idOrUpn: string,
): Promise<UserTroubleshooting> {
  const graph = services.graphFor(caller);
  const found = await graph.findUserProfile(idOrUpn);
  if (!found)
    throw new ApiError(
      "not_found",
      `No user has the object id or userPrincipalName ${idOrUpn}, in the directory or in its recycle bin.`,
    );
  const user = presentProfile(found);
  const warnings: string[] = [];
  const discovery = await graph.discoverProvisioningApps();
  const apps = new Map(discovery.items.map((app) => [app.id, app]));
  if (discovery.unchecked.length > 0)
    warnings.push(
      `The jobs of ${discovery.unchecked.length} application${discovery.unchecked.length === 1 ? "" : "s"} could not be read, so they are not listed.`,
    );

  let log: LogAvailability = { available: true };
  const recentRead = graph.listProvisioningEvents({ userId: user.id }, { top: RECENT_EVENTS }).then(
    (page) => page.items.map(parseProvisioningLogEntry),
    (error: unknown): ProvisioningLogEvent[] => {
      log = logUnavailability(error, services.settings) ?? {
        available: false,
        reason: "unavailable",
        message: `The provisioning logs could not be read: ${error instanceof Error ? error.message : String(error)}`,
        graphCode: isGraphError(error) ? error.code : null,
      };
      return [];
    },
  );
  const [reach, recent] = await Promise.all([assignedApps(graph, found, apps, warnings), recentRead]);

  const listed: { app: ProvisioningApp; reason: UserApplication["reason"]; jobs: SynchronizationJob[] }[] =
    [];
  for (const app of discovery.items) {
    const appJobs = app.jobs.filter((job) => !isCloudSyncJob(job));
    const syncJobs = app.jobs.filter(isCloudSyncJob);
    if (reach.has(app.id) && appJobs.length > 0) listed.push({ app, reason: "assigned", jobs: appJobs });
    else if (user.onPremisesSynced && syncJobs.length > 0)
      listed.push({ app, reason: "onPremises", jobs: syncJobs });
    else {
      const seen = new Set(recent.filter((e) => e.servicePrincipal.id === app.id).map((e) => e.jobId));
      const jobs = app.jobs.filter((job) => seen.has(job.id));
      if (jobs.length > 0) listed.push({ app, reason: "logOnly", jobs });
    }
  }

  const runIds = await runsByChangeId(
    services.db,
    recent.map((event) => event.changeId).filter((id): id is string => id !== null),
  );
  const applications = await Promise.all(
    listed.map(async ({ app, reason, jobs }): Promise<UserApplication> => {
      const assigned = reach.get(app.id);
      return {
        servicePrincipalId: app.id,
        displayName: app.displayName ?? app.id,
        reason,
        direct: assigned?.direct ?? false,
        groups: [...(assigned?.groups ?? new Map<string, string>())].map(([id, displayName]) => ({
          id,
          displayName,
        })),
        jobs: await Promise.all(
          jobs.map(async (job): Promise<UserJob> => {
            const kind = isCloudSyncJob(job) ? "cloudSync" : "app";
            let latest = recent.find((event) => event.jobId === job.id) ?? null;
            if (!latest && log.available && recent.length === RECENT_EVENTS) {
              const page = await graph
                .listProvisioningEvents({ userId: user.id, jobId: job.id }, { top: 1 })
                .catch(() => null);
              latest = page?.items[0] === undefined ? null : parseProvisioningLogEntry(page.items[0]);
            }
            const [rules, latestRun] = await Promise.all([
              graph
                .listRules(app.id, job.id)
                .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
              latestRunOf(
                services,
                app.id,
                job.id,
                kind === "cloudSync" ? (user.onPremisesDistinguishedName ?? user.id) : user.id,
              ),
            ]);
            const changeId = latest?.changeId ?? null;
            const run = changeId
              ? (runIds.get(changeId) ?? (await runsByChangeId(services.db, [changeId])).get(changeId))
              : undefined;
            const runId = run?.id ?? null;
            return {
              jobId: job.id,
              templateId: job.templateId ?? "",
              kind,
              statusCode: job.status?.code ?? "Unknown",
              provision: provisionOf(user, job, rules),
              latestEvent: latest ? summaryOf(latest, runId) : null,
              latestRun,
            };
          }),
        ),
      };
    }),
  );
  return { user, applications, log, warnings };
}
