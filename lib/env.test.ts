import { describe, expect, it } from "vitest";
import { allowedHostsOf, EnvError, parseEnv } from "./env";

const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const client = "0d6f6b5a-3c1f-4d5e-9b1a-5f2b4c7d8e9f";

describe("parseEnv", () => {
  it("starts on the demo tenant when nothing is configured", () => {
    const env = parseEnv({});
    expect(env.mode).toBe("demo");
    expect(env.DEMO_THROTTLE_LIMIT).toBe(5);
    expect(env.DEMO_THROTTLE_WINDOW_MS).toBe(10_000);
  });

  it("treats empty strings as unset, as .env files often leave them", () => {
    expect(parseEnv({ ENTRA_TENANT_ID: "", ENTRA_CLIENT_ID: "", ENTRA_CLIENT_SECRET: "" }).mode).toBe("demo");
  });

  it("switches to Entra mode with tenant, client and a credential", () => {
    const env = parseEnv({ ENTRA_TENANT_ID: tenant, ENTRA_CLIENT_ID: client, ENTRA_CLIENT_SECRET: "s3cret" });
    expect(env.mode).toBe("entra");
    expect(env.ENTRA_CLOUD).toBe("global");
  });

  it("answers to localhost only in demo mode, to any host in Entra mode, unless ALLOWED_HOSTS says", () => {
    expect(allowedHostsOf(parseEnv({}))).toEqual(["localhost", "127.0.0.1", "[::1]"]);
    const entra = { ENTRA_TENANT_ID: tenant, ENTRA_CLIENT_ID: client, ENTRA_CLIENT_SECRET: "s3cret" };
    expect(allowedHostsOf(parseEnv(entra))).toBe("any");
    expect(allowedHostsOf(parseEnv({ ...entra, ALLOWED_HOSTS: "Pod.Contoso.com, *.contoso.com" }))).toEqual([
      "pod.contoso.com",
      "*.contoso.com",
    ]);
    expect(allowedHostsOf(parseEnv({ ALLOWED_HOSTS: "*" }))).toBe("any");
    expect(() => parseEnv({ ALLOWED_HOSTS: "https://pod.contoso.com" })).toThrow(/ALLOWED_HOSTS/);
    expect(parseEnv({ ALLOWED_ORIGINS: "https://Portal.contoso.com" }).ALLOWED_ORIGINS).toEqual([
      "https://portal.contoso.com",
    ]);
    expect(() => parseEnv({ ALLOWED_ORIGINS: "portal.contoso.com" })).toThrow(/ALLOWED_ORIGINS/);
  });

  it("names the variable that is missing from a partial Entra configuration", () => {
    expect(() => parseEnv({ ENTRA_TENANT_ID: tenant })).toThrow(/ENTRA_CLIENT_ID: is required/);
    expect(() => parseEnv({ ENTRA_TENANT_ID: tenant, ENTRA_CLIENT_ID: client })).toThrow(
      /ENTRA_CLIENT_SECRET/,
    );
  });

  it("names each invalid variable and says what is expected", () => {
    let message = "";
    try {
      parseEnv({ ENTRA_CLOUD: "mars", DEMO_THROTTLE_LIMIT: "-3", ENTRA_TENANT_ID: "contoso" });
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/ENTRA_CLOUD/);
    expect(message).toMatch(/DEMO_THROTTLE_LIMIT/);
    expect(message).toMatch(/ENTRA_TENANT_ID: must be a directory \(tenant\) id/);
  });

  it("takes the public origin as scheme, host and port only, and proxy headers as untrusted unless told", () => {
    const env = parseEnv({ PUBLIC_ORIGIN: "https://Provisioning.Contoso.com:8443/" });
    expect(env.PUBLIC_ORIGIN).toBe("https://provisioning.contoso.com:8443");
    expect(env.TRUST_PROXY_HEADERS).toBe(false);
    expect(parseEnv({ TRUST_PROXY_HEADERS: "true" }).TRUST_PROXY_HEADERS).toBe(true);
    expect(() => parseEnv({ PUBLIC_ORIGIN: "https://contoso.com/console" })).toThrow(
      /PUBLIC_ORIGIN: must be an origin only/,
    );
    expect(() => parseEnv({ PUBLIC_ORIGIN: "ftp://contoso.com" })).toThrow(/PUBLIC_ORIGIN: must be an http/);
    expect(() => parseEnv({ TRUST_PROXY_HEADERS: "yes" })).toThrow(
      /TRUST_PROXY_HEADERS: must be true or false/,
    );
  });
});
