import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InteractionRequiredAuthError, ServerError, type INetworkModule } from "@azure/msal-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  networkClientTrusting,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from "@/e2e/identity-provider";
import { createLoopbackCertificate, type LoopbackCertificate } from "@/e2e/identity-provider/certificate";
import { ApiError } from "@/lib/api/errors";
import { checkGraphToken } from "@/lib/demo-tenant/graph-token-check";
import type { RunsDatabase } from "@/lib/runs/database";
import { testDatabases } from "@/lib/testing/databases";
import { callerFromClaims, type Caller } from "./caller";
import { createGraphTokenSource, type GraphTokenSettings } from "./graph-token";
import { graphTokenFailure } from "./graph-token-failure";
import { databaseTokenCacheStore, memoryTokenCacheStore } from "./token-cache-store";

const tenantId = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const clientId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const secret = "console-secret~value";
const olivia = {
  oid: "11111111-aaaa-4bbb-8ccc-000000000001",
  name: "Olivia Operator",
  preferredUsername: "olivia@contoso.test",
  roles: ["Console.Operator"],
};
const reed = {
  oid: "11111111-aaaa-4bbb-8ccc-000000000002",
  name: "Reed Reader",
  preferredUsername: "reed@contoso.test",
  roles: ["Console.Reader"],
};

let provider: TestIdentityProvider;
let network: INetworkModule;
let db: RunsDatabase;
let clientCertificate: LoopbackCertificate;
let clientCertificateFile: string;

beforeAll(async () => {
  // The console's certificate credential: private key and certificate in one PEM file, as deployed.
  clientCertificate = await createLoopbackCertificate();
  clientCertificateFile = join(clientCertificate.certificatePath, "..", "console-credential.pem");
  await writeFile(clientCertificateFile, clientCertificate.privateKeyPem + clientCertificate.certificatePem);
  provider = await startTestIdentityProvider({
    consoleClientCertificatePem: clientCertificate.certificatePem,
    tenantId,
    consoleClientId: clientId,
    consoleClientSecret: secret,
    consoleApiScope: `api://${clientId}/access_as_user`,
    users: [olivia, reed],
    delegatedGraphScopes: ["Synchronization.ReadWrite.All", "Application.Read.All"],
    applicationGraphRoles: ["Application.ReadWrite.OwnedBy"],
  });
  network = networkClientTrusting(provider.caCertificatePem);
  db = await testDatabases()[0]![1]()();
});

afterAll(async () => {
  await provider?.stop();
  await clientCertificate?.remove();
  await db?.destroy();
});

const settings = (overrides: Partial<GraphTokenSettings> = {}): GraphTokenSettings => ({
  tenantId,
  clientId,
  credential: { kind: "secret", secret },
  authority: provider.authority,
  authorityHost: provider.origin,
  graphScope: "https://graph.microsoft.com/.default",
  permissionMode: "delegated",
  ...overrides,
});

const source = (overrides: Partial<GraphTokenSettings> = {}) =>
  createGraphTokenSource({
    settings: settings(overrides),
    store: databaseTokenCacheStore(db),
    networkClient: network,
  });

/** A signed-in caller, as authenticate() would make them from the console token the browser sent. */
function signedIn(user: typeof olivia): Caller {
  const token = provider.mintConsoleToken({ oid: user.oid });
  return callerFromClaims(
    { oid: user.oid, tid: tenantId, name: user.name, roles: [], scopes: [], claims: {} },
    token,
  );
}

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;

const partition = async (key: string) =>
  (await db.selectFrom("msal_cache").select("data").where("partition_key", "=", key).executeTakeFirst())
    ?.data;

/** The demo tenant's Graph check, reading the provider's keys through the trusting client. */
const graphAnswers = (token: string, url: string, method = "GET") =>
  checkGraphToken(new Request(url, { method, headers: { authorization: `Bearer ${token}` } }), {
    issuer: provider.graphIssuer,
    jwksUri: provider.jwksUri,
    audience: "https://graph.microsoft.com",
    tenantId,
    fetchJwks: async (uri) => (await network.sendGetRequestAsync(uri)).body,
  });

const provisionOnDemand =
  "https://graph.microsoft.com/v1.0/servicePrincipals/sp-1/synchronization/jobs/scim.1/provisionOnDemand";

describe("Graph tokens from the identity provider", () => {
  it("delegated: on behalf of the signed-in user, a token Graph accepts for provisioning", async () => {
    const caller = signedIn(olivia);
    const token = await source().tokenFor(caller);
    expect(claimsOf(token)).toMatchObject({
      aud: "https://graph.microsoft.com",
      iss: provider.graphIssuer,
      oid: olivia.oid,
      tid: tenantId,
      scp: expect.stringContaining("Synchronization.ReadWrite.All"),
    });
    expect(await graphAnswers(token, provisionOnDemand, "POST")).toBeNull();
    expect(await graphAnswers(token, "https://graph.microsoft.com/v1.0/users")).toMatchObject({
      status: 403,
    });
  });

  it("delegated: the second request of a user comes from their cache partition, not the provider", async () => {
    const caller = signedIn(olivia);
    const first = await source().tokenFor(caller);
    const issued = provider.issuedGraphTokens().length;
    expect(await source().tokenFor(caller)).toBe(first);
    expect(provider.issuedGraphTokens()).toHaveLength(issued);
  });

  it("keeps each user's tokens in their own partition", async () => {
    const oliviaToken = await source().tokenFor(signedIn(olivia));
    const reedToken = await source().tokenFor(signedIn(reed));
    expect(claimsOf(reedToken).oid).toBe(reed.oid);
    const oliviaRow = await partition(`user:${olivia.oid}`);
    const reedRow = await partition(`user:${reed.oid}`);
    expect(oliviaRow).toContain(oliviaToken);
    expect(oliviaRow).not.toContain(reedToken);
    expect(reedRow).toContain(reedToken);
    expect(reedRow).not.toContain(oliviaToken);
  });

  it("application: the console's own token, with its app roles, cached once for everyone", async () => {
    const app = source({ permissionMode: "application" });
    const token = await app.tokenFor(signedIn(olivia));
    expect(claimsOf(token)).toMatchObject({
      aud: "https://graph.microsoft.com",
      roles: ["Application.ReadWrite.OwnedBy"],
      oid: provider.servicePrincipalId,
    });
    expect(claimsOf(token).scp).toBeUndefined();
    expect(await graphAnswers(token, provisionOnDemand, "POST")).toBeNull();
    expect(await app.tokenFor(signedIn(reed))).toBe(token);
    expect(await partition(`app:${clientId}`)).toContain(token);
  });

  it("a certificate credential works for both modes, its thumbprint read from the certificate", async () => {
    const credential = { kind: "certificate", path: clientCertificateFile } as const;
    // A fresh cache, so both tokens really come from the provider.
    const fresh = (permissionMode: GraphTokenSettings["permissionMode"]) =>
      createGraphTokenSource({
        settings: settings({ credential, permissionMode }),
        store: memoryTokenCacheStore(),
        networkClient: network,
      });
    const issued = provider.issuedGraphTokens().length;
    const delegatedToken = await fresh("delegated").tokenFor(signedIn(reed));
    expect(claimsOf(delegatedToken)).toMatchObject({ oid: reed.oid, aud: "https://graph.microsoft.com" });
    const appToken = await fresh("application").tokenFor(signedIn(reed));
    expect(claimsOf(appToken).roles).toEqual(["Application.ReadWrite.OwnedBy"]);
    expect(provider.issuedGraphTokens()).toHaveLength(issued + 2);
  });

  it("a certificate file that cannot be read is a 503 naming the file", async () => {
    const refused = await source({ credential: { kind: "certificate", path: "/nonexistent/console.pem" } })
      .tokenFor(signedIn(reed))
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({
      status: 503,
      message: expect.stringContaining("/nonexistent/console.pem"),
    });
  });

  it("delegated mode needs the caller's own token", async () => {
    const nobody: Caller = { id: "demo-operator", displayName: "Demo", roles: [] };
    await expect(source().tokenFor(nobody)).rejects.toMatchObject({
      status: 401,
      extra: { authReason: "token_missing" },
    });
  });

  it("a wrong client secret is the console's configuration problem: 503 naming the credential", async () => {
    const refused = await source({ credential: { kind: "secret", secret: "wrong" } })
      .tokenFor(signedIn(reed))
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 503, message: expect.stringMatching(/credential/) });
  });

  it("an unreachable identity provider is a 502", async () => {
    const refused = await source({
      authority: `https://127.0.0.1:1/${tenantId}`,
      authorityHost: "https://127.0.0.1:1",
    })
      .tokenFor(signedIn(reed))
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 502 });
  });
});

describe("what a failed Graph token request tells the UI", () => {
  it("missing consent (AADSTS65001) asks for consent", () => {
    const error = new InteractionRequiredAuthError(
      "invalid_grant",
      "corr",
      "AADSTS65001: The user or administrator has not consented to use the application.",
      "consent_required",
    );
    expect(graphTokenFailure(error)).toMatchObject({
      status: 403,
      extra: { authReason: "consent_required" },
    });
    expect(graphTokenFailure(error).message).toMatch(/consent/);
  });

  it("an expired assertion (AADSTS500133) is the caller's token expiring: 401 token_expired, so the browser renews", () => {
    for (const error of [
      new InteractionRequiredAuthError(
        "invalid_grant",
        "corr",
        "AADSTS500133: Assertion is not within its valid time range.",
      ),
      new ServerError("invalid_grant", "corr", "AADSTS500133: Assertion is not within its valid time range."),
    ]) {
      expect(graphTokenFailure(error)).toMatchObject({ status: 401, extra: { authReason: "token_expired" } });
    }
  });

  it("a claims challenge (Conditional Access) is passed on for the sign-in prompt", () => {
    const challenge = '{"access_token":{"capolids":{"essential":true,"values":["c1"]}}}';
    const error = new InteractionRequiredAuthError(
      "interaction_required",
      "corr",
      "AADSTS50076: MFA required.",
      "",
      "",
      "",
      challenge,
    );
    expect(graphTokenFailure(error)).toMatchObject({
      status: 403,
      extra: { authReason: "consent_required", claims: challenge },
    });
  });

  it("other refusals by Entra ID are a 502 with its reason; anything unknown too", () => {
    const refused = graphTokenFailure(
      new ServerError("invalid_request", "corr", "AADSTS90002: Tenant not found."),
    );
    expect(refused).toMatchObject({ status: 502, message: expect.stringContaining("AADSTS90002") });
    expect(graphTokenFailure(new Error("socket hang up"))).toMatchObject({ status: 502 });
    const passedThrough = new ApiError("unavailable", "x");
    expect(graphTokenFailure(passedThrough)).toBe(passedThrough);
  });
});
