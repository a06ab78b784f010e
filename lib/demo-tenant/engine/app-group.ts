import "server-only";

import type { DirectoryGroup } from "../model";
import { provisionAppObject, type AppObjectRun } from "./app-object";
import { groupSubject, userSubject } from "./app-subjects";
import type { AppRun } from "./context";
import { decide, EVERY_FLOW } from "./decision";
import { GroupMembersReport, type MemberRun } from "./group-members-report";
import type { ProvisioningReport } from "./report";
import { ScimCallError } from "./scim-client";
import { readScimAttribute } from "./scim-path";

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
  const members = await provisionMembers(run, group, memberIds);
  const groupRun = await provisionAppObject(run, groupSubject(run, group));
  const report = new GroupMembersReport(run, group, groupRun.report, members);
  if (members.length === 0 || !takesMembers(groupRun)) return report.withoutMembersStep();
  try {
    return await linkMembers(run, groupRun.targetId!, members, report);
  } catch (error) {
    if (!(error instanceof ScimCallError)) throw error;
    return report.notAccepted(error);
  }
}

async function provisionMembers(
  run: AppRun,
  group: DirectoryGroup,
  memberIds: string[],
): Promise<MemberRun[]> {
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
  return members;
}

/** The group is in scope, in the app and in step with the source (created, updated or already in sync). */
function takesMembers(groupRun: AppObjectRun): boolean {
  const { outcome } = groupRun.report;
  const usable = outcome.result === "Success" || outcome.errorCode === "RedundantExport";
  return usable && groupRun.inScope && groupRun.targetId !== null;
}

/**
 * The members attribute through the same decision: add the direct members that are in scope and in
 * the app but not yet in the group (a member just disabled there is not added).
 */
async function linkMembers(
  run: AppRun,
  groupTargetId: string,
  members: MemberRun[],
  report: GroupMembersReport,
): Promise<ProvisioningReport> {
  const linkable = members.filter((m) => m.isDirectMember && m.run?.inScope && m.run.targetId);
  const current = readScimAttribute(await run.scim.get("Groups", groupTargetId), "members");
  const currentIds = new Set(Array.isArray(current) ? current : current === null ? [] : [current]);
  const toAdd = linkable.filter((m) => !currentIds.has(m.run!.targetId!));
  report.linking(linkable, toAdd);
  const decision = decide({ entitled: true, differences: toAdd, flows: EVERY_FLOW, deprovisioning: null });
  if (decision.action !== "Update") return report.noneToAdd();
  await run.scim.patch("Groups", groupTargetId, [
    { op: "Add", path: "members", value: decision.changes.map((m) => ({ value: m.run!.targetId })) },
  ]);
  return report.added(decision.changes);
}
