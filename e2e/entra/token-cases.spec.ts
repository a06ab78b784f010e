import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import type { TestIdentityProvider } from "../identity-provider";
import { listApiRoutes, samplePath } from "./api-routes";
import { expect, test } from "./entra-test";
import { NO_ROLE, OPERATOR, OTHER_TENANT_ID } from "./entra-stack";

// Every /api route but the public ones, against every kind of bad token: each is refused with the
// status and the auth reason the console documents, before the route does anything.

interface TokenCase {
  name: string;
  authorization: (provider: TestIdentityProvider) => string | null;
  status: 401 | 403;
  authReason: string;
}

const now = () => Math.floor(Date.now() / 1000);
const bearer = (token: string) => `Bearer ${token}`;

const TOKEN_CASES: TokenCase[] = [
  { name: "no token", authorization: () => null, status: 401, authReason: "token_missing" },
  {
    name: "malformed token",
    authorization: () => bearer("not.a-jwt"),
    status: 401,
    authReason: "token_malformed",
  },
  {
    name: "not a bearer token",
    authorization: () => "Basic b2xpdmlhOnNlY3JldA==",
    status: 401,
    authReason: "token_malformed",
  },
  {
    name: "wrong signature",
    authorization: (p) => bearer(p.mintConsoleToken({ oid: OPERATOR.oid }, { signWithForeignKey: true })),
    status: 401,
    authReason: "token_signature_invalid",
  },
  {
    name: "wrong audience",
    authorization: (p) => bearer(p.mintConsoleToken({ oid: OPERATOR.oid, aud: "api://some-other-app" })),
    status: 401,
    authReason: "token_audience_invalid",
  },
  {
    name: "wrong issuer",
    authorization: (p) => bearer(p.mintConsoleToken({ oid: OPERATOR.oid, iss: `${p.origin}/common/v2.0` })),
    status: 401,
    authReason: "token_issuer_invalid",
  },
  {
    name: "other tenant",
    authorization: (p) =>
      bearer(
        p.mintConsoleToken({
          oid: OPERATOR.oid,
          tid: OTHER_TENANT_ID,
          iss: `${p.origin}/${OTHER_TENANT_ID}/v2.0`,
        }),
      ),
    status: 401,
    authReason: "token_tenant_invalid",
  },
  {
    name: "expired",
    authorization: (p) =>
      bearer(
        p.mintConsoleToken({ oid: OPERATOR.oid, iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }),
      ),
    status: 401,
    authReason: "token_expired",
  },
  {
    // Within the minute of clock skew: it would pass a lenient check, then fail on-behalf-of (502).
    name: "expired seconds ago",
    authorization: (p) =>
      bearer(
        p.mintConsoleToken({ oid: OPERATOR.oid, iat: now() - 3620, nbf: now() - 3620, exp: now() - 20 }),
      ),
    status: 401,
    authReason: "token_expired",
  },
  {
    name: "not yet valid",
    authorization: (p) =>
      bearer(p.mintConsoleToken({ oid: OPERATOR.oid, iat: now(), nbf: now() + 3600, exp: now() + 7200 })),
    status: 401,
    authReason: "token_not_yet_valid",
  },
  {
    name: "without the console API scope",
    authorization: (p) => bearer(p.mintConsoleToken({ oid: OPERATOR.oid, scp: "User.Read" })),
    status: 401,
    authReason: "token_scope_missing",
  },
  {
    name: "no console role",
    authorization: (p) => bearer(p.mintConsoleToken({ oid: NO_ROLE.oid })),
    status: 403,
    authReason: "role_missing",
  },
];

const routes = listApiRoutes();

test("the table covers every /api route; only health and the unknown-path answer are public", () => {
  expect(routes.length).toBeGreaterThan(10);
  expect(routes.filter((route) => route.isPublic).map((route) => route.pattern)).toEqual([
    "/api/[...path]",
    "/api/health",
  ]);
  // Only opening a shared link needs no console role.
  expect(routes.flatMap((route) => route.signedInOnly.map((method) => `${method} ${route.pattern}`))).toEqual(
    ["GET /api/shares/[shareId]"],
  );
});

let api: APIRequestContext;
test.beforeAll(async ({ entra }) => {
  api = await playwrightRequest.newContext({ baseURL: entra.consoleURL });
});
test.afterAll(async () => {
  await api?.dispose();
});

for (const route of routes.filter((candidate) => !candidate.isPublic)) {
  test(`${route.methods.join(", ")} ${route.pattern} refuses every bad token with its reason`, async ({
    entra,
  }) => {
    const path = samplePath(route);
    const answers: string[] = [];
    const expected: string[] = [];
    for (const method of route.methods) {
      for (const tokenCase of TOKEN_CASES) {
        const authorization = tokenCase.authorization(entra.provider);
        const response = await api.fetch(path, {
          method,
          headers: authorization ? { authorization } : {},
          ...(method === "GET" || method === "DELETE" ? {} : { data: {} }),
        });
        const body = (await response.json().catch(() => null)) as {
          error?: { code?: string; authReason?: string };
        } | null;
        // Every 401 says how to authenticate (RFC 6750), so a client knows to get a new token.
        const challenge = response.headers()["www-authenticate"] ?? "";
        const challenged =
          response.status() !== 401 || challenge.startsWith('Bearer realm="provision-on-demand-console"');
        answers.push(
          `${method} ${tokenCase.name}: ${response.status()} ${body?.error?.authReason ?? "(no authReason)"}${challenged ? "" : " without WWW-Authenticate"}`,
        );
        // A shared link opens for anyone signed in: without a role, the sample link is simply not found.
        const roleless = tokenCase.authReason === "role_missing" && route.signedInOnly.includes(method);
        expected.push(
          roleless
            ? `${method} ${tokenCase.name}: 404 (no authReason)`
            : `${method} ${tokenCase.name}: ${tokenCase.status} ${tokenCase.authReason}`,
        );
      }
    }
    expect(answers).toEqual(expected);
  });
}

test("a valid Operator token passes the same checks (the table's refusals are the token's doing)", async ({
  entra,
}) => {
  const response = await api.get("/api/runs", {
    headers: { authorization: bearer(entra.provider.mintConsoleToken({ oid: OPERATOR.oid })) },
  });
  expect(response.status()).toBe(200);
});
