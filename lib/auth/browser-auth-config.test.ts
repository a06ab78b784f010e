import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { browserAuthConfig } from "./browser-auth-config";

const tenant = "8c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
const client = "2c3d4e5f-6a7b-4c8d-8e9f-0a1b2c3d4e5f";
const entra = { ENTRA_TENANT_ID: tenant, ENTRA_CLIENT_ID: client, ENTRA_CLIENT_SECRET: "s3cret-value" };

describe("browserAuthConfig", () => {
  it("is null in demo mode, so the page loads nothing of MSAL", () => {
    expect(browserAuthConfig(parseEnv({}))).toBeNull();
  });

  it("gives the authority, its host and the conventional API scope, and never the secret", () => {
    const config = browserAuthConfig(parseEnv(entra));
    expect(config).toEqual({
      clientId: client,
      authority: `https://login.microsoftonline.com/${tenant}`,
      knownAuthority: "login.microsoftonline.com",
      apiScope: `api://${client}/access_as_user`,
    });
    expect(JSON.stringify(config)).not.toContain("s3cret-value");
  });

  it("follows an authority override and a national cloud", () => {
    const local = browserAuthConfig(parseEnv({ ...entra, ENTRA_AUTHORITY_HOST: "https://127.0.0.1:4443/" }));
    expect(local?.authority).toBe(`https://127.0.0.1:4443/${tenant}`);
    expect(local?.knownAuthority).toBe("127.0.0.1:4443");
    expect(browserAuthConfig(parseEnv({ ...entra, ENTRA_CLOUD: "usgov" }))?.knownAuthority).toBe(
      "login.microsoftonline.us",
    );
  });

  it.each([
    ["api://console.contoso.com/access_as_user", "api://console.contoso.com/access_as_user"],
    ["api://console.contoso.com/Console.Use", "api://console.contoso.com/Console.Use"],
    ["api://console.contoso.com", "api://console.contoso.com/access_as_user"],
    ["Console.Use", `api://${client}/Console.Use`],
  ])("asks for the configured API scope %s as %s", (configured, requested) => {
    expect(browserAuthConfig(parseEnv({ ...entra, ENTRA_API_SCOPE: configured }))?.apiScope).toBe(requested);
  });
});
