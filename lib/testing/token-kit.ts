import "server-only";
import {
  createSigningKey,
  publicJwk,
  signJwt,
  type JwtClaims,
  type SigningKey,
} from "@/e2e/identity-provider/jwt";

// Tokens for unit tests, signed with keys made here; the identity provider's own signer makes them.

export const TENANT_ID = "8f3c2a1e-5b7d-4c9e-a0f1-2d3e4f5a6b7c";
export const OTHER_TENANT_ID = "11111111-2222-4333-8444-555555555555";
export const CLIENT_ID = "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d";
export const AUTHORITY_HOST = "https://login.test-idp.invalid";
export const NOW_MS = Date.UTC(2026, 0, 15, 12, 0, 0);
export const NOW_S = NOW_MS / 1000;

export interface TokenKit {
  key: SigningKey;
  /** The JWKS document this issuer publishes. */
  jwks: () => { keys: Record<string, string>[] };
  sign(claims: JwtClaims, header?: Record<string, unknown>): string;
}

export function tokenKit(key: SigningKey = createSigningKey()): TokenKit {
  return {
    key,
    jwks: () => ({ keys: [publicJwk(key)] }),
    sign: (claims, header) => signJwt(claims, key, header),
  };
}

/** The claims of a console API token for a user who holds the Operator role, valid at NOW_MS. */
export function consoleClaims(overrides: JwtClaims = {}): JwtClaims {
  return {
    iss: `${AUTHORITY_HOST}/${TENANT_ID}/v2.0`,
    aud: CLIENT_ID,
    tid: TENANT_ID,
    oid: "0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e",
    name: "Adele Vance",
    preferred_username: "adelev@contoso.test",
    scp: "access_as_user",
    roles: ["Console.Operator"],
    iat: NOW_S - 60,
    nbf: NOW_S - 60,
    exp: NOW_S + 3600,
    ver: "2.0",
    ...overrides,
  };
}

export { createSigningKey, publicJwk, type SigningKey };
