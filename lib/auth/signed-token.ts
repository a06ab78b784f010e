import "server-only";
import { verify } from "node:crypto";
import type { AuthReason } from "./auth-reason";
import type { SigningKeys } from "./signing-keys";

// One JWT check for every token this project accepts: the console's own API tokens and, in the
// demo tenant, the Graph tokens it receives.

export type TokenRejection = Extract<
  AuthReason,
  | "token_malformed"
  | "token_signature_invalid"
  | "token_audience_invalid"
  | "token_issuer_invalid"
  | "token_tenant_invalid"
  | "token_expired"
  | "token_not_yet_valid"
>;

export class TokenRejected extends Error {
  override name = "TokenRejected";
  constructor(
    readonly reason: TokenRejection,
    message: string,
  ) {
    super(message);
  }
}

export interface TokenExpectations {
  issuer: string;
  /** The token's `aud` must be one of these. */
  audiences: readonly string[];
  /** The token's `tid` must be this tenant. */
  tenantId: string;
  keys: SigningKeys;
  /** Allowed clock skew for `exp` and `nbf`; 60 s unless told. */
  clockToleranceSeconds?: number;
  /** Allowed skew for `exp` alone, when it must differ (a token passed on must still be valid): as above unless told. */
  expiryToleranceSeconds?: number;
  /** Milliseconds since the epoch. */
  now?: () => number;
}

export type TokenClaims = Record<string, unknown>;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Verifies an RS256 JWT: the signature against the issuer's keys first (nothing unsigned is
 * believed), then tenant, issuer, audience and lifetime. Throws TokenRejected naming the check.
 */
export async function verifySignedToken(token: string, expected: TokenExpectations): Promise<TokenClaims> {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) {
    throw new TokenRejected(
      "token_malformed",
      "The bearer token is not a JSON Web Token (three base64url parts).",
    );
  }
  const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
  const header = decodeJson(encodedHeader, "header");
  const claims = decodeJson(encodedPayload, "payload");

  if (header.alg !== "RS256") {
    throw new TokenRejected(
      "token_signature_invalid",
      `The token is signed with ${JSON.stringify(header.alg ?? null)}; only RS256 is accepted.`,
    );
  }
  if (typeof header.kid !== "string") {
    throw new TokenRejected("token_malformed", "The token header names no signing key (kid).");
  }
  const key = await expected.keys.key(header.kid);
  if (!key) {
    throw new TokenRejected(
      "token_signature_invalid",
      `The token was signed with key ${header.kid}, which the issuer does not publish.`,
    );
  }
  const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`);
  if (!verify("RSA-SHA256", signed, key, Buffer.from(encodedSignature, "base64url"))) {
    throw new TokenRejected("token_signature_invalid", "The token's signature does not verify.");
  }

  checkClaims(claims, expected);
  return claims;
}

function checkClaims(claims: TokenClaims, expected: TokenExpectations): void {
  // Tenant before issuer: another tenant's token also has another issuer, and "wrong tenant" is the truer answer.
  if (claims.tid !== expected.tenantId) {
    throw new TokenRejected(
      "token_tenant_invalid",
      `The token was issued for tenant ${String(claims.tid ?? "(none)")}, not this console's tenant.`,
    );
  }
  if (claims.iss !== expected.issuer) {
    throw new TokenRejected(
      "token_issuer_invalid",
      `The token's issuer ${String(claims.iss ?? "(none)")} is not ${expected.issuer}.`,
    );
  }
  const audiences =
    typeof claims.aud === "string" ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
  if (!audiences.some((audience) => expected.audiences.includes(audience as string))) {
    throw new TokenRejected(
      "token_audience_invalid",
      `The token is meant for ${audiences.map(String).join(", ") || "(no audience)"}, not for ${expected.audiences.join(" or ")}.`,
    );
  }

  const tolerance = expected.clockToleranceSeconds ?? 60;
  const nowSeconds = (expected.now ?? Date.now)() / 1000;
  if (typeof claims.exp !== "number")
    throw new TokenRejected("token_malformed", "The token has no expiry (exp).");
  if (claims.exp + (expected.expiryToleranceSeconds ?? tolerance) <= nowSeconds) {
    throw new TokenRejected("token_expired", `The token expired at ${isoTime(claims.exp)}.`);
  }
  if (claims.nbf !== undefined) {
    if (typeof claims.nbf !== "number")
      throw new TokenRejected("token_malformed", "The token's nbf is not a number.");
    if (claims.nbf - tolerance > nowSeconds) {
      throw new TokenRejected("token_not_yet_valid", `The token is not valid before ${isoTime(claims.nbf)}.`);
    }
  }
}

function decodeJson(part: string, name: string): TokenClaims {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    throw new TokenRejected("token_malformed", `The token's ${name} is not JSON.`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TokenRejected("token_malformed", `The token's ${name} is not a JSON object.`);
  }
  return value as TokenClaims;
}

function isoTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString();
}
