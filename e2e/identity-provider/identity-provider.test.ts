import { createHash, createPublicKey, randomBytes, verify } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpsCall, signInThroughPage } from "./https-test-client";
import { startTestIdentityProvider, type TestIdentityProvider } from "./test-identity-provider";

const tenantId = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const clientId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const secret = "console-secret~value";
const apiScope = `api://${clientId}/access_as_user`;
const consoleOrigin = "http://127.0.0.1:3100";
const redirectUri = `${consoleOrigin}/`;
const operator = {
  oid: "11111111-aaaa-4bbb-8ccc-000000000001",
  name: "Olivia Operator",
  preferredUsername: "olivia@contoso.test",
  roles: ["Console.Operator"],
};
const reader = {
  oid: "11111111-aaaa-4bbb-8ccc-000000000002",
  name: "Reed Reader",
  preferredUsername: "reed@contoso.test",
  roles: ["Console.Reader"],
};

let provider: TestIdentityProvider;
let ca: string;

beforeAll(async () => {
  provider = await startTestIdentityProvider({
    tenantId,
    consoleClientId: clientId,
    consoleClientSecret: secret,
    consoleApiScope: apiScope,
    users: [operator, reader],
  });
  ca = provider.caCertificatePem;
});

afterAll(async () => {
  await provider?.stop();
});

const tokenUrl = () => `${provider.authority}/oauth2/v2.0/token`;

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
}

function headerOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
}

/** Verifies a token's signature against the provider's published keys, as a resource server would. */
async function verifiesAgainstJwks(token: string): Promise<boolean> {
  const { keys } = (await httpsCall(provider.jwksUri, ca)).json<{ keys: Array<Record<string, string>> }>();
  const [header, payload, signature] = token.split(".") as [string, string, string];
  const jwk = keys.find((key) => key.kid === headerOf(token).kid);
  if (!jwk) return false;
  return verify(
    "RSA-SHA256",
    Buffer.from(`${header}.${payload}`),
    createPublicKey({ key: jwk, format: "jwk" }),
    Buffer.from(signature, "base64url"),
  );
}

function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

function authorizeUrl(parameters: Record<string, string>): string {
  const url = new URL(`${provider.authority}/oauth2/v2.0/authorize`);
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  return url.toString();
}

/** The SPA's sign-in: authorize with PKCE, pick the user, and the redirect the browser lands on. */
async function spaSignIn(userName: string, overrides: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const outcome = await signInThroughPage(
    authorizeUrl({
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: "code",
      response_mode: "query",
      scope: `${apiScope} openid profile offline_access`,
      code_challenge: challenge,
      code_challenge_method: "S256",
      state: "state-123",
      nonce: "nonce-456",
      client_info: "1",
      ...overrides,
    }),
    ca,
    userName,
  );
  return { ...outcome, verifier, code: outcome.location.searchParams.get("code") ?? "" };
}

function redeem(
  code: string,
  verifier: string,
  extra: Record<string, string> = {},
  headers: Record<string, string> = { origin: consoleOrigin },
) {
  return httpsCall(tokenUrl(), ca, {
    form: {
      client_id: clientId,
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      scope: `${apiScope} openid profile offline_access`,
      client_info: "1",
      ...extra,
    },
    headers,
  });
}

describe("discovery", () => {
  it("publishes the tenant's OpenID configuration where MSAL looks for it", async () => {
    const answer = await httpsCall(`${provider.authority}/v2.0/.well-known/openid-configuration`, ca);
    expect(answer.status).toBe(200);
    const document = answer.json();
    expect(document).toMatchObject({
      issuer: provider.issuer,
      authorization_endpoint: `${provider.authority}/oauth2/v2.0/authorize`,
      token_endpoint: `${provider.authority}/oauth2/v2.0/token`,
      end_session_endpoint: `${provider.authority}/oauth2/v2.0/logout`,
      jwks_uri: provider.jwksUri,
    });
    expect(document.response_modes_supported).toEqual(expect.arrayContaining(["query", "fragment"]));
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
    const fromBrowser = await httpsCall(`${provider.authority}/v2.0/.well-known/openid-configuration`, ca, {
      headers: { origin: consoleOrigin },
    });
    expect(fromBrowser.headers["access-control-allow-origin"]).toBe("*");
  });

  it("gives the multi-tenant document a {tenantid} issuer and /common endpoints", async () => {
    const document = (
      await httpsCall(`${provider.origin}/common/v2.0/.well-known/openid-configuration`, ca)
    ).json();
    expect(document.issuer).toBe(`${provider.origin}/{tenantid}/v2.0`);
    expect(document.token_endpoint).toBe(`${provider.origin}/common/oauth2/v2.0/token`);
  });

  it("answers instance discovery with this host as preferred network and cache", async () => {
    const authorize = `${provider.authority}/oauth2/v2.0/authorize`;
    const answer = await httpsCall(
      `${provider.origin}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(authorize)}`,
      ca,
    );
    expect(answer.json()).toEqual({
      tenant_discovery_endpoint: `${provider.authority}/v2.0/.well-known/openid-configuration`,
      "api-version": "1.1",
      metadata: [
        { preferred_network: provider.host, preferred_cache: provider.host, aliases: [provider.host] },
      ],
    });
    const foreign = await httpsCall(
      `${provider.origin}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent("https://login.example.com/x/oauth2/v2.0/authorize")}`,
      ca,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.json().error).toBe("invalid_instance");
  });

  it("publishes an RS256 signing key with a kid", async () => {
    const { keys } = (await httpsCall(provider.jwksUri, ca)).json<{ keys: Array<Record<string, string>> }>();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "RSA", use: "sig", e: "AQAB" });
    expect(keys[0]?.kid).toMatch(/^\S{10,}$/);
  });

  it("does not know other tenants", async () => {
    const answer = await httpsCall(
      `${provider.origin}/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration`,
      ca,
    );
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ error: "invalid_tenant", error_codes: [90002] });
  });
});

describe("authorization code with PKCE, redeemed by the SPA", () => {
  it("signs the chosen user in and issues a console API token with Entra's claims", async () => {
    const signIn = await spaSignIn("Olivia Operator");
    expect(signIn.location.origin + signIn.location.pathname).toBe(redirectUri);
    expect(signIn.location.searchParams.get("state")).toBe("state-123");
    expect(
      JSON.parse(Buffer.from(signIn.location.searchParams.get("client_info") ?? "", "base64url").toString()),
    ).toEqual({
      uid: operator.oid,
      utid: tenantId,
    });

    const answer = await redeem(signIn.code, signIn.verifier);
    expect(answer.status).toBe(200);
    expect(answer.headers["access-control-allow-origin"]).toBe(consoleOrigin);
    const body = answer.json<Record<string, string | number>>();
    expect(body).toMatchObject({ token_type: "Bearer", scope: apiScope, expires_in: 3600 });
    expect(typeof body.refresh_token).toBe("string");
    expect(JSON.parse(Buffer.from(String(body.client_info), "base64url").toString())).toEqual({
      uid: operator.oid,
      utid: tenantId,
    });

    const access = claimsOf(String(body.access_token));
    const now = Math.floor(Date.now() / 1000);
    expect(access).toMatchObject({
      aud: clientId,
      iss: provider.issuer,
      tid: tenantId,
      oid: operator.oid,
      name: operator.name,
      preferred_username: operator.preferredUsername,
      roles: ["Console.Operator"],
      scp: "access_as_user",
      azp: clientId,
      azpacr: "0",
      ver: "2.0",
    });
    expect(access.exp).toBe((access.iat as number) + 3600);
    expect(Math.abs((access.iat as number) - now)).toBeLessThan(5);
    expect(await verifiesAgainstJwks(String(body.access_token))).toBe(true);

    const id = claimsOf(String(body.id_token));
    expect(id).toMatchObject({
      aud: clientId,
      iss: provider.issuer,
      nonce: "nonce-456",
      oid: operator.oid,
      tid: tenantId,
    });
  });

  it("puts the answer in the fragment when asked to", async () => {
    const signIn = await spaSignIn("Reed Reader", { response_mode: "fragment" });
    expect(signIn.location.search).toBe("");
    const fragment = new URLSearchParams(signIn.location.hash.slice(1));
    expect(fragment.get("code")).toBeTruthy();
    expect(fragment.get("state")).toBe("state-123");
  });

  it("refuses a code_verifier that does not match the challenge, and burns the code", async () => {
    const signIn = await spaSignIn("Olivia Operator");
    const wrong = await redeem(signIn.code, pkce().verifier);
    expect(wrong.status).toBe(400);
    expect(wrong.json()).toMatchObject({ error: "invalid_grant", error_codes: [501481] });
    expect(String(wrong.json().error_description)).toMatch(/^AADSTS501481: .*Correlation ID: /);
    const retried = await redeem(signIn.code, signIn.verifier);
    expect(retried.json()).toMatchObject({ error: "invalid_grant", error_codes: [54005] });
  });

  it("refuses a code redeemed twice and a redirect_uri that differs", async () => {
    const first = await spaSignIn("Olivia Operator");
    expect((await redeem(first.code, first.verifier)).status).toBe(200);
    expect((await redeem(first.code, first.verifier)).json().error_codes).toEqual([54005]);
    const second = await spaSignIn("Olivia Operator");
    const elsewhere = await redeem(second.code, second.verifier, { redirect_uri: "http://127.0.0.1:9999/" });
    expect(elsewhere.json()).toMatchObject({ error: "invalid_grant", error_codes: [500112] });
  });

  it("asks a server-side redemption without a credential for one", async () => {
    const signIn = await spaSignIn("Olivia Operator");
    const answer = await redeem(signIn.code, signIn.verifier, {}, {});
    expect(answer.status).toBe(401);
    expect(answer.json()).toMatchObject({ error: "invalid_client", error_codes: [7000218] });
  });

  it("issues a Graph token — to the browser — when sign-in asks for no API scope, and remembers it", async () => {
    const before = provider.issuedGraphTokens().length;
    const signIn = await spaSignIn("Reed Reader", { scope: "openid profile offline_access" });
    const answer = await redeem(signIn.code, signIn.verifier, { scope: "openid profile offline_access" });
    const token = String(answer.json().access_token);
    expect(claimsOf(token)).toMatchObject({
      aud: "https://graph.microsoft.com",
      oid: reader.oid,
      scp: "User.Read",
    });
    expect(provider.issuedGraphTokens()).toHaveLength(before + 1);
    expect(provider.issuedGraphTokens()).toContain(token);
  });

  it("answers the browser's CORS preflight for the token endpoint, for loopback origins only", async () => {
    const preflight = await httpsCall(tokenUrl(), ca, {
      method: "OPTIONS",
      headers: {
        origin: consoleOrigin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-anchormailbox",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      "access-control-allow-origin": consoleOrigin,
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers": "content-type,x-anchormailbox",
    });
    const stranger = await httpsCall(tokenUrl(), ca, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example" },
    });
    expect(stranger.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("the authorize endpoint's checks", () => {
  it("shows an error page, not a redirect, for an unknown client or an unregistered redirect URI", async () => {
    const { challenge } = pkce();
    const base = {
      response_type: "code",
      scope: apiScope,
      code_challenge: challenge,
      code_challenge_method: "S256",
    };
    const unknown = await httpsCall(
      authorizeUrl({ ...base, client_id: "99999999-9999-4999-8999-999999999999", redirect_uri: redirectUri }),
      ca,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain("AADSTS700016");
    const foreign = await httpsCall(
      authorizeUrl({ ...base, client_id: clientId, redirect_uri: "https://evil.example/" }),
      ca,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.headers.location).toBeUndefined();
    expect(foreign.text).toContain("AADSTS50011");
  });

  it("sends the app an error when PKCE is missing", async () => {
    const answer = await httpsCall(
      authorizeUrl({
        client_id: clientId,
        redirect_uri: redirectUri,
        response_type: "code",
        scope: apiScope,
        state: "s1",
      }),
      ca,
    );
    expect(answer.status).toBe(302);
    const back = new URL(answer.headers.location ?? "");
    expect(back.searchParams.get("error")).toBe("invalid_request");
    expect(back.searchParams.get("error_description")).toMatch(/^AADSTS9002325/);
    expect(back.searchParams.get("state")).toBe("s1");
  });

  it("answers prompt=none from the browser session, and login_required without one", async () => {
    const signIn = await spaSignIn("Reed Reader");
    expect(signIn.sessionCookie).toMatch(/^test_idp_session=/);
    const { challenge } = pkce();
    const silent = {
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: "code",
      scope: apiScope,
      code_challenge: challenge,
      code_challenge_method: "S256",
      prompt: "none",
      state: "silent",
    };
    const withSession = await httpsCall(authorizeUrl(silent), ca, {
      headers: { cookie: signIn.sessionCookie ?? "" },
    });
    expect(new URL(withSession.headers.location ?? "").searchParams.get("code")).toBeTruthy();
    const without = await httpsCall(authorizeUrl(silent), ca);
    expect(new URL(without.headers.location ?? "").searchParams.get("error")).toBe("login_required");
  });

  it("signs out: back to post_logout_redirect_uri, session gone", async () => {
    const signIn = await spaSignIn("Reed Reader");
    const cookie = { cookie: signIn.sessionCookie ?? "" };
    const logout = await httpsCall(
      `${provider.authority}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(`${consoleOrigin}/signed-out`)}`,
      ca,
      { headers: cookie },
    );
    expect(logout.status).toBe(302);
    expect(logout.headers.location).toBe(`${consoleOrigin}/signed-out`);
    expect(logout.headers["set-cookie"]?.[0]).toContain("Max-Age=0");
    const { challenge } = pkce();
    const silent = await httpsCall(
      authorizeUrl({
        client_id: clientId,
        redirect_uri: redirectUri,
        response_type: "code",
        scope: apiScope,
        code_challenge: challenge,
        code_challenge_method: "S256",
        prompt: "none",
      }),
      ca,
      { headers: cookie },
    );
    expect(new URL(silent.headers.location ?? "").searchParams.get("error")).toBe("login_required");
  });
});

describe("refresh tokens", () => {
  it("trades the SPA's refresh token for a new console token, from the browser only", async () => {
    const signIn = await spaSignIn("Olivia Operator");
    const refreshToken = String((await redeem(signIn.code, signIn.verifier)).json().refresh_token);
    const form = {
      client_id: clientId,
      grant_type: "refresh_token",
      refresh_token: refreshToken,
      scope: `${apiScope} openid offline_access`,
    };
    const refreshed = await httpsCall(tokenUrl(), ca, { form, headers: { origin: consoleOrigin } });
    expect(refreshed.status).toBe(200);
    expect(claimsOf(String(refreshed.json().access_token))).toMatchObject({
      aud: clientId,
      oid: operator.oid,
      scp: "access_as_user",
    });
    expect(refreshed.json().refresh_token).not.toBe(refreshToken);
    const serverSide = await httpsCall(tokenUrl(), ca, { form: { ...form, client_secret: secret } });
    expect(serverSide.json()).toMatchObject({ error: "invalid_request", error_codes: [9002327] });
    const unknown = await httpsCall(tokenUrl(), ca, {
      form: { ...form, refresh_token: "1.not-a-token" },
      headers: { origin: consoleOrigin },
    });
    expect(unknown.json()).toMatchObject({ error: "invalid_grant" });
  });
});

describe("on-behalf-of", () => {
  const obo = (assertion: string, extra: Record<string, string> = {}) =>
    httpsCall(tokenUrl(), ca, {
      form: {
        client_id: clientId,
        client_secret: secret,
        grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
        requested_token_use: "on_behalf_of",
        assertion,
        scope: "https://graph.microsoft.com/.default openid profile offline_access",
        client_info: "1",
        ...extra,
      },
    });

  it("trades the user's console token for a v1 Graph token carrying their oid and the delegated scopes", async () => {
    const signIn = await spaSignIn("Reed Reader");
    const consoleToken = String((await redeem(signIn.code, signIn.verifier)).json().access_token);
    const answer = await obo(consoleToken);
    expect(answer.status).toBe(200);
    const body = answer.json<Record<string, string>>();
    const graph = claimsOf(String(body.access_token));
    expect(graph).toMatchObject({
      aud: "https://graph.microsoft.com",
      iss: `https://sts.windows.net/${tenantId}/`,
      tid: tenantId,
      oid: reader.oid,
      appid: clientId,
      idtyp: "user",
      ver: "1.0",
      scp: "Synchronization.ReadWrite.All Application.Read.All User.Read.All GroupMember.Read.All",
    });
    expect(body.scope).toContain("https://graph.microsoft.com/.default");
    expect(await verifiesAgainstJwks(String(body.access_token))).toBe(true);
    expect(provider.issuedGraphTokens()).toContain(body.access_token);
  });

  it("asks for consent when a named scope was never consented to", async () => {
    const answer = await obo(provider.mintConsoleToken({}), {
      scope: "https://graph.microsoft.com/Directory.ReadWrite.All",
    });
    expect(answer.json()).toMatchObject({
      error: "invalid_grant",
      error_codes: [65001],
      suberror: "consent_required",
    });
  });

  it.each([
    ["a forged signature", () => provider.mintConsoleToken({}, { signWithForeignKey: true }), 50013],
    ["an unknown key id", () => provider.mintConsoleToken({}, { kid: "not-published" }), 50013],
    [
      "an expired token",
      () => provider.mintConsoleToken({ exp: Math.floor(Date.now() / 1000) - 60 }),
      500133,
    ],
    [
      "a token not yet valid",
      () => provider.mintConsoleToken({ nbf: Math.floor(Date.now() / 1000) + 600 }),
      500133,
    ],
    ["another audience", () => provider.mintConsoleToken({ aud: "https://graph.microsoft.com" }), 500131],
    [
      "another issuer",
      () => provider.mintConsoleToken({ iss: "https://login.microsoftonline.com/other/v2.0" }),
      50027,
    ],
    ["not a JWT", () => "not.a.jwt", 50027],
  ])("refuses an assertion with %s as invalid_grant", async (_case, assertion, aadsts) => {
    const answer = await obo(assertion());
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ error: "invalid_grant", error_codes: [aadsts] });
  });

  it("is for confidential clients: a wrong secret is invalid_client", async () => {
    const answer = await obo(provider.mintConsoleToken({}), { client_secret: "wrong" });
    expect(answer.status).toBe(401);
    expect(answer.json()).toMatchObject({ error: "invalid_client", error_codes: [7000215] });
  });
});

describe("client credentials", () => {
  const credentials = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    httpsCall(tokenUrl(), ca, {
      form: { grant_type: "client_credentials", scope: "https://graph.microsoft.com/.default", ...form },
      headers,
    });

  it("issues an app-only Graph token with the application roles", async () => {
    const answer = await credentials({ client_id: clientId, client_secret: secret });
    expect(answer.status).toBe(200);
    const body = answer.json<Record<string, unknown>>();
    expect(body.scope).toBeUndefined();
    expect(body.refresh_token).toBeUndefined();
    expect(claimsOf(String(body.access_token))).toMatchObject({
      aud: "https://graph.microsoft.com",
      idtyp: "app",
      oid: provider.servicePrincipalId,
      appid: clientId,
      roles: [
        "Synchronization.ReadWrite.All",
        "Application.Read.All",
        "User.Read.All",
        "GroupMember.Read.All",
      ],
    });
    expect(provider.issuedGraphTokens()).toContain(body.access_token);
  });

  it("accepts the secret in a Basic authorization header", async () => {
    const basic = Buffer.from(`${clientId}:${encodeURIComponent(secret)}`).toString("base64");
    const answer = await credentials({}, { authorization: `Basic ${basic}` });
    expect(answer.status).toBe(200);
  });

  it("insists on /.default and on a known client", async () => {
    const named = await credentials({
      client_id: clientId,
      client_secret: secret,
      scope: "https://graph.microsoft.com/User.Read.All",
    });
    expect(named.json()).toMatchObject({ error: "invalid_scope", error_codes: [1002012] });
    const stranger = await credentials({
      client_id: "99999999-9999-4999-8999-999999999999",
      client_secret: secret,
    });
    expect(stranger.json()).toMatchObject({ error: "unauthorized_client", error_codes: [700016] });
    const noGrant = await httpsCall(tokenUrl(), ca, {
      form: { client_id: clientId, client_secret: secret, grant_type: "password" },
    });
    expect(noGrant.json()).toMatchObject({ error: "unsupported_grant_type", error_codes: [70003] });
  });
});

describe("mintConsoleToken", () => {
  it("mints a token for the named user with overrides, leaving out claims set to undefined", async () => {
    const token = provider.mintConsoleToken({ oid: reader.oid, roles: undefined, aud: "api://other" });
    const claims = claimsOf(token);
    expect(claims).toMatchObject({
      oid: reader.oid,
      name: reader.name,
      aud: "api://other",
      iss: provider.issuer,
      tid: tenantId,
    });
    expect(claims).not.toHaveProperty("roles");
    expect(await verifiesAgainstJwks(token)).toBe(true);
  });

  it("forges with another key under the real kid, so only the signature gives it away", async () => {
    const real = provider.mintConsoleToken({});
    const forged = provider.mintConsoleToken({}, { signWithForeignKey: true });
    expect(headerOf(forged).kid).toBe(headerOf(real).kid);
    expect(await verifiesAgainstJwks(forged)).toBe(false);
  });
});
