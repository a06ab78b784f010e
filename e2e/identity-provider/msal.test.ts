import { execFile } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { promisify } from "node:util";
import {
  ConfidentialClientApplication,
  CryptoProvider,
  ServerError,
  type Configuration,
} from "@azure/msal-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLoopbackCertificate, type LoopbackCertificate } from "./certificate";
import { httpsCall, signInThroughPage } from "./https-test-client";
import { startTestIdentityProvider, type TestIdentityProvider } from "./test-identity-provider";
import { networkClientTrusting } from "./trusting-network-client";

// @azure/msal-node against the provider, configured as the console configures it.

const tenantId = "7e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b";
const clientId = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
const secret = "msal-test-secret";
const apiScope = `api://${clientId}/access_as_user`;
const graphDefault = "https://graph.microsoft.com/.default";
const redirectUri = "http://localhost:3100/auth/callback";
const admin = {
  oid: "22222222-bbbb-4ccc-8ddd-000000000001",
  name: "Ada Admin",
  preferredUsername: "ada@contoso.test",
  roles: ["Console.Operator"],
};

let provider: TestIdentityProvider;
let clientCertificate: LoopbackCertificate;

beforeAll(async () => {
  clientCertificate = await createLoopbackCertificate(); // any key pair will do as the app's certificate credential
  provider = await startTestIdentityProvider({
    tenantId,
    consoleClientId: clientId,
    consoleClientSecret: secret,
    consoleClientCertificatePem: clientCertificate.certificatePem,
    consoleApiScope: apiScope,
    users: [admin],
  });
});

afterAll(async () => {
  await provider?.stop();
  await clientCertificate?.remove();
});

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
}

/** The configuration that works: knownAuthorities skips instance discovery at login.microsoftonline.com. */
function withKnownAuthority(
  credential: Partial<Configuration["auth"]> = { clientSecret: secret },
): Configuration {
  return {
    auth: { clientId, authority: provider.authority, knownAuthorities: [provider.host], ...credential },
    system: { networkClient: networkClientTrusting(provider.caCertificatePem) },
  };
}

/** A console API token the way the browser gets one: authorize with PKCE, sign in, redeem the code. */
async function consoleTokenFromCodeFlow(): Promise<string> {
  const web = new ConfidentialClientApplication(withKnownAuthority());
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const authorizeUrl = await web.getAuthCodeUrl({
    scopes: [apiScope],
    redirectUri,
    codeChallenge: challenge,
    codeChallengeMethod: "S256",
    state: "deep-link",
  });
  const { location } = await signInThroughPage(authorizeUrl, provider.caCertificatePem, admin.name);
  expect(location.searchParams.get("state")).toBe("deep-link");
  const result = await web.acquireTokenByCode({
    code: location.searchParams.get("code") ?? "",
    codeVerifier: verifier,
    redirectUri,
    scopes: [apiScope],
  });
  expect(result.account).toMatchObject({
    homeAccountId: `${admin.oid}.${tenantId}`,
    tenantId,
    username: admin.preferredUsername,
  });
  return result.accessToken;
}

describe("ConfidentialClientApplication with knownAuthorities and a network client that trusts the provider", () => {
  it("redeems a code, then gets a Graph token on behalf of the user — and the second time from its cache", async () => {
    const consoleToken = await consoleTokenFromCodeFlow();
    expect(claimsOf(consoleToken)).toMatchObject({ aud: clientId, scp: "access_as_user", oid: admin.oid });

    const api = new ConfidentialClientApplication(withKnownAuthority());
    const first = await api.acquireTokenOnBehalfOf({ oboAssertion: consoleToken, scopes: [graphDefault] });
    expect(first?.fromCache).toBe(false);
    expect(claimsOf(first?.accessToken ?? "")).toMatchObject({
      aud: "https://graph.microsoft.com",
      oid: admin.oid,
      tid: tenantId,
      scp: "Synchronization.ReadWrite.All Application.Read.All User.Read.All GroupMember.Read.All",
    });
    expect(provider.issuedGraphTokens()).toContain(first?.accessToken);
    const second = await api.acquireTokenOnBehalfOf({ oboAssertion: consoleToken, scopes: [graphDefault] });
    expect(second?.fromCache).toBe(true);
    expect(second?.accessToken).toBe(first?.accessToken);
  });

  it("gets an app-only Graph token by client credentials, then from its cache", async () => {
    const app = new ConfidentialClientApplication(withKnownAuthority());
    const first = await app.acquireTokenByClientCredential({ scopes: [graphDefault] });
    expect(claimsOf(first?.accessToken ?? "")).toMatchObject({
      idtyp: "app",
      roles: expect.arrayContaining(["Synchronization.ReadWrite.All"]),
    });
    const second = await app.acquireTokenByClientCredential({ scopes: [graphDefault] });
    expect(second?.fromCache).toBe(true);
  });

  it("surfaces a forged assertion as MSAL's ServerError invalid_grant with the AADSTS code", async () => {
    const api = new ConfidentialClientApplication(withKnownAuthority());
    const forged = provider.mintConsoleToken({ oid: admin.oid }, { signWithForeignKey: true });
    const failure = await api
      .acquireTokenOnBehalfOf({ oboAssertion: forged, scopes: [graphDefault] })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServerError);
    expect(failure).toMatchObject({ errorCode: "invalid_grant" });
    expect((failure as ServerError).errorMessage).toContain("AADSTS50013");
  });

  it("surfaces missing consent as an interaction-required error the UI can turn into a prompt", async () => {
    const api = new ConfidentialClientApplication(withKnownAuthority());
    const failure = await api
      .acquireTokenOnBehalfOf({
        oboAssertion: provider.mintConsoleToken({}),
        scopes: ["https://graph.microsoft.com/Directory.ReadWrite.All"],
      })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ errorCode: "invalid_grant", subError: "consent_required" });
    expect((failure as Error).name).toBe("InteractionRequiredAuthError");
  });

  it.each([
    ["SHA-256 thumbprint (PS256 assertion)", "thumbprintSha256", "fingerprint256"],
    ["SHA-1 thumbprint (RS256 assertion)", "thumbprint", "fingerprint"],
  ] as const)(
    "authenticates with a certificate instead of a secret: %s",
    async (_case, option, fingerprint) => {
      const certificate = new X509Certificate(clientCertificate.certificatePem);
      const app = new ConfidentialClientApplication(
        withKnownAuthority({
          clientCertificate: {
            [option]: certificate[fingerprint].replaceAll(":", ""),
            privateKey: clientCertificate.privateKeyPem,
          },
        }),
      );
      const result = await app.acquireTokenByClientCredential({ scopes: [graphDefault] });
      expect(claimsOf(result?.accessToken ?? "")).toMatchObject({ idtyp: "app", appidacr: "2" });
    },
  );

  it("refuses a certificate that is not the app's", async () => {
    const stranger = await createLoopbackCertificate();
    try {
      const app = new ConfidentialClientApplication(
        withKnownAuthority({
          clientCertificate: {
            thumbprintSha256: new X509Certificate(stranger.certificatePem).fingerprint256.replaceAll(":", ""),
            privateKey: stranger.privateKeyPem,
          },
        }),
      );
      const failure = await app
        .acquireTokenByClientCredential({ scopes: [graphDefault] })
        .catch((error: unknown) => error);
      expect(failure).toMatchObject({ errorCode: "invalid_client" });
      expect((failure as ServerError).errorMessage).toContain("AADSTS700027");
    } finally {
      await stranger.remove();
    }
  });
});

describe("ConfidentialClientApplication given the provider's metadata up front", () => {
  it.each(["cloudDiscoveryMetadata", "knownAuthorities"] as const)(
    "needs no discovery call at all with authorityMetadata and %s",
    async (hostTrust) => {
      const ca = provider.caCertificatePem;
      const authorityMetadata = (
        await httpsCall(`${provider.authority}/v2.0/.well-known/openid-configuration`, ca)
      ).text;
      const authorize = encodeURIComponent(`${provider.authority}/oauth2/v2.0/authorize`);
      const cloudDiscoveryMetadata = (
        await httpsCall(
          `${provider.origin}/common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`,
          ca,
        )
      ).text;
      const seen: string[] = [];
      const trusting = networkClientTrusting(ca);
      const app = new ConfidentialClientApplication({
        auth: {
          clientId,
          clientSecret: secret,
          authority: provider.authority,
          authorityMetadata,
          ...(hostTrust === "cloudDiscoveryMetadata"
            ? { cloudDiscoveryMetadata }
            : { knownAuthorities: [provider.host] }),
        },
        system: {
          networkClient: {
            sendGetRequestAsync: (url, options, timeout) => (
              seen.push(`GET ${url}`),
              trusting.sendGetRequestAsync(url, options, timeout)
            ),
            sendPostRequestAsync: (url, options) => (
              seen.push(`POST ${url.split("?")[0]}`),
              trusting.sendPostRequestAsync(url, options)
            ),
          },
        },
      });
      const result = await app.acquireTokenByClientCredential({ scopes: [graphDefault] });
      expect(claimsOf(result?.accessToken ?? "")).toMatchObject({ idtyp: "app" });
      expect(seen).toEqual([`POST ${provider.authority}/oauth2/v2.0/token`]);
    },
  );
});

describe("a child process started with NODE_EXTRA_CA_CERTS", () => {
  it("trusts the provider with MSAL's own fetch-based network client — as the console server will", async () => {
    const script = `
      import { ConfidentialClientApplication } from "@azure/msal-node";
      const app = new ConfidentialClientApplication({ auth: JSON.parse(process.env.MSAL_AUTH) });
      const result = await app.acquireTokenByClientCredential({ scopes: ["${graphDefault}"] });
      console.log(result.accessToken);`;
    const auth = {
      clientId,
      clientSecret: secret,
      authority: provider.authority,
      knownAuthorities: [provider.host],
    };
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: provider.certificatePath, MSAL_AUTH: JSON.stringify(auth) },
      timeout: 20_000,
    });
    const token = stdout.trim();
    expect(claimsOf(token)).toMatchObject({ idtyp: "app", appid: clientId });
    expect(provider.issuedGraphTokens()).toContain(token);
  });
});
