import type { DemoUserAttribute } from "./queries";

export const ATTRIBUTE_LABELS: Record<DemoUserAttribute, string> = {
  department: "Department",
  jobTitle: "Job title",
  displayName: "Display name",
  mail: "Mail",
  givenName: "Given name",
  surname: "Surname",
  employeeId: "Employee id",
};

const REQUIRED: ReadonlySet<DemoUserAttribute> = new Set(["displayName"]);

export type AttributeChange =
  | { changes: Partial<Record<DemoUserAttribute, string | null>>; problem: null }
  | { changes: null; problem: string };

/** The PATCH body for one attribute; an empty value clears it, where the attribute may be empty. */
export function attributeChange(attribute: DemoUserAttribute, value: string): AttributeChange {
  const text = value.trim();
  if (text === "" && REQUIRED.has(attribute))
    return { changes: null, problem: `${ATTRIBUTE_LABELS[attribute]} cannot be empty.` };
  if (attribute === "mail" && text !== "" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text)) {
    return { changes: null, problem: "Mail must look like name@domain.com, or be empty to clear it." };
  }
  return { changes: { [attribute]: text === "" ? null : text }, problem: null };
}

/** What happened, in one sentence for the confirmation. */
export function attributeChangedText(
  userName: string,
  attribute: DemoUserAttribute,
  value: string | null,
): string {
  const label = ATTRIBUTE_LABELS[attribute].toLowerCase();
  return value === null ? `Cleared ${userName}'s ${label}.` : `${userName}'s ${label} is now "${value}".`;
}
