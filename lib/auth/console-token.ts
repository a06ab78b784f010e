import "server-only";
import { notAuthenticated } from "./auth-reason";
import { signingKeysFor, type FetchJwks } from "./signing-keys";
import { TokenRejected, verifySignedToken, type TokenClaims } from "./signed-token";

export type ConsoleRole = "Console.Reader" | "Console.Operator" | "Console.Administrator";

/** The console's app roles, each including the ones before it: an Administrator is also an Operator and a Reader. */
export const CONSOLE_ROLES: readonly ConsoleRole[] = [
  "Console.Reader",
  "Console.Operator",
  "Console.Administrator",
];

export interface ConsoleTokenConfig {
  /** `{authorityHost}/{tenantId}/v2.0` — v2.0 tokens only. */
  issuer: string;
  /** The console's client id and its `api://…` application id URI. */
  audiences: string[];
  tenantId: string;
  jwksUri: string;
  /** The delegated scope the browser asks for; its name must be in `scp`. */
  scopeName?: string;
  clockToleranceSeconds?: number;
  now?: () => number;
  fetchJwks?: FetchJwks;
}

export interface ConsoleTokenClaims {
  /** The user's object id in the tenant. */
  oid: string;
  tid: string;
  name?: string;
  preferredUsername?: string;
  /** The console's app roles the user holds; other roles in the token are ignored. */
  roles: ConsoleRole[];
  scopes: string[];
  /** Every claim, as verified. */
  claims: TokenClaims;
}

export const DEFAULT_SCOPE_NAME = "access_as_user";

/** Verifies a bearer token sent to the console's API; throws 401 with an `authReason` naming the failed check. */
export async function verifyConsoleToken(
  token: string,
  config: ConsoleTokenConfig,
): Promise<ConsoleTokenClaims> {
  if (!token) throw notAuthenticated("token_missing", "Sign in: the request carries no bearer token.");
  let claims: TokenClaims;
  try {
    claims = await verifySignedToken(token, {
      issuer: config.issuer,
      audiences: config.audiences,
      tenantId: config.tenantId,
      keys: signingKeysFor(config.jwksUri, config.fetchJwks),
      clockToleranceSeconds: config.clockToleranceSeconds,
      // No grace past `exp`: the console passes the token on to Entra ID (on-behalf-of), which refuses
      // an expired one, so the browser is told at once (401, WWW-Authenticate) and renews it.
      expiryToleranceSeconds: 0,
      now: config.now,
    });
  } catch (error) {
    if (error instanceof TokenRejected) throw notAuthenticated(error.reason, error.message);
    throw error;
  }

  const scopeName = config.scopeName ?? DEFAULT_SCOPE_NAME;
  const scopes = typeof claims.scp === "string" ? claims.scp.split(" ").filter(Boolean) : [];
  if (!scopes.includes(scopeName)) {
    throw notAuthenticated(
      "token_scope_missing",
      `The token does not grant the ${scopeName} scope; the console accepts only tokens a signed-in user obtained for it.`,
    );
  }
  if (typeof claims.oid !== "string" || !claims.oid) {
    throw notAuthenticated("token_malformed", "The token names no user (oid).");
  }
  const roles = Array.isArray(claims.roles)
    ? CONSOLE_ROLES.filter((role) => (claims.roles as unknown[]).includes(role))
    : [];
  return {
    oid: claims.oid,
    tid: claims.tid as string,
    name: typeof claims.name === "string" ? claims.name : undefined,
    preferredUsername: typeof claims.preferred_username === "string" ? claims.preferred_username : undefined,
    roles,
    scopes,
    claims,
  };
}
