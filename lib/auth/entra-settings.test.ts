import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { entraSettings } from "./entra-settings";

const tenant = "8f3c2a1e-5b7d-4c9e-a0f1-2d3e4f5a6b7c";
const client = "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d";
const entra = (extra: Record<string, string> = {}) =>
  entraSettings(
    parseEnv({ ENTRA_TENANT_ID: tenant, ENTRA_CLIENT_ID: client, ENTRA_CLIENT_SECRET: "s", ...extra }),
  );

describe("Entra settings from the environment", () => {
  it("are absent in demo mode", () => {
    expect(entraSettings(parseEnv({}))).toBeNull();
  });

  it("point the global cloud's issuer, keys and Graph resource at Microsoft's hosts", () => {
    expect(entra()).toMatchObject({
      authority: `https://login.microsoftonline.com/${tenant}`,
      consoleToken: {
        issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
        jwksUri: `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
        audiences: [client, `api://${client}`],
        scopeName: "access_as_user",
      },
      graphScope: "https://graph.microsoft.com/.default",
      permissionMode: "delegated",
      credential: { kind: "secret", secret: "s" },
    });
  });

  it.each([
    ["usgov", "https://login.microsoftonline.us", "https://graph.microsoft.us/.default"],
    ["china", "https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn/.default"],
  ])("use the %s cloud's sign-in host and Graph", (cloud, host, graphScope) => {
    expect(entra({ ENTRA_CLOUD: cloud })).toMatchObject({ authority: `${host}/${tenant}`, graphScope });
  });

  it("take an overridden authority host (the test identity provider), keeping Graph's resource", () => {
    const settings = entra({
      ENTRA_AUTHORITY_HOST: "https://127.0.0.1:8443/",
      GRAPH_ENDPOINT: "http://127.0.0.1:9000",
    });
    expect(settings?.consoleToken.issuer).toBe(`https://127.0.0.1:8443/${tenant}/v2.0`);
    expect(settings?.graphScope).toBe("https://graph.microsoft.com/.default");
  });

  it("accept tokens for a custom application id URI and scope name", () => {
    const settings = entra({ ENTRA_API_SCOPE: "api://console.contoso.com/Console.Use" });
    expect(settings?.consoleToken).toMatchObject({
      audiences: [client, `api://${client}`, "api://console.contoso.com"],
      scopeName: "Console.Use",
    });
  });

  it("use a certificate when no secret is given", () => {
    const settings = entraSettings(
      parseEnv({
        ENTRA_TENANT_ID: tenant,
        ENTRA_CLIENT_ID: client,
        ENTRA_CLIENT_CERTIFICATE_PATH: "/etc/console/credential.pem",
        GRAPH_PERMISSION_MODE: "application",
      }),
    );
    expect(settings).toMatchObject({
      credential: { kind: "certificate", path: "/etc/console/credential.pem" },
      permissionMode: "application",
    });
  });
});
