import "server-only";

import type { DirectoryGroup } from "../model";
import type { AppObjectRun } from "./app-report";
import type { AppRun } from "./context";
import { SKIP_REASON } from "./decision";
import {
  failure,
  graphTimestamp,
  success,
  type ModifiedProperty,
  type ProvisioningOutcome,
  type ProvisioningReport,
  type ProvisioningStep,
} from "./report";
import type { ScimCallError } from "./scim-client";

/** One chosen member: provisioned as a user first (null when not in the tenant). */
export interface MemberRun {
  userId: string;
  label: string;
  run: AppObjectRun | null;
  isDirectMember: boolean;
}

const ACTION_DONE: Record<ProvisioningReport["action"], string> = {
  Create: "created",
  Update: "updated",
  Disable: "disabled",
  Delete: "deleted",
  Other: "no change",
};

/**
 * The answer for a group with members: the group's own report, with a last Export step that says
 * what happened to each member, worded as the demo tenant words it.
 */
export class GroupMembersReport {
  /** What happened to each linkable member's membership, by user id. */
  private readonly linkStatus = new Map<string, string>();

  constructor(
    private readonly run: AppRun,
    private readonly group: DirectoryGroup,
    private readonly groupReport: ProvisioningReport,
    private readonly members: MemberRun[],
  ) {}

  /** Without a members step: no member was chosen, or the group is not there to take them. */
  withoutMembersStep(): ProvisioningReport {
    return { ...this.groupReport, outcome: outcomeWithMembers(this.groupReport.outcome, this.members) };
  }

  linking(linkable: MemberRun[], toAdd: MemberRun[]): void {
    for (const m of linkable)
      this.linkStatus.set(m.userId, toAdd.includes(m) ? "added to the group" : "already in the group");
  }

  added(toAdd: MemberRun[]): ProvisioningReport {
    const report = this.groupReport;
    const groupChanged = report.action !== "Other";
    const added: ModifiedProperty = {
      displayName: "members",
      oldValue: null,
      newValue: toAdd.map((m) => m.run!.targetId!).join(", "),
    };
    return this.withStep(
      {
        name: "EntryExportUpdate",
        status: "Success",
        description: `Group '${this.group.displayName}' was updated in ${this.run.systemName}: ${toAdd.length} member(s) added`,
        details: this.memberDetails(),
      },
      {
        action: groupChanged ? report.action : "Update",
        outcome: outcomeWithMembers(groupChanged ? report.outcome : success(), this.members),
        modifiedProperties: [...(groupChanged ? report.modifiedProperties : []), added],
      },
    );
  }

  noneToAdd(): ProvisioningReport {
    const report = this.groupReport;
    return this.withStep(
      {
        name: "EntrySynchronizationSkip",
        status: "Skipped",
        description: `No member needs to be added to Group '${this.group.displayName}' in ${this.run.systemName}`,
        details: { ...this.memberDetails(), SkipReason: SKIP_REASON.AlreadyInSync },
      },
      {
        action: report.action,
        outcome: outcomeWithMembers(report.outcome, this.members),
        modifiedProperties: report.modifiedProperties,
      },
    );
  }

  notAccepted(error: ScimCallError): ProvisioningReport {
    const { run, group, groupReport: report } = this;
    return this.withStep(
      {
        name: "EntryExportUpdate",
        status: "Failure",
        description: `Failed to add members to Group '${group.displayName}' in ${run.systemName}`,
        details: {
          ...this.memberDetails(),
          ErrorCode: error.errorCode,
          Request: error.call,
          ErrorMessage: error.targetMessage,
          ...(error.status === null ? {} : { StatusCode: String(error.status) }),
        },
      },
      {
        action: report.action === "Other" ? "Update" : report.action,
        outcome: failure(
          error.errorCode,
          `${run.systemName} did not accept the new members of Group '${group.displayName}' (${error.call}, HTTP ${error.status ?? "no answer"}): ${error.targetMessage}`,
          error.recommendedAction,
        ),
        modifiedProperties: report.modifiedProperties,
      },
    );
  }

  private withStep(
    step: Pick<ProvisioningStep, "name" | "status" | "description" | "details">,
    fields: Pick<ProvisioningReport, "action" | "outcome" | "modifiedProperties">,
  ): ProvisioningReport {
    const membersStep: ProvisioningStep = {
      name: step.name,
      type: "Export",
      status: step.status,
      description: step.description,
      timestamp: graphTimestamp(this.run.env.now()),
      details: step.details,
    };
    return {
      ...this.groupReport,
      ...fields,
      steps: [...this.groupReport.steps, membersStep],
      endTime: graphTimestamp(this.run.env.now()),
    };
  }

  private memberDetails(): Record<string, string> {
    const details: Record<string, string> = {};
    for (const member of this.members) {
      const report = member.run?.report;
      const parts = [
        report === undefined
          ? "not found in Azure Active Directory"
          : report.outcome.result === "Success"
            ? ACTION_DONE[report.action]
            : `${report.outcome.result} (${report.outcome.errorCode})`,
      ];
      if (!member.isDirectMember) parts.push("not a direct member of the group, so not added");
      else if (this.linkStatus.has(member.userId)) parts.push(this.linkStatus.get(member.userId)!);
      else if (member.run?.targetId === null || member.run === null)
        parts.push(`not in ${this.run.systemName}, so not added`);
      else if (!member.run.inScope) parts.push("out of scope, so not added");
      details[`Member '${member.label}'`] = parts.join("; ");
    }
    return details;
  }
}

/** A member's failure makes the whole call a failure; the group's own outcome otherwise stands. */
function outcomeWithMembers(groupOutcome: ProvisioningOutcome, members: MemberRun[]): ProvisioningOutcome {
  if (groupOutcome.result === "Failure") return groupOutcome;
  const failedMember = members.find((m) => m.run?.report.outcome.result === "Failure");
  if (!failedMember) return groupOutcome;
  const memberOutcome = failedMember.run!.report.outcome;
  return {
    ...memberOutcome,
    errorMessage: `Member '${failedMember.label}': ${memberOutcome.errorMessage}`,
    reason: `Member '${failedMember.label}': ${memberOutcome.reason}`,
  };
}
