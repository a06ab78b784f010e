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
export const ADMINISTRATOR_ROLE = "Console.Administrator";

/** Lowest first; each role includes the ones before it. */
const ROLE_ORDER = [READER_ROLE, OPERATOR_ROLE, ADMINISTRATOR_ROLE];

export interface Permission {
  allowed: boolean;
  /** Why not, in words for the person at the console; null when allowed. */
  reason: string | null;
}

/** Whether the account holds the role or one above it (an Administrator is also an Operator and a Reader). */
export function holdsRole(account: SignedInAccount, role: string): boolean {
  const needed = ROLE_ORDER.indexOf(role);
  return account.roles.some((held) => ROLE_ORDER.indexOf(held) >= needed && needed >= 0);
}

/** Running provisioning needs the Operator role; demo mode's local operator may always. */
export function provisioningPermission(session: ConsoleSession): Permission {
  if (session.mode === "demo") return { allowed: true, reason: null };
  if (session.status !== "signed-in") return { allowed: false, reason: "Sign in to run provisioning." };
  if (holdsRole(session.account, OPERATOR_ROLE)) return { allowed: true, reason: null };
  return {
    allowed: false,
    reason: `Running provisioning needs the ${OPERATOR_ROLE} app role; ${session.account.name} can only read runs. Ask an administrator of the console's enterprise application to assign it.`,
  };
}

/** Testing a job's connection, changing its token, restarting, pausing and starting it needs the Administrator role. */
export function jobActionPermission(session: ConsoleSession): Permission {
  if (session.mode === "demo") return { allowed: true, reason: null };
  if (session.status !== "signed-in") return { allowed: false, reason: "Sign in to act on the job." };
  if (holdsRole(session.account, ADMINISTRATOR_ROLE)) return { allowed: true, reason: null };
  const can = holdsRole(session.account, OPERATOR_ROLE) ? "can run provisioning but" : "can only read and";
  return {
    allowed: false,
    reason: `Acting on the job needs the ${ADMINISTRATOR_ROLE} app role; ${session.account.name} ${can} cannot change the job. Ask an administrator of the console's enterprise application to assign it.`,
  };
}

/** True when the account holds any role of this console. */
export function hasConsoleRole(account: SignedInAccount): boolean {
  return holdsRole(account, READER_ROLE);
}
