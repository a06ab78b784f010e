import { describe, expect, it } from "vitest";
import { graphTestClient, type Json } from "@/lib/testing/demo-graph-client";
import { createDemoTenant, DEMO_FIXTURES, DEVELOPER_CLIENTS } from "..";

// The token endpoint a developer uses against the stand-alone demo tenant, and Graph's answer to its tokens.

let clock = Date.UTC(2026, 10, 27, 9, 0, 0);
const tenant = createDemoTenant({ graphTokens: "self", throttle: false, now: () => new Date(clock) });
const graph = graphTestClient(tenant.handle);
const TOKEN_URL = `https://graph.microsoft.com/${DEMO_FIXTURES.tenantId}/oauth2/v2.0/token`;

async function requestToken(fields: Record<string, string>): Promise<{ status: number; json: Json }> {
  const response = await tenant.handle(
    new Request(TOKEN_URL, { method: "POST", body: new URLSearchParams(fields) }),
  );
  return { status: response.status, json: await response.json() };
}

const credentials = (client: (typeof DEVELOPER_CLIENTS)[keyof typeof DEVELOPER_CLIENTS], extra = {}) => ({
  grant_type: "client_credentials",
  client_id: client.clientId,
  client_secret: client.clientSecret,
  scope: "https://graph.microsoft.com/.default",
  ...extra,
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe("the demo tenant's token endpoint", () => {
  it("issues a Graph application token with the app's permissions as roles", async () => {
    const { status, json } = await requestToken(credentials(DEVELOPER_CLIENTS.provisioning));
    expect(status).toBe(200);
    expect(json).toMatchObject({ token_type: "Bearer", expires_in: 3599 });
    const claims = JSON.parse(Buffer.from(json.access_token.split(".")[1], "base64url").toString());
    expect(claims).toMatchObject({
      aud: "https://graph.microsoft.com",
      iss: `https://sts.windows.net/${DEMO_FIXTURES.tenantId}/`,
      tid: DEMO_FIXTURES.tenantId,
      idtyp: "app",
      roles: expect.arrayContaining(["Synchronization.ReadWrite.All"]),
    });
    const users = await graph.get("/v1.0/users?$top=1", bearer(json.access_token));
    expect(users.status).toBe(200);
    const app = await graph.get(
      `/v1.0/servicePrincipals/${claims.oid}?$select=appId`,
      bearer(json.access_token),
    );
    expect(app.json.appId).toBe(DEVELOPER_CLIENTS.provisioning.clientId);
  });

  it("refuses what the identity platform refuses, with its AADSTS codes", async () => {
    const wrongSecret = await requestToken(credentials(DEVELOPER_CLIENTS.reader, { client_secret: "guess" }));
    expect(wrongSecret).toMatchObject({
      status: 401,
      json: { error: "invalid_client", error_codes: [7000215] },
    });
    const unknown = await requestToken(credentials(DEVELOPER_CLIENTS.reader, { client_id: "nobody" }));
    expect(unknown).toMatchObject({
      status: 400,
      json: { error: "unauthorized_client", error_codes: [700016] },
    });
    const scope = await requestToken(credentials(DEVELOPER_CLIENTS.reader, { scope: "User.Read.All" }));
    expect(scope).toMatchObject({ status: 400, json: { error: "invalid_scope", error_codes: [1002012] } });
    const grant = await requestToken(credentials(DEVELOPER_CLIENTS.reader, { grant_type: "password" }));
    expect(grant.json.error).toBe("unsupported_grant_type");
    expect(grant.json.error_description).toMatch(/^AADSTS70003: /);
  });

  it("publishes the keys its tokens are signed with", async () => {
    const keys = await graph.get(`/${DEMO_FIXTURES.tenantId}/discovery/v2.0/keys`);
    expect(keys.json.keys).toEqual([
      expect.objectContaining({ kty: "RSA", use: "sig", kid: expect.any(String) }),
    ]);
    const config = await graph.get(`/contoso.com/v2.0/.well-known/openid-configuration`);
    expect(config.json.token_endpoint).toBe(TOKEN_URL);
  });
});

describe("Graph's answer to a token from the endpoint", () => {
  const provisionPath = `/v1.0/servicePrincipals/${DEMO_FIXTURES.scimApp.spId}/synchronization/jobs/${encodeURIComponent(DEMO_FIXTURES.scimApp.jobId)}/provisionOnDemand`;
  const body = {
    parameters: [
      {
        ruleId: DEMO_FIXTURES.scimApp.ruleId,
        subjects: [{ objectId: DEMO_FIXTURES.inScopeUser.id, objectTypeName: "User" }],
      },
    ],
  };

  it("answers 401 with WWW-Authenticate without a token, and for garbage", async () => {
    for (const headers of [{}, bearer("garbage")]) {
      const answer = await graph.get("/v1.0/users?$top=1", headers);
      expect(answer.status).toBe(401);
      expect(answer.json.error.code).toBe("InvalidAuthenticationToken");
      expect(answer.headers.get("WWW-Authenticate")).toContain("00000003-0000-0000-c000-000000000000");
    }
  });

  it("needs Synchronization.ReadWrite.All for provisionOnDemand: 403 for the reader, 200 for the automation app", async () => {
    const reader = (await requestToken(credentials(DEVELOPER_CLIENTS.reader))).json.access_token;
    const denied = await graph.post(provisionPath, body, bearer(reader));
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe("Authorization_RequestDenied");
    const automation = (await requestToken(credentials(DEVELOPER_CLIENTS.provisioning))).json.access_token;
    const allowed = await graph.post(provisionPath, body, bearer(automation));
    expect(allowed.status).toBe(200);
  });

  it("refuses a token once it has expired", async () => {
    const token = (await requestToken(credentials(DEVELOPER_CLIENTS.provisioning))).json.access_token;
    clock += 3600_000;
    const answer = await graph.get("/v1.0/users?$top=1", bearer(token));
    expect(answer.status).toBe(401);
    expect(answer.json.error.message).toMatch(/expired/);
  });
});
