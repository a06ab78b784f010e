import { describe, expect, it } from "vitest";
import { NOW_MS, NOW_S, TENANT_ID, tokenKit } from "@/lib/testing/token-kit";
import { createDemoTenant } from ".";

// The demo tenant standing in for Graph in Entra-mode tests: it answers tokens as Graph would.

const kit = tokenKit();
const GRAPH = "https://graph.microsoft.com";
const tenant = createDemoTenant({
  now: () => new Date(NOW_MS),
  graphTokens: {
    issuer: `https://sts.windows.net/${TENANT_ID}/`,
    jwksUri: "https://login.test-idp.invalid/common/discovery/keys",
    audience: GRAPH,
    tenantId: TENANT_ID,
    fetchJwks: async () => kit.jwks(),
    now: () => NOW_MS,
  },
});

const token = (claims: Record<string, unknown>) =>
  kit.sign({
    iss: `https://sts.windows.net/${TENANT_ID}/`,
    aud: GRAPH,
    tid: TENANT_ID,
    oid: "u1",
    iat: NOW_S - 60,
    nbf: NOW_S - 60,
    exp: NOW_S + 3600,
    ...claims,
  });

const get = (path: string, bearer?: string) =>
  tenant.handle(
    new Request(`${GRAPH}/v1.0${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} }),
  );

describe("demo tenant with Graph token checks", () => {
  it("answers 401 InvalidAuthenticationToken without a token, or with an expired one", async () => {
    const none = await get("/users?$top=1");
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe("InvalidAuthenticationToken");
    const expired = await get("/users?$top=1", token({ scp: "User.Read.All", exp: NOW_S - 10 }));
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.message).toMatch(/expired/);
  });

  it("answers 403 Authorization_RequestDenied when the token lacks the permission, 200 when it has it", async () => {
    const denied = await get("/users?$top=1", token({ scp: "Synchronization.ReadWrite.All" }));
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.code).toBe("Authorization_RequestDenied");
    expect((await get("/users?$top=1", token({ scp: "User.Read.All" }))).status).toBe(200);
    expect(
      (await get("/servicePrincipals?$top=1", token({ roles: ["Application.Read.All"], idtyp: "app" })))
        .status,
    ).toBe(200);
  });

  it("checks each request inside a $batch against the token", async () => {
    const response = await tenant.handle(
      new Request(`${GRAPH}/v1.0/$batch`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token({ scp: "User.Read.All" })}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({
          requests: [
            { id: "1", method: "GET", url: "/users?$top=1" },
            { id: "2", method: "GET", url: "/servicePrincipals?$top=1" },
          ],
        }),
      }),
    );
    expect(response.status).toBe(200);
    const { responses } = (await response.json()) as {
      responses: { id: string; status: number; body: { error?: { code: string } } }[];
    };
    expect(responses.find((r) => r.id === "1")?.status).toBe(200);
    const second = responses.find((r) => r.id === "2");
    expect(second?.status).toBe(403);
    expect(second?.body.error?.code).toBe("Authorization_RequestDenied");
  });
});
