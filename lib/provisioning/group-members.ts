import { normaliseOutcome } from "./outcome";
import type { Outcome, ProvisioningReport } from "./result";

/** What a group's report says happened to one of the members sent with it. */
export interface ReportedMember {
  /** The member as the report names it (a userPrincipalName, or the id when it was not found). */
  label: string;
  outcome: Outcome | null;
  action: string | null;
  errorCode: string | null;
  /** What happened to the membership: "added to the group", "out of scope, so not added", … */
  membership: string | null;
  /** The detail as the service wrote it. */
  text: string;
}

const MEMBER_KEY = /^Member '(.*)'$/;
const DONE: Record<string, string> = {
  created: "Create",
  updated: "Update",
  disabled: "Disable",
  deleted: "Delete",
  "no change": "Other",
};
const WITH_CODE = /^(\w+) \(([^)]*)\)$/;

/**
 * The members a group's answer reports on, from the `Member '…'` details of its steps (the last
 * mention wins). Microsoft's own group answer carries none, so this is often empty.
 */
export function reportedMembersOf(report: ProvisioningReport): ReportedMember[] {
  const byLabel = new Map<string, ReportedMember>();
  for (const step of report.steps) {
    for (const [key, text] of Object.entries(step.details)) {
      const label = MEMBER_KEY.exec(key)?.[1];
      if (label !== undefined) byLabel.set(label, { label, ...readMemberText(text), text });
    }
  }
  return [...byLabel.values()];
}

function readMemberText(text: string): Omit<ReportedMember, "label" | "text"> {
  const [first = "", ...rest] = text.split(";").map((part) => part.trim());
  const membership = rest.length > 0 ? rest.join("; ") : null;
  const action = DONE[first.toLowerCase()];
  if (action) return { outcome: "Success", action, errorCode: null, membership };
  const coded = WITH_CODE.exec(first);
  if (coded) {
    const outcome = normaliseOutcome(coded[1]);
    return { outcome, action: null, errorCode: coded[2]?.trim() || null, membership };
  }
  return {
    outcome: null,
    action: null,
    errorCode: null,
    membership: [first, membership].filter(Boolean).join("; ") || null,
  };
}
