import { describe, expect, it } from "vitest";
import { NOW_MS, NOW_S, OTHER_TENANT_ID, TENANT_ID, tokenKit } from "@/lib/testing/token-kit";
import { checkGraphToken, graphPermissionsFor, type GraphTokenCheckConfig } from "./graph-token-check";

const kit = tokenKit();
const stranger = tokenKit();
const GRAPH = "https://graph.microsoft.com";

const config: GraphTokenCheckConfig = {
  issuer: `https://sts.windows.net/${TENANT_ID}/`,
  jwksUri: "https://login.test-idp.invalid/common/discovery/keys",
  audience: GRAPH,
  tenantId: TENANT_ID,
  fetchJwks: async () => kit.jwks(),
  now: () => NOW_MS,
};

const graphClaims = (overrides: Record<string, unknown>) => ({
  iss: `https://sts.windows.net/${TENANT_ID}/`,
  aud: GRAPH,
  tid: TENANT_ID,
  oid: "0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e",
  iat: NOW_S - 60,
  nbf: NOW_S - 60,
  exp: NOW_S + 3600,
  ...overrides,
});
const delegated = (scp: string, overrides = {}) => kit.sign(graphClaims({ scp, ...overrides }));
const application = (roles: string[]) => kit.sign(graphClaims({ roles, idtyp: "app" }));

const SP = "4f6e2d1c-0b9a-4877-a665-544332211000";
const JOB = "scim.4b8c0a8e2f6d4f1c9a3b7e5d.4ba2";
const provisionOnDemand = `${GRAPH}/v1.0/servicePrincipals/${SP}/synchronization/jobs/${JOB}/provisionOnDemand`;

const ask = (url: string, token?: string, method = "GET") =>
  checkGraphToken(
    new Request(url, { method, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } }),
    config,
  );

describe("Graph's answer to the token it receives", () => {
  const invalid = (message: string) => ({ status: 401, code: "InvalidAuthenticationToken", message });

  it.each([
    ["no token", () => undefined, "Access token is empty."],
    ["an empty bearer", () => "", "Access token is empty."],
    ["not a JWT", () => "opaque-token", "CompactToken parsing failed with error code: 80049217"],
    [
      "another signer",
      () => stranger.sign(graphClaims({ scp: "Synchronization.ReadWrite.All" }), { kid: kit.key.kid }),
      "Access token validation failure.",
    ],
    [
      "the console's own token",
      () => delegated("Synchronization.ReadWrite.All", { aud: "api://console" }),
      "Access token validation failure. Invalid audience.",
    ],
    [
      "a v2.0 issuer",
      () =>
        delegated("Synchronization.ReadWrite.All", {
          iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
        }),
      "Access token validation failure. Invalid issuer.",
    ],
    [
      "another tenant",
      () =>
        delegated("Synchronization.ReadWrite.All", {
          tid: OTHER_TENANT_ID,
          iss: `https://sts.windows.net/${OTHER_TENANT_ID}/`,
        }),
      "Access token validation failure. Invalid issuer.",
    ],
    [
      "an expired token",
      () => delegated("Synchronization.ReadWrite.All", { exp: NOW_S - 1 }),
      "Lifetime validation failed, the token is expired.",
    ],
  ])("%s → 401 InvalidAuthenticationToken", async (_name, token, message) => {
    expect(await ask(provisionOnDemand, token(), "POST")).toEqual(invalid(message));
  });

  it("accepts Graph's application id as the audience too", async () => {
    const token = delegated("Synchronization.ReadWrite.All", { aud: "00000003-0000-0000-c000-000000000000" });
    expect(await ask(provisionOnDemand, token, "POST")).toBeNull();
  });

  const denied = {
    status: 403,
    code: "Authorization_RequestDenied",
    message: "Insufficient privileges to complete the operation.",
  };
  const jobs = `${GRAPH}/v1.0/servicePrincipals/${SP}/synchronization/jobs`;

  it.each([
    [
      "provisionOnDemand, delegated ReadWrite",
      provisionOnDemand,
      "POST",
      () => delegated("Synchronization.ReadWrite.All"),
      null,
    ],
    [
      "provisionOnDemand, delegated Read only",
      provisionOnDemand,
      "POST",
      () => delegated("Synchronization.Read.All Application.Read.All"),
      denied,
    ],
    [
      "provisionOnDemand, app ReadWrite",
      provisionOnDemand,
      "POST",
      () => application(["Synchronization.ReadWrite.All"]),
      null,
    ],
    [
      "provisionOnDemand, app OwnedBy",
      provisionOnDemand,
      "POST",
      () => application(["Application.ReadWrite.OwnedBy"]),
      null,
    ],
    ["provisionOnDemand, app with no roles", provisionOnDemand, "POST", () => application([]), denied],
    [
      "provisionOnDemand, delegated scope given as an app role",
      provisionOnDemand,
      "POST",
      () => delegated("User.Read", { roles: ["Synchronization.ReadWrite.All"] }),
      denied,
    ],
    ["job list, delegated Read", jobs, "GET", () => delegated("Synchronization.Read.All"), null],
    [
      "job list, delegated Application.Read.All",
      jobs,
      "GET",
      () => delegated("Application.Read.All"),
      denied,
    ],
    ["job list, app OwnedBy", jobs, "GET", () => application(["Application.ReadWrite.OwnedBy"]), null],
    [
      "service principals, delegated Application.Read.All",
      `${GRAPH}/beta/servicePrincipals?$top=5`,
      "GET",
      () => delegated("Application.Read.All"),
      null,
    ],
    [
      "service principals, delegated Synchronization.Read.All",
      `${GRAPH}/v1.0/servicePrincipals/${SP}`,
      "GET",
      () => delegated("Synchronization.Read.All"),
      null,
    ],
    [
      "service principals, delegated User.Read.All",
      `${GRAPH}/v1.0/servicePrincipals`,
      "GET",
      () => delegated("User.Read.All"),
      denied,
    ],
    [
      "users, app User.Read.All",
      `${GRAPH}/v1.0/users/adele@contoso.test`,
      "GET",
      () => application(["User.Read.All"]),
      null,
    ],
    [
      "users, delegated Directory.Read.All",
      `${GRAPH}/v1.0/users`,
      "GET",
      () => delegated("Directory.Read.All"),
      null,
    ],
    [
      "users, delegated Group.Read.All",
      `${GRAPH}/v1.0/users`,
      "GET",
      () => delegated("Group.Read.All"),
      denied,
    ],
    [
      "group members, delegated GroupMember.Read.All",
      `${GRAPH}/v1.0/groups/g1/members`,
      "GET",
      () => delegated("GroupMember.Read.All"),
      null,
    ],
    [
      "groups, delegated User.Read.All",
      `${GRAPH}/v1.0/groups`,
      "GET",
      () => delegated("User.Read.All"),
      denied,
    ],
    [
      "$batch itself needs only a valid token",
      `${GRAPH}/v1.0/$batch`,
      "POST",
      () => delegated("User.Read"),
      null,
    ],
  ])("%s", async (_name, url, method, token, answer) => {
    expect(await ask(url, token(), method)).toEqual(answer);
  });

  it("names the permissions of a request inside a $batch by its relative URL", () => {
    expect(
      graphPermissionsFor("POST", `/servicePrincipals/${SP}/synchronization/jobs/${JOB}/provisionOnDemand`),
    ).toEqual({
      delegated: ["Synchronization.ReadWrite.All"],
      application: ["Application.ReadWrite.OwnedBy", "Synchronization.ReadWrite.All"],
    });
    expect(graphPermissionsFor("GET", "users?$filter=startswith(displayName,'a')")?.delegated).toContain(
      "User.Read.All",
    );
    expect(
      graphPermissionsFor("GET", "servicePrincipals(appId='abc')/synchronization/jobs")?.delegated,
    ).toEqual(["Synchronization.Read.All", "Synchronization.ReadWrite.All"]);
    expect(graphPermissionsFor("GET", "/organization")).toBeNull();
    expect(graphPermissionsFor("GET", "http://[bad")).toBeNull();
  });
});
