import "server-only";
import type {
  DirectoryGroupSummary,
  DirectoryUserSummary,
  GroupMemberSummary,
  JobSummary,
  RuleSummary,
  ServicePrincipalDetail,
  ServicePrincipalSummary,
} from "@/lib/api/contracts";
import type { ProvisioningApp } from "./discovery";
import type {
  DirectoryGroup,
  DirectoryUser,
  GroupMember,
  ServicePrincipal,
  SynchronizationJob,
} from "./graph-schemas";
import type { ProvisioningRule } from "./synchronization-rules";

// Graph's answers in the console's API shapes: names the pages can always show, nulls instead of
// missing fields, and only what the browser needs.

export function presentApp(app: ProvisioningApp): ServicePrincipalSummary {
  return {
    id: app.id,
    appId: app.appId ?? "",
    displayName: app.displayName ?? app.id,
    jobCount: app.jobs.length,
    jobStatuses: app.jobs.map((job) => job.status?.code ?? "Unknown"),
  };
}

export function presentServicePrincipal(sp: ServicePrincipal): ServicePrincipalDetail {
  return { id: sp.id, appId: sp.appId ?? "", displayName: sp.displayName ?? sp.id };
}

/** A job with what the console made of its schema: the label that tells it apart, and the schema's facts. */
export function presentJob(
  job: SynchronizationJob,
  described: Pick<JobSummary, "label" | "schema">,
): JobSummary {
  const status = job.status ?? {};
  const last = status.lastExecution ?? null;
  const quarantine = status.quarantine ?? null;
  return {
    id: job.id,
    templateId: job.templateId ?? "",
    label: described.label,
    schema: described.schema,
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
}

export function presentRule(rule: ProvisioningRule): RuleSummary {
  return {
    ...rule,
    sourceDirectoryName: rule.sourceDirectoryName ?? "",
    targetDirectoryName: rule.targetDirectoryName ?? "",
  };
}

export function presentUser(user: DirectoryUser & { deletedDateTime?: string | null }): DirectoryUserSummary {
  return {
    id: user.id,
    displayName: user.displayName ?? user.userPrincipalName ?? user.id,
    userPrincipalName: user.userPrincipalName ?? "",
    mail: user.mail ?? null,
    deletedDateTime: user.deletedDateTime ?? null,
  };
}

export function presentGroup(group: DirectoryGroup): DirectoryGroupSummary {
  return { id: group.id, displayName: group.displayName ?? group.id };
}

export function presentMember(member: GroupMember): GroupMemberSummary {
  return {
    id: member.id,
    displayName: member.displayName ?? member.id,
    userPrincipalName: member.userPrincipalName ?? "",
  };
}

/** How a run's subject reads in lists: the user's UPN, the group's name and member count, or the DN. */
export function subjectLabelOf(
  subject:
    | { kind: "user"; user: DirectoryUser }
    | { kind: "group"; group: DirectoryGroup; memberCount: number }
    | { kind: "onPremisesUser"; distinguishedName: string },
): string {
  if (subject.kind === "onPremisesUser") return subject.distinguishedName;
  if (subject.kind === "group") {
    const count = subject.memberCount;
    return `${subject.group.displayName ?? subject.group.id} (+${count} member${count === 1 ? "" : "s"})`;
  }
  return subject.user.userPrincipalName ?? subject.user.displayName ?? subject.user.id;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}
