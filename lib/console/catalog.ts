import "server-only";
import type {
  DirectoryGroupSummary,
  DirectoryUserSummary,
  GroupMemberSummary,
  JobSummary,
  Page,
  RuleSummary,
  ServicePrincipalSummary,
} from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import type { Caller } from "@/lib/auth/caller";
import type { ProvisionSubject } from "@/lib/provisioning";
import { graphClient } from "./graph";

// What the pages list, reshaped from Graph's answers into the console's contract.

const APPS_PAGE_SIZE = 50;

export async function listProvisioningApps(
  caller: Caller,
  query: {
    search?: string;
    cursor?: string;
  },
): Promise<Page<ServicePrincipalSummary>> {
  const apps = (await graphClient(caller).discoverProvisioningApps({ search: query.search })).items;
  const offset = decodeOffset(query.cursor);
  const page = apps.slice(offset, offset + APPS_PAGE_SIZE);
  return {
    items: page.map((app) => ({
      id: app.id,
      appId: app.appId ?? "",
      displayName: app.displayName ?? app.id,
      jobCount: app.jobs.length,
      jobStatuses: app.jobs.map((job) => job.status?.code ?? "Unknown"),
    })),
    nextCursor: offset + APPS_PAGE_SIZE < apps.length ? encodeOffset(offset + APPS_PAGE_SIZE) : null,
  };
}

export async function findProvisioningApp(caller: Caller, servicePrincipalId: string) {
  const apps = (await graphClient(caller).discoverProvisioningApps({})).items;
  return apps.find((app) => app.id === servicePrincipalId) ?? null;
}

export async function getProvisioningApp(caller: Caller, servicePrincipalId: string) {
  const app = await findProvisioningApp(caller, servicePrincipalId);
  if (!app)
    throw new ApiError("not_found", `No application with provisioning has the id ${servicePrincipalId}.`);
  return { id: app.id, appId: app.appId ?? "", displayName: app.displayName ?? app.id };
}

export async function listJobSummaries(
  caller: Caller,
  servicePrincipalId: string,
): Promise<{ items: JobSummary[] }> {
  const jobs = await graphClient(caller).listJobs(servicePrincipalId);
  return {
    items: jobs.map((job) => {
      const status = job.status ?? {};
      const last = status.lastExecution ?? null;
      const quarantine = status.quarantine ?? null;
      return {
        id: job.id,
        templateId: job.templateId ?? "",
        status: {
          ...status,
          code: status.code ?? "Unknown",
          lastExecution: last
            ? { state: text(last.state), timeBegan: text(last.timeBegan), timeEnded: text(last.timeEnded) }
            : null,
        },
        schedule: job.schedule
          ? {
              interval: job.schedule.interval ?? null,
              state: job.schedule.state ?? null,
              expiration: job.schedule.expiration ?? null,
            }
          : null,
        quarantine:
          quarantine && status.code === "Quarantine"
            ? {
                reason: quarantine.reason || null,
                currentBegan: quarantine.currentBegan || null,
                nextAttempt: quarantine.nextAttempt || null,
                seriesCount: quarantine.seriesCount ?? null,
                error: quarantine.error
                  ? { code: quarantine.error.code ?? null, message: quarantine.error.message ?? null }
                  : null,
              }
            : null,
      };
    }),
  };
}

export async function listRuleSummaries(
  caller: Caller,
  servicePrincipalId: string,
  jobId: string,
): Promise<{ items: RuleSummary[] }> {
  const rules = await graphClient(caller).listRules(servicePrincipalId, jobId);
  return {
    items: rules.map((rule) => ({
      ...rule,
      sourceDirectoryName: rule.sourceDirectoryName ?? "",
      targetDirectoryName: rule.targetDirectoryName ?? "",
    })),
  };
}

export async function searchDirectoryUsers(
  caller: Caller,
  search: string,
): Promise<{ items: DirectoryUserSummary[] }> {
  const users = await graphClient(caller).searchUsers(search, { top: 20 });
  return {
    items: users.items.map((user) => ({
      id: user.id,
      displayName: user.displayName ?? user.userPrincipalName ?? user.id,
      userPrincipalName: user.userPrincipalName ?? "",
      mail: user.mail ?? null,
    })),
  };
}

export async function searchDirectoryGroups(
  caller: Caller,
  search: string,
): Promise<{ items: DirectoryGroupSummary[] }> {
  const groups = await graphClient(caller).searchGroups(search, { top: 20 });
  return {
    items: groups.items.map((group) => ({ id: group.id, displayName: group.displayName ?? group.id })),
  };
}

export async function listMembers(
  caller: Caller,
  groupId: string,
  search: string,
): Promise<{ items: GroupMemberSummary[] }> {
  const members = await graphClient(caller).listGroupMembers(groupId, {
    search: search || undefined,
    top: 50,
  });
  return {
    items: members.items.map((member) => ({
      id: member.id,
      displayName: member.displayName ?? member.id,
      userPrincipalName: member.userPrincipalName ?? "",
    })),
  };
}

/** A human label for the subject of a run: display name and UPN where Graph has them. */
export async function subjectLabel(caller: Caller, subject: ProvisionSubject): Promise<string | null> {
  if (subject.kind === "onPremisesUser") return subject.distinguishedName;
  if (subject.kind === "group") {
    const group = await graphClient(caller).getGroup(subject.objectId);
    return `${group.displayName ?? subject.objectId} (+${subject.memberIds.length} member${subject.memberIds.length === 1 ? "" : "s"})`;
  }
  const user = await graphClient(caller).getUser(subject.objectId);
  return user.userPrincipalName ?? user.displayName ?? null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown };
    if (typeof o === "number" && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through
  }
  throw new ApiError("bad_request", "cursor: not a cursor this console issued; start again without it.");
}
