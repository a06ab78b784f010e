import "server-only";
import { env } from "@/lib/env";
import { notAllowed, notAuthenticated } from "./auth-reason";
import { readBearerToken } from "./bearer-token";
import {
  CONSOLE_ROLES,
  verifyConsoleToken,
  type ConsoleRole,
  type ConsoleTokenClaims,
} from "./console-token";
import { entraSettings } from "./entra-settings";

export type { ConsoleRole } from "./console-token";

export interface Caller {
  /** Stable id recorded on runs and in the audit log: the user's object id in Entra mode. */
  id: string;
  displayName: string;
  roles: ConsoleRole[];
  /**
   * The bearer token the caller sent (Entra mode), kept for on-behalf-of. Not enumerable, so
   * JSON, spreads and logs of a Caller never carry it.
   */
  readonly assertion?: string;
  /** When that token expires (ms since the epoch), from its verified `exp` claim. */
  readonly assertionExpiresAt?: number;
}

/** In demo mode whoever reaches the console is the local demo operator, with every role. */
const demoOperator: Caller = {
  id: "demo-operator",
  displayName: "Demo operator",
  roles: [...CONSOLE_ROLES],
};

// One verification per request, however many times a request asks who is calling.
const callers = new WeakMap<Request, Promise<Caller>>();

/** Who is calling; throws 401 with an `authReason` when that cannot be established. */
export function authenticate(request: Request): Promise<Caller> {
  let caller = callers.get(request);
  if (!caller) callers.set(request, (caller = identify(request)));
  return caller;
}

async function identify(request: Request): Promise<Caller> {
  const settings = entraSettings(env());
  if (!settings) return demoOperator;
  const token = bearerToken(request);
  const claims = await verifyConsoleToken(token, settings.consoleToken);
  return callerFromClaims(claims, token);
}

function bearerToken(request: Request): string {
  const bearer = readBearerToken(request);
  if (bearer.kind === "token") return bearer.token;
  if (bearer.kind === "missing")
    throw notAuthenticated("token_missing", "Sign in: the request carries no bearer token.");
  throw notAuthenticated("token_malformed", "The Authorization header must be 'Bearer <token>'.");
}

/** A Caller for verified claims; the token rides along, hidden, for on-behalf-of. */
export function callerFromClaims(claims: ConsoleTokenClaims, assertion: string): Caller {
  const caller: Caller = {
    id: claims.oid,
    displayName: claims.name ?? claims.preferredUsername ?? claims.oid,
    roles: claims.roles,
  };
  Object.defineProperty(caller, "assertion", { value: assertion, enumerable: false });
  const exp = claims.claims.exp;
  if (typeof exp === "number") Object.defineProperty(caller, "assertionExpiresAt", { value: exp * 1000 });
  return caller;
}

/** Whether the caller holds the role or one above it (Administrator ⊃ Operator ⊃ Reader). */
export function holdsRole(caller: Pick<Caller, "roles">, role: ConsoleRole): boolean {
  const needed = CONSOLE_ROLES.indexOf(role);
  return caller.roles.some((held) => CONSOLE_ROLES.indexOf(held) >= needed);
}

/** Throws 403 unless the caller holds the role (Administrator implies Operator, Operator implies Reader). */
export function requireRole(caller: Caller, role: ConsoleRole): void {
  if (!holdsRole(caller, role)) {
    throw notAllowed(
      "role_missing",
      `This needs the ${role} app role, which ${caller.displayName} does not have.`,
    );
  }
}
