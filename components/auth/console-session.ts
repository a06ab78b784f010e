/** The signed-in person as the account menu shows them. */
export interface SignedInAccount {
  name: string;
  /** The user principal name (preferred_username). */
  username: string;
  /** The console's app roles from the ID token. */
  roles: string[];
}

/** Where sign-in stands; demo mode has no sign-in at all. */
export type ConsoleSession =
  | { mode: "demo" }
  | { mode: "entra"; status: "starting" }
  | { mode: "entra"; status: "failed"; message: string }
  | { mode: "entra"; status: "signed-out"; signIn: () => void; error: string | null }
  | { mode: "entra"; status: "signed-in"; account: SignedInAccount; signOut: () => void };

export const READER_ROLE = "Console.Reader";
export const OPERATOR_ROLE = "Console.Operator";

export interface Permission {
  allowed: boolean;
  /** Why not, in words for the person at the console; null when allowed. */
  reason: string | null;
}

/** Running provisioning needs the Operator role; demo mode's local operator may always. */
export function provisioningPermission(session: ConsoleSession): Permission {
  if (session.mode === "demo") return { allowed: true, reason: null };
  if (session.status !== "signed-in") return { allowed: false, reason: "Sign in to run provisioning." };
  if (session.account.roles.includes(OPERATOR_ROLE)) return { allowed: true, reason: null };
  return {
    allowed: false,
    reason: `Running provisioning needs the ${OPERATOR_ROLE} app role; ${session.account.name} can only read runs. Ask an administrator of the console's enterprise application to assign it.`,
  };
}

/** True when the account holds any role of this console (Operator includes Reader). */
export function hasConsoleRole(account: SignedInAccount): boolean {
  return account.roles.includes(READER_ROLE) || account.roles.includes(OPERATOR_ROLE);
}
