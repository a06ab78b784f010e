import "server-only";

import type { DirectoryGroup } from "../model";
import { provisionAppObject, type AppObjectRun } from "./app-object";
import { groupSubject, userSubject } from "./app-subjects";
import type { AppRun } from "./context";
import {
  failure,
  graphTimestamp,
  success,
  type ProvisioningOutcome,
  type ProvisioningReport,
  type ProvisioningStep,
} from "./report";
import { ScimCallError } from "./scim-client";
import { readScimAttribute } from "./scim-path";

const ACTION_DONE: Record<ProvisioningReport["action"], string> = {
  Create: "created",
  Update: "updated",
  Disable: "disabled",
  Delete: "deleted",
  Other: "no change",
};

interface MemberRun {
  userId: string;
  label: string;
  run: AppObjectRun | null;
  isDirectMember: boolean;
}

/**
 * A group and up to five of its members, as Entra does it: each member is provisioned as a user
 * first, then the group (created without members), then the chosen members that exist in the app
 * are added with one `PATCH members Add`. The answer is the group's report, with a last Export step
 * that says what happened to each member.
 */
export async function provisionGroupWithMembers(
  run: AppRun,
  group: DirectoryGroup,
  memberIds: string[],
): Promise<ProvisioningReport> {
  const members: MemberRun[] = [];
  for (const userId of memberIds) {
    const user = run.env.tenant.users.get(userId);
    members.push({
      userId,
      label: user?.userPrincipalName ?? userId,
      run: user ? await provisionAppObject(run, userSubject(run, user)) : null,
      isDirectMember: group.memberIds.includes(userId),
    });
  }
  const groupRun = await provisionAppObject(run, groupSubject(run, group));
  const report = groupRun.report;
  const groupUsable = report.outcome.result === "Success" || report.outcome.errorCode === "RedundantExport";
  if (members.length === 0 || !groupUsable || groupRun.targetId === null)
    return { ...report, outcome: outcomeWithMembers(report.outcome, members) };

  const groupTargetId = groupRun.targetId;
  const linkable = members.filter((m) => m.isDirectMember && m.run?.targetId);
  let membersStep: ProvisioningStep;
  const statusByUser = new Map<string, string>();
  try {
    const current = readScimAttribute(await run.scim.get("Groups", groupTargetId), "members");
    const currentIds = new Set(Array.isArray(current) ? current : current === null ? [] : [current]);
    const toAdd = linkable.filter((m) => !currentIds.has(m.run!.targetId!));
    for (const m of linkable)
      statusByUser.set(m.userId, toAdd.includes(m) ? "added to the group" : "already in the group");
    if (toAdd.length > 0) {
      await run.scim.patch("Groups", groupTargetId, [
        { op: "Add", path: "members", value: toAdd.map((m) => ({ value: m.run!.targetId })) },
      ]);
    }
    membersStep = {
      name: toAdd.length > 0 ? "EntryExportUpdate" : "EntrySynchronizationSkip",
      type: "Export",
      status: toAdd.length > 0 ? "Success" : "Skipped",
      description:
        toAdd.length > 0
          ? `Group '${group.displayName}' was updated in ${run.systemName}: ${toAdd.length} member(s) added`
          : `No member needs to be added to Group '${group.displayName}' in ${run.systemName}`,
      timestamp: graphTimestamp(run.env.now()),
      details: {
        ...memberDetails(members, statusByUser, run.systemName),
        ...(toAdd.length > 0 ? {} : { SkipReason: "RedundantExport" }),
      },
    };
    const groupChanged = report.action !== "Other";
    const membersChanged = toAdd.length > 0;
    const groupOutcome = groupChanged || !membersChanged ? report.outcome : success();
    return {
      ...report,
      action: groupChanged ? report.action : membersChanged ? "Update" : "Other",
      outcome: outcomeWithMembers(groupOutcome, members),
      modifiedProperties: membersChanged
        ? [
            ...(groupChanged ? report.modifiedProperties : []),
            {
              displayName: "members",
              oldValue: null,
              newValue: toAdd.map((m) => m.run!.targetId!).join(", "),
            },
          ]
        : report.modifiedProperties,
      steps: [...report.steps, membersStep],
      endTime: graphTimestamp(run.env.now()),
    };
  } catch (error) {
    if (!(error instanceof ScimCallError)) throw error;
    membersStep = {
      name: "EntryExportUpdate",
      type: "Export",
      status: "Failure",
      description: `Failed to add members to Group '${group.displayName}' in ${run.systemName}`,
      timestamp: graphTimestamp(run.env.now()),
      details: {
        ...memberDetails(members, statusByUser, run.systemName),
        ErrorCode: error.errorCode,
        Request: error.call,
        ErrorMessage: error.targetMessage,
        ...(error.status === null ? {} : { StatusCode: String(error.status) }),
      },
    };
    return {
      ...report,
      action: report.action === "Other" ? "Update" : report.action,
      outcome: failure(
        error.errorCode,
        `${run.systemName} did not accept the new members of Group '${group.displayName}' (${error.call}, HTTP ${error.status ?? "no answer"}): ${error.targetMessage}`,
        error.recommendedAction,
      ),
      steps: [...report.steps, membersStep],
      endTime: graphTimestamp(run.env.now()),
    };
  }
}

function memberDetails(
  members: MemberRun[],
  linkStatus: Map<string, string>,
  system: string,
): Record<string, string> {
  const details: Record<string, string> = {};
  for (const member of members) {
    const report = member.run?.report;
    const parts = [
      report === undefined
        ? "not found in Azure Active Directory"
        : report.outcome.result === "Success"
          ? ACTION_DONE[report.action]
          : `${report.outcome.result} (${report.outcome.errorCode})`,
    ];
    if (!member.isDirectMember) parts.push("not a direct member of the group, so not added");
    else if (linkStatus.has(member.userId)) parts.push(linkStatus.get(member.userId)!);
    else if (member.run?.targetId === null || member.run === null)
      parts.push(`not in ${system}, so not added`);
    details[`Member '${member.label}'`] = parts.join("; ");
  }
  return details;
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
