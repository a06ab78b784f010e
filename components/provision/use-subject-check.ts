"use client";
import { useQueries, useQuery } from "@tanstack/react-query";
import { directoryQueries } from "@/components/directory/queries";
import { memberNotFoundText } from "./provision-form";
import type { ProvisionFormState } from "./provision-url-state";

export interface SubjectCheck {
  /** Why Provision must wait or cannot go: the object is being looked up, or does not exist. */
  problem: string | null;
  /** What Provision would send, in words: "Adele Vance (AdeleV@contoso.com)". */
  named: string | null;
  /** A look-up that failed for another reason: Provision still sends the id as it is. */
  warning: string | null;
}

/**
 * Whether the user, group and members the form names exist, from the same look-ups the pickers
 * make (so no extra request): a stale or hand-edited link says so and cannot be provisioned.
 */
export function useSubjectCheck(form: ProvisionFormState): SubjectCheck {
  const userId = form.kind === "user" ? form.userId : null;
  const groupId = form.kind === "group" ? form.groupId : null;
  const memberIds = form.kind === "group" ? form.memberIds : [];
  const user = useQuery({ ...directoryQueries.user(userId ?? ""), enabled: userId !== null });
  const group = useQuery({ ...directoryQueries.group(groupId ?? ""), enabled: groupId !== null });
  const members = useQueries({ queries: memberIds.map((id) => directoryQueries.user(id)) });

  if (userId !== null) {
    if (user.isPending) return { problem: "Looking up the user…", named: null, warning: null };
    if (user.isError) return lookupFailed("user", user.error);
    if (user.data === null)
      return { problem: `No user has the id ${userId}. Pick the user by name.`, named: null, warning: null };
    const { displayName, userPrincipalName } = user.data;
    return {
      problem: null,
      named: `${displayName}${userPrincipalName ? ` (${userPrincipalName})` : ""}`,
      warning: null,
    };
  }
  if (groupId !== null) {
    if (group.isPending || members.some((member) => member.isPending))
      return { problem: "Looking up the group and its members…", named: null, warning: null };
    if (group.isError) return lookupFailed("group", group.error);
    if (group.data === null)
      return {
        problem: `No group has the id ${groupId}. Find the group by name.`,
        named: null,
        warning: null,
      };
    const unknown = memberIds.filter((_id, index) => members[index]?.data === null);
    if (unknown.length > 0)
      return {
        problem: `${memberNotFoundText(unknown)} Remove it from the members.`,
        named: null,
        warning: null,
      };
    const failed = members.find((member) => member.isError);
    if (failed?.error) return lookupFailed("member", failed.error);
    const count = memberIds.length;
    return {
      problem: null,
      named: `${group.data.displayName} with ${count} member${count === 1 ? "" : "s"}`,
      warning: null,
    };
  }
  if (form.kind === "onPremisesUser" && form.distinguishedName.trim())
    return { problem: null, named: form.distinguishedName.trim(), warning: null };
  return { problem: null, named: null, warning: null };
}

function lookupFailed(what: string, error: Error): SubjectCheck {
  return {
    problem: null,
    named: null,
    warning: `The ${what} could not be looked up (${error.message}); Provision sends the id as the link gives it.`,
  };
}
