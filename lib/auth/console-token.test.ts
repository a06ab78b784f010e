import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { callerFromClaims, requireRole } from "./caller";
import { verifyConsoleToken, type ConsoleTokenClaims, type ConsoleTokenConfig } from "./console-token";
import {
  AUTHORITY_HOST,
  CLIENT_ID,
  consoleClaims,
  NOW_MS,
  NOW_S,
  OTHER_TENANT_ID,
  TENANT_ID,
  tokenKit,
} from "@/lib/testing/token-kit";

const kit = tokenKit();
const stranger = tokenKit();

const config: ConsoleTokenConfig = {
  issuer: `${AUTHORITY_HOST}/${TENANT_ID}/v2.0`,
  audiences: [CLIENT_ID, `api://${CLIENT_ID}`],
  tenantId: TENANT_ID,
  jwksUri: `${AUTHORITY_HOST}/${TENANT_ID}/discovery/v2.0/keys`,
  now: () => NOW_MS,
  fetchJwks: async () => kit.jwks(),
};

async function rejection(token: string): Promise<{ status: number; code: string; authReason?: string }> {
  try {
    await verifyConsoleToken(token, config);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.status, code: error.code, authReason: error.extra.authReason };
  }
  throw new Error("the token was accepted");
}

describe("the console token cases", () => {
  const cases: [string, () => string, string][] = [
    ["none", () => "", "token_missing"],
    ["malformed", () => "not-a-jwt", "token_malformed"],
    ["malformed JSON inside", () => "eyJub3QganNvbg.eyJhIjoxfQ.c2ln", "token_malformed"],
    [
      "wrong signature (another key under our kid)",
      () => signedBy(stranger, consoleClaims(), kit.key.kid),
      "token_signature_invalid",
    ],
    ["an unpublished key", () => stranger.sign(consoleClaims()), "token_signature_invalid"],
    ["alg none", () => unsigned(consoleClaims()), "token_signature_invalid"],
    [
      "wrong audience",
      () => kit.sign(consoleClaims({ aud: "api://someone-else" })),
      "token_audience_invalid",
    ],
    [
      "wrong issuer (v1.0)",
      () => kit.sign(consoleClaims({ iss: `https://sts.windows.net/${TENANT_ID}/` })),
      "token_issuer_invalid",
    ],
    [
      "other tenant",
      () =>
        kit.sign(consoleClaims({ tid: OTHER_TENANT_ID, iss: `${AUTHORITY_HOST}/${OTHER_TENANT_ID}/v2.0` })),
      "token_tenant_invalid",
    ],
    ["expired", () => kit.sign(consoleClaims({ exp: NOW_S - 600 })), "token_expired"],
    ["not yet valid", () => kit.sign(consoleClaims({ nbf: NOW_S + 600 })), "token_not_yet_valid"],
    ["no console scope", () => kit.sign(consoleClaims({ scp: "User.Read" })), "token_scope_missing"],
    [
      "an app-only token",
      () => kit.sign(consoleClaims({ scp: undefined, idtyp: "app" })),
      "token_scope_missing",
    ],
  ];

  it.each(cases)("%s → 401 with its reason", async (_name, token, reason) => {
    expect(await rejection(token())).toEqual({ status: 401, code: "unauthenticated", authReason: reason });
  });

  it("no role → the token verifies, and any role check answers 403 role_missing", async () => {
    const token = kit.sign(consoleClaims({ roles: undefined }));
    const caller = callerFromClaims(await verifyConsoleToken(token, config), token);
    expect(caller.roles).toEqual([]);
    const refused = (() => {
      try {
        requireRole(caller, "Console.Reader");
      } catch (error) {
        return error as ApiError;
      }
    })();
    expect(refused).toMatchObject({ status: 403, code: "forbidden", extra: { authReason: "role_missing" } });
  });

  it("accepts a valid token for either audience, keeping only the console's roles", async () => {
    for (const aud of [CLIENT_ID, `api://${CLIENT_ID}`]) {
      const claims = await verifyConsoleToken(
        kit.sign(consoleClaims({ aud, roles: ["Console.Reader", "Something.Else"] })),
        config,
      );
      expect(claims).toMatchObject({
        oid: consoleClaims().oid,
        tid: TENANT_ID,
        name: "Adele Vance",
        roles: ["Console.Reader"],
      });
    }
  });

  it("allows a minute of clock skew before nbf, but none past exp: the token is passed on to Entra ID", async () => {
    expect((await verifyConsoleToken(kit.sign(consoleClaims({ nbf: NOW_S + 30 })), config)).oid).toBeTruthy();
    expect(await rejection(kit.sign(consoleClaims({ nbf: NOW_S + 61 })))).toMatchObject({
      authReason: "token_not_yet_valid",
    });
    // Expired 30 s ago: within the skew, but on-behalf-of would fail on it, so the browser must renew now.
    expect(await rejection(kit.sign(consoleClaims({ exp: NOW_S - 30 })))).toMatchObject({
      status: 401,
      authReason: "token_expired",
    });
    expect((await verifyConsoleToken(kit.sign(consoleClaims({ exp: NOW_S + 30 })), config)).oid).toBeTruthy();
  });

  it("a Reader is refused Operator work but may read; an Operator may do both", () => {
    const reader = callerFromClaims(
      { oid: "r", tid: TENANT_ID, roles: ["Console.Reader"], scopes: [], claims: {} },
      "t",
    );
    const operator = callerFromClaims(
      { oid: "o", tid: TENANT_ID, roles: ["Console.Operator"], scopes: [], claims: {} },
      "t",
    );
    expect(() => requireRole(reader, "Console.Reader")).not.toThrow();
    expect(() => requireRole(reader, "Console.Operator")).toThrow(/Console\.Operator/);
    expect(() => requireRole(operator, "Console.Reader")).not.toThrow();
    expect(() => requireRole(operator, "Console.Operator")).not.toThrow();
  });

  it("an Administrator is also an Operator and a Reader; an Operator is refused Administrator work", () => {
    const caller = (roles: ConsoleTokenClaims["roles"]) =>
      callerFromClaims({ oid: "a", tid: TENANT_ID, roles, scopes: [], claims: {} }, "t");
    const administrator = caller(["Console.Administrator"]);
    for (const role of ["Console.Reader", "Console.Operator", "Console.Administrator"] as const)
      expect(() => requireRole(administrator, role)).not.toThrow();
    expect(() => requireRole(caller(["Console.Operator"]), "Console.Administrator")).toThrow(
      /Console\.Administrator/,
    );
    expect(() => requireRole(caller(["Console.Reader"]), "Console.Administrator")).toThrow(
      /Console\.Administrator/,
    );
    expect(() => requireRole(caller([]), "Console.Reader")).toThrow(/Console\.Reader/);
  });

  it("keeps Console.Administrator from the token's roles", async () => {
    const token = kit.sign(consoleClaims({ roles: ["Console.Administrator", "Console.Auditor"] }));
    expect((await verifyConsoleToken(token, config)).roles).toEqual(["Console.Administrator"]);
  });

  it("keeps the caller's token for on-behalf-of out of JSON, spreads and logs", () => {
    const caller = callerFromClaims(
      { oid: "o", tid: TENANT_ID, name: "Adele", roles: [], scopes: [], claims: {} },
      "secret.assertion.value",
    );
    expect(caller.assertion).toBe("secret.assertion.value");
    expect(JSON.stringify(caller)).not.toContain("secret");
    expect(JSON.stringify({ ...caller })).not.toContain("secret");
  });
});

function signedBy(signer: ReturnType<typeof tokenKit>, claims: Record<string, unknown>, kid: string): string {
  return signer.sign(claims, { kid });
}

function unsigned(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none", kid: kit.key.kid })}.${encode(claims)}.${encode("x")}`;
}
