import type { RuleSummary, RunRequest } from "@/lib/api/contracts";
import type { ProvisionSubject } from "@/lib/provisioning";
import { distinguishedNameProblem } from "@/lib/provisioning/distinguished-name";
import { MAX_GROUP_MEMBERS } from "@/lib/provisioning/limits";
import type { ProvisionFormState, SubjectKind } from "./provision-url-state";
import { requestReadiness, type Readiness, type RequestTarget } from "./request-readiness";

export interface RuleChoice {
  /** Rules that can provision on demand, in the order Graph gave them. */
  offered: RuleSummary[];
  rule: RuleSummary | null;
  /** Why the rule in the link or no rule at all could be chosen, for the user. */
  notice: string | null;
}

/** The rule to use: the one the form names if it is offered, else the only one offered. */
export function chooseRule(rules: readonly RuleSummary[], ruleId: string | null): RuleChoice {
  const offered = rules.filter((rule) => rule.supportsProvisionOnDemand);
  const named = ruleId === null ? undefined : offered.find((rule) => rule.id === ruleId);
  if (named) return { offered, rule: named, notice: null };
  const only = offered.length === 1 ? (offered[0] ?? null) : null;
  if (offered.length === 0) {
    const notice =
      rules.length === 0
        ? "This job's schema has no synchronization rules, so there is nothing to provision with."
        : `None of this job's ${rules.length} rule(s) supports provision on demand (${rules.map((r) => r.name).join(", ")}). Run the job's regular cycle instead, or check the application's provisioning configuration.`;
    return { offered, rule: null, notice };
  }
  if (ruleId !== null) {
    const unsupported = rules.some((rule) => rule.id === ruleId);
    const notice = unsupported
      ? `The rule in the link (${ruleId}) does not support provision on demand.`
      : `The rule in the link (${ruleId}) is not one of this job's rules.`;
    return {
      offered,
      rule: only,
      notice: only ? `${notice} The job's only suitable rule is used instead.` : `${notice} Pick one below.`,
    };
  }
  return { offered, rule: only, notice: null };
}

const CLOUD_SYNC_TEMPLATE = "ad2aadprovisioning";

/**
 * The kinds of subject a job and rule can provision. Cloud Sync (Active Directory to Entra) takes
 * on-premises users by distinguished name; its rules map the lower-case AD object "user".
 */
export function offeredSubjectKinds(rule: RuleSummary | null, templateId: string | null): SubjectKind[] {
  const fromActiveDirectory =
    templateId?.toLowerCase() === CLOUD_SYNC_TEMPLATE || (rule?.objectTypes.includes("user") ?? false);
  if (fromActiveDirectory) return ["onPremisesUser"];
  const mapsGroups =
    !rule || rule.objectTypes.length === 0 || rule.objectTypes.some((t) => t.toLowerCase() === "group");
  return mapsGroups ? ["user", "group"] : ["user"];
}

/** The kind to show: the one asked for when offered, else the first offered. */
export function effectiveKind(wanted: SubjectKind, offered: readonly SubjectKind[]): SubjectKind {
  return offered.includes(wanted) ? wanted : (offered[0] ?? wanted);
}

/** The run request the form describes, or what is still missing, in words for the disabled button. */
export function provisionReadiness(state: ProvisionFormState, target: RequestTarget): Readiness<RunRequest> {
  return requestReadiness(target, () => subjectOrProblem(state));
}

function subjectOrProblem(state: ProvisionFormState): { subject: ProvisionSubject } | string {
  if (state.kind === "user") {
    if (!state.userId) return "Pick the user to provision.";
    return { subject: { kind: "user", objectId: state.userId } };
  }
  if (state.kind === "group") {
    if (!state.groupId) return "Find and pick the group first.";
    if (state.memberIds.length === 0) return `Pick 1 to ${MAX_GROUP_MEMBERS} members of the group.`;
    if (state.memberIds.length > MAX_GROUP_MEMBERS) return memberLimitMessage();
    return { subject: { kind: "group", objectId: state.groupId, memberIds: [...state.memberIds] } };
  }
  const dn = state.distinguishedName.trim();
  if (!dn) return "Enter the on-premises user's distinguished name.";
  return distinguishedNameProblem(dn) ?? { subject: { kind: "onPremisesUser", distinguishedName: dn } };
}

export function memberLimitMessage(): string {
  return `A group can be provisioned with at most ${MAX_GROUP_MEMBERS} members at once. Remove one before adding another.`;
}

/** "No user has the id x." or "No user has the ids x, y." */
export function memberNotFoundText(ids: readonly string[]): string {
  return ids.length === 1 ? `No user has the id ${ids[0]}.` : `No user has the ids ${ids.join(", ")}.`;
}

/** The members after a change in the picker; a change past the limit is refused whole, with the reason. */
export function changeMembers(
  current: readonly string[],
  next: readonly string[],
): { memberIds: string[]; refused: string | null } {
  const unique = [...new Set(next)];
  if (unique.length > MAX_GROUP_MEMBERS) return { memberIds: [...current], refused: memberLimitMessage() };
  return { memberIds: unique, refused: null };
}
