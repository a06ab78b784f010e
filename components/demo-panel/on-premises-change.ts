/** LDAP attributes of an AD user the panel offers to change (Cloud Sync maps each to Entra ID). */
export const ON_PREMISES_ATTRIBUTES = {
  department: "Department",
  title: "Job title",
  displayName: "Display name",
  physicalDeliveryOfficeName: "Office",
  telephoneNumber: "Telephone number",
  employeeID: "Employee id",
  company: "Company",
} as const;
export type OnPremisesAttribute = keyof typeof ON_PREMISES_ATTRIBUTES;

/** Active Directory holds up to 1,024 characters in its common text attributes. */
const MAX_LDAP_VALUE = 1024;
const REQUIRED: ReadonlySet<OnPremisesAttribute> = new Set(["displayName"]);

export type OnPremisesChange =
  | { changes: Partial<Record<OnPremisesAttribute, string | null>>; problem: null }
  | { changes: null; problem: string };

/** The PATCH body for one LDAP attribute; empty removes it from the AD user, where it may be absent. */
export function onPremisesChange(attribute: OnPremisesAttribute, value: string): OnPremisesChange {
  const text = value.trim();
  const label = ON_PREMISES_ATTRIBUTES[attribute];
  if (text === "" && REQUIRED.has(attribute)) return { changes: null, problem: `${label} cannot be empty.` };
  if (text.length > MAX_LDAP_VALUE)
    return {
      changes: null,
      problem: `${label} holds at most ${MAX_LDAP_VALUE.toLocaleString("en")} characters.`,
    };
  return { changes: { [attribute]: text === "" ? null : text }, problem: null };
}

/** userAccountControl as AD writes it for a normal account, enabled (512) or disabled (514). */
export const ACCOUNT_CONTROL = { enabled: "512", disabled: "514" } as const;

/** The name an AD user goes by, from its distinguished name (CN=Adele Vance,OU=… → Adele Vance). */
export function nameOfDistinguishedName(dn: string): string {
  const match = /^\s*CN=((?:\\,|[^,])+)/i.exec(dn);
  return match ? match[1]!.replaceAll("\\,", ",").trim() : dn;
}
