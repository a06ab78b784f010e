import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES, DEVELOPER_CLIENTS } from "../lib/demo-tenant";
import { parseServerArgs, startDemoTenantServer } from "./demo-tenant";

describe("parseServerArgs", () => {
  it("defaults to 127.0.0.1:4010 with Graph's throttle, checking tokens of its own token endpoint", () => {
    expect(parseServerArgs([])).toEqual({
      port: 4010,
      host: "127.0.0.1",
      tenant: { throttle: { limit: 5, windowMs: 10_000 }, graphTokens: "self" },
    });
  });

  it("checks another authority's tokens, or none with --allow-anonymous, but not both", () => {
    expect(
      parseServerArgs(["--graph-token-authority", "https://idp.test/t1"]).tenant.graphTokens,
    ).toMatchObject({
      issuer: "https://sts.windows.net/t1/",
      jwksUri: "https://idp.test/t1/discovery/v2.0/keys",
    });
    expect(parseServerArgs(["--allow-anonymous"]).tenant.graphTokens).toBeUndefined();
    expect(() =>
      parseServerArgs(["--allow-anonymous", "--graph-token-authority", "https://idp.test/t1"]),
    ).toThrow(/contradict/);
  });

  it("reads port, host, seed and throttle options", () => {
    expect(
      parseServerArgs([
        "--port",
        "0",
        "--host",
        "0.0.0.0",
        "--throttle-limit",
        "2",
        "--throttle-window-ms",
        "500",
        "--seed",
        "9",
      ]),
    ).toEqual({
      port: 0,
      host: "0.0.0.0",
      tenant: { throttle: { limit: 2, windowMs: 500 }, seed: 9, graphTokens: "self" },
    });
    expect(parseServerArgs(["--no-throttle"]).tenant.throttle).toBe(false);
  });

  it("serves HTTPS with both --tls-cert and --tls-key, and names what is missing or unreadable", () => {
    expect(() => parseServerArgs(["--tls-cert", "cert.pem"])).toThrow(/--tls-cert and --tls-key go together/);
    expect(() =>
      parseServerArgs(["--tls-cert", "/nowhere/cert.pem", "--tls-key", "/nowhere/key.pem"]),
    ).toThrow(/--tls-cert \/nowhere\/cert.pem cannot be read/);
  });

  it("names the option that is wrong", () => {
    expect(() => parseServerArgs(["--port", "http"])).toThrow(/--port/);
    expect(() => parseServerArgs(["--throttle-limit", "0"])).toThrow(/--throttle-limit/);
    expect(() => parseServerArgs(["--colour"])).toThrow(/colour/);
  });
});

describe("the stand-alone server", () => {
  let server: Awaited<ReturnType<typeof startDemoTenantServer>>;
  beforeAll(async () => {
    server = await startDemoTenantServer(createDemoTenant({ throttle: false }).handle, {
      port: 0,
      host: "127.0.0.1",
    });
  });
  afterAll(() => server.close());

  it("answers Graph requests over real HTTP, with nextLinks that lead back to it", async () => {
    const response = await fetch(`${server.url}/v1.0/servicePrincipals?$top=2&$select=id`, {
      headers: { "client-request-id": "over-http" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("client-request-id")).toBe("over-http");
    const page = (await response.json()) as { value: unknown[]; "@odata.nextLink": string };
    expect(page.value).toHaveLength(2);
    expect(page["@odata.nextLink"].startsWith(`${server.url}/v1.0/servicePrincipals?`)).toBe(true);
    const next = await fetch(page["@odata.nextLink"]);
    expect(next.status).toBe(200);
  });

  it("carries request bodies to provisionOnDemand", async () => {
    const { scimApp, inScopeUser } = DEMO_FIXTURES;
    const url = `${server.url}/v1.0/servicePrincipals/${scimApp.spId}/synchronization/jobs/${encodeURIComponent(scimApp.jobId)}/provisionOnDemand`;
    const body = JSON.stringify({
      parameters: [
        { ruleId: scimApp.ruleId, subjects: [{ objectId: inScopeUser.id, objectTypeName: "User" }] },
      ],
    });
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(((await response.json()) as { key: string }).key).result).toBe("Success");
  });

  it("refuses a body over 4 MiB without reading it whole", async () => {
    const response = await fetch(`${server.url}/demo/users/${DEMO_FIXTURES.inScopeUser.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ department: "x".repeat(5 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("RequestEntityTooLarge");
  });
});

describe("scripts/demo-tenant.ts run as the npm script runs it", () => {
  it("starts under tsx --conditions=react-server, logs one line, refuses a call without a token, answers one with a token from its endpoint, and exits cleanly on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/demo-tenant.ts", "--port", "0"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      let output = "";
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /at (http:\/\/\S+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      expect(output.trim().split("\n")).toHaveLength(1);
      const userUrl = `${url}/v1.0/users/${DEMO_FIXTURES.inScopeUser.userPrincipalName}?$select=displayName`;
      const anonymous = await fetch(userUrl);
      expect(anonymous.status).toBe(401);
      const { provisioning } = DEVELOPER_CLIENTS;
      const issued = await fetch(`${url}/${DEMO_FIXTURES.tenantId}/oauth2/v2.0/token`, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: provisioning.clientId,
          client_secret: provisioning.clientSecret,
          scope: "https://graph.microsoft.com/.default",
        }),
      });
      const { access_token } = (await issued.json()) as { access_token: string };
      const response = await fetch(userUrl, { headers: { Authorization: `Bearer ${access_token}` } });
      expect(((await response.json()) as { displayName: string }).displayName).toBe("Adele Vance");
      const exitCode = await new Promise<number | null>((resolve) => {
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      });
      expect(exitCode).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL"); // never leave a server behind when an expectation fails
    }
  }, 60_000);
});

describe("a job pointed at an external SCIM app", () => {
  it("provisions over real HTTP to the base URL and token given in scimTargets", async () => {
    const { scimApp, inScopeUser } = DEMO_FIXTURES;
    const external = createDemoTenant({ throttle: false });
    const externalTarget = external.state().servicePrincipals.get(scimApp.spId)?.jobs[0]?.target;
    const token = externalTarget?.kind === "scim" ? externalTarget.bearerToken : null;
    const server = await startDemoTenantServer(external.handle, { port: 0, host: "127.0.0.1" });
    try {
      const tenant = createDemoTenant({
        throttle: false,
        scimTargets: {
          [scimApp.targetId]: { baseUrl: `${server.url}/scim/${scimApp.targetId}/`, bearerToken: token },
        },
      });
      const response = await tenant.handle(
        new Request(
          `https://graph.microsoft.com/v1.0/servicePrincipals/${scimApp.spId}/synchronization/jobs/${encodeURIComponent(scimApp.jobId)}/provisionOnDemand`,
          {
            method: "POST",
            body: JSON.stringify({
              parameters: [
                { ruleId: scimApp.ruleId, subjects: [{ objectId: inScopeUser.id, objectTypeName: "User" }] },
              ],
            }),
          },
        ),
      );
      expect(JSON.parse(((await response.json()) as { key: string }).key).result).toBe("Success");
      expect(external.scim.list(scimApp.targetId, "Users").map((u) => u.userName)).toEqual([
        inScopeUser.userPrincipalName,
      ]);
      expect(tenant.scim.list(scimApp.targetId, "Users")).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
