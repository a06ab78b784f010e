import "server-only";
import { createPublicKey, sign, verify, type JsonWebKey, type KeyObject } from "node:crypto";

// The demo tenant's own JSON Web Tokens: RS256 signing for its token endpoint and verification of
// the Graph tokens it receives, with the checks Microsoft Graph makes. The demo tenant stands alone,
// so it does not borrow the console's verifier (lib/auth).

export type TokenClaims = Record<string, unknown>;

export type TokenRejection =
  | "token_malformed"
  | "token_signature_invalid"
  | "token_audience_invalid"
  | "token_issuer_invalid"
  | "token_tenant_invalid"
  | "token_expired"
  | "token_not_yet_valid";

export class TokenRejected extends Error {
  override name = "TokenRejected";
  constructor(
    readonly reason: TokenRejection,
    message: string,
  ) {
    super(message);
  }
}

export interface SigningKeyPair {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function signToken(claims: TokenClaims, key: SigningKeyPair): string {
  const head = `${encode({ typ: "JWT", alg: "RS256", kid: key.kid, x5t: key.kid })}.${encode(claims)}`;
  return `${head}.${sign("RSA-SHA256", Buffer.from(head), key.privateKey).toString("base64url")}`;
}

/** The public half as a JWKS entry, as Entra publishes its keys. */
export function publicJwk(key: SigningKeyPair): JsonWebKey {
  return { ...key.publicKey.export({ format: "jwk" }), kid: key.kid, use: "sig", kty: "RSA" };
}

export interface TokenExpectations {
  issuer: string;
  audiences: readonly string[];
  tenantId: string;
  /** The issuer's public key with this id, or undefined when it publishes none. */
  key(kid: string): Promise<KeyObject | undefined>;
  clockToleranceSeconds: number;
  now: () => number;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decode(part: string, name: string): TokenClaims {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    throw new TokenRejected("token_malformed", `The token's ${name} is not JSON.`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new TokenRejected("token_malformed", `The token's ${name} is not a JSON object.`);
  return value as TokenClaims;
}

/** Signature first (nothing unsigned is believed), then tenant, issuer, audience and lifetime. */
export async function verifyToken(token: string, expected: TokenExpectations): Promise<TokenClaims> {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part)))
    throw new TokenRejected("token_malformed", "The bearer token is not a JSON Web Token.");
  const [header, payload, signature] = parts as [string, string, string];
  const head = decode(header, "header");
  const claims = decode(payload, "payload");
  if (head.alg !== "RS256") throw new TokenRejected("token_signature_invalid", "Only RS256 is accepted.");
  if (typeof head.kid !== "string") throw new TokenRejected("token_malformed", "The token names no key.");
  const key = await expected.key(head.kid);
  if (
    !key ||
    !verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"))
  )
    throw new TokenRejected("token_signature_invalid", "The token's signature does not verify.");

  if (claims.tid !== expected.tenantId) throw new TokenRejected("token_tenant_invalid", "Another tenant.");
  if (claims.iss !== expected.issuer) throw new TokenRejected("token_issuer_invalid", "Another issuer.");
  const audiences =
    typeof claims.aud === "string" ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
  if (!audiences.some((audience) => expected.audiences.includes(audience as string)))
    throw new TokenRejected("token_audience_invalid", "Another audience.");
  const now = expected.now() / 1000;
  const tolerance = expected.clockToleranceSeconds;
  if (typeof claims.exp !== "number") throw new TokenRejected("token_malformed", "The token has no expiry.");
  if (claims.exp + tolerance <= now) throw new TokenRejected("token_expired", "The token is expired.");
  if (claims.nbf !== undefined && (typeof claims.nbf !== "number" || claims.nbf - tolerance > now))
    throw new TokenRejected("token_not_yet_valid", "The token is not yet valid.");
  return claims;
}

/** Reads a JWKS document (`{ keys: [...] }`). */
export type FetchJwks = (jwksUri: string) => Promise<unknown>;

const fetchJwksOverHttp: FetchJwks = async (jwksUri) => {
  const response = await fetch(jwksUri, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${jwksUri} answered ${response.status}`);
  return response.json();
};

function readKeySet(document: unknown): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const list = (document as { keys?: unknown } | null)?.keys;
  for (const entry of Array.isArray(list) ? (list as JsonWebKey[]) : []) {
    if (entry?.kty !== "RSA" || typeof entry.kid !== "string" || (entry.use && entry.use !== "sig")) continue;
    try {
      keys.set(entry.kid, createPublicKey({ key: entry, format: "jwk" }));
    } catch {
      // A key this process cannot read is as good as absent.
    }
  }
  return keys;
}

const REFRESH_MS = 60 * 60_000;
const UNKNOWN_KID_REFETCH_MS = 60_000;
const cachesByFetcher = new WeakMap<
  FetchJwks,
  Map<string, (kid: string) => Promise<KeyObject | undefined>>
>();

/** An issuer's keys, read once an hour, and again (at most once a minute) when a token names a new one. */
export function issuerKeys(jwksUri: string, fetchJwks: FetchJwks = fetchJwksOverHttp, now = Date.now) {
  let byUri = cachesByFetcher.get(fetchJwks);
  if (!byUri) cachesByFetcher.set(fetchJwks, (byUri = new Map()));
  const cached = byUri.get(jwksUri);
  if (cached) return cached;
  let keys: Map<string, KeyObject> | null = null;
  let fetchedAt = -Infinity;
  const refresh = async () => {
    try {
      keys = readKeySet(await fetchJwks(jwksUri));
    } catch (error) {
      if (!keys) throw error;
    } finally {
      fetchedAt = now();
    }
    return keys!;
  };
  const lookup = async (kid: string) => {
    let current = keys && now() - fetchedAt < REFRESH_MS ? keys : await refresh();
    if (!current.has(kid) && now() - fetchedAt >= UNKNOWN_KID_REFETCH_MS) current = await refresh();
    return current.get(kid);
  };
  byUri.set(jwksUri, lookup);
  return lookup;
}
