import { request as httpsRequest } from "node:https";
import {
  AuthenticationHandler,
  BatchRequestContent,
  BatchResponseContent,
  Client,
  GraphError,
  PageIterator,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
  type PageCollection,
} from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES, DEVELOPER_CLIENTS, type DeveloperClient } from "../lib/demo-tenant";
import {
  GROUP_PROPERTIES,
  SERVICE_PRINCIPAL_PROPERTIES,
  USER_PROPERTIES,
} from "../lib/demo-tenant/graph/graph-properties";
import { createLoopbackCertificate, type LoopbackCertificate } from "../e2e/identity-provider/certificate";
import { httpsCall } from "../e2e/identity-provider/https-test-client";
import { startDemoTenantServer } from "./demo-tenant";

// Microsoft's own JavaScript client (@microsoft/microsoft-graph-client) against the stand-alone demo
// tenant served over HTTPS (as Graph is: the client sends tokens, and follows next links, only on
// https://), through the calls an app makes. The client's own authentication and retry handlers run;
// its last handler, which calls fetch, is swapped for one that trusts this test's own certificate.

const { scimApp, inScopeUser, groupWithMembers, tenantId } = DEMO_FIXTURES;
let server: Awaited<ReturnType<typeof startDemoTenantServer>>;
let certificate: LoopbackCertificate;

beforeAll(async () => {
  certificate = await createLoopbackCertificate();
  const tenant = createDemoTenant({ graphTokens: "self", throttle: { limit: 2, windowMs: 1_000 } });
  server = await startDemoTenantServer(tenant.handle, {
    port: 0,
    host: "127.0.0.1",
    tls: { cert: certificate.certificatePem, key: certificate.privateKeyPem },
  });
});
afterAll(async () => {
  await server?.close();
  await certificate?.remove();
});

async function tokenFor(client: DeveloperClient): Promise<string> {
  const answer = await httpsCall(`${server.url}/${tenantId}/oauth2/v2.0/token`, certificate.certificatePem, {
    form: {
      grant_type: "client_credentials",
      client_id: client.clientId,
      client_secret: client.clientSecret,
      scope: "https://graph.microsoft.com/.default",
    },
  });
  expect(answer.status).toBe(200);
  return answer.json<{ access_token: string }>().access_token;
}

/** The client's HTTP step, over node:https with this test's CA (global fetch cannot be given one). */
class TrustingHttpHandler implements Middleware {
  constructor(private readonly ca: string) {}
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    const init = context.options ?? {};
    const headers = Object.fromEntries(new Headers(init.headers as HeadersInit).entries());
    const body = typeof init.body === "string" ? init.body : undefined;
    context.response = await new Promise<Response>((resolve, reject) => {
      const outgoing = httpsRequest(
        url,
        { method: init.method ?? "GET", headers, ca: this.ca },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("end", () => {
            const status = incoming.statusCode ?? 0;
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(incoming.headers))
              if (typeof value === "string") responseHeaders.set(name, value);
            resolve(
              new Response(status === 204 ? null : Buffer.concat(chunks), {
                status,
                headers: responseHeaders,
              }),
            );
          });
          incoming.on("error", reject);
        },
      );
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  }
}

function graphClient(token: string | null, version: "v1.0" | "beta" = "v1.0"): Client {
  const authProvider = { getAccessToken: async () => token ?? "" };
  return Client.initWithMiddleware({
    baseUrl: server.url,
    defaultVersion: version,
    // Without the tenant among its hosts the client sends no token: the call of an app not signed in.
    customHosts: new Set(token === null ? [] : ["127.0.0.1"]),
    middleware: [
      new AuthenticationHandler(authProvider),
      new RetryHandler(new RetryHandlerOptions(1, 3)),
      new TrustingHttpHandler(certificate.certificatePem),
    ],
  });
}

async function graphError(call: Promise<unknown>): Promise<GraphError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error("expected a GraphError");
}

let client: Client;
beforeAll(async () => {
  client = graphClient(await tokenFor(DEVELOPER_CLIENTS.provisioning));
});

describe("@microsoft/microsoft-graph-client against the stand-alone demo tenant", () => {
  it("pages through every service principal with PageIterator", async () => {
    const first = (await client
      .api("/servicePrincipals")
      .select("id,displayName")
      .top(50)
      .get()) as PageCollection;
    const seen: string[] = [];
    await new PageIterator(client, first, (sp: { id: string }) => {
      seen.push(sp.id);
      return true;
    }).iterate();
    expect(seen.length).toBeGreaterThan(200);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(scimApp.spId);
  });

  it.each([
    ["v1.0", "users", inScopeUser.id, USER_PROPERTIES],
    ["beta", "users", inScopeUser.id, USER_PROPERTIES],
    ["v1.0", "groups", groupWithMembers.id, GROUP_PROPERTIES],
    ["beta", "groups", groupWithMembers.id, GROUP_PROPERTIES],
    ["v1.0", "servicePrincipals", scimApp.spId, SERVICE_PRINCIPAL_PROPERTIES],
    ["beta", "servicePrincipals", scimApp.spId, SERVICE_PRINCIPAL_PROPERTIES],
  ] as const)("selects every structural property (%s %s)", async (version, collection, id, properties) => {
    const versioned =
      version === "v1.0" ? client : graphClient(await tokenFor(DEVELOPER_CLIENTS.provisioning), "beta");
    const item = (await versioned
      .api(`/${collection}/${id}`)
      .select([...properties[version]])
      .get()) as Record<string, unknown>;
    expect(Object.keys(item).filter((k) => !k.startsWith("@"))).toEqual([...properties[version]]);
  });

  it("filters with a lambda, and with endswith as an advanced query", async () => {
    const tagged = await client
      .api("/servicePrincipals")
      .filter("tags/any(t:t eq 'WindowsAzureActiveDirectoryCustomSingleSignOnApplication')")
      .select("id")
      .top(999)
      .get();
    expect(tagged.value.map((sp: { id: string }) => sp.id)).toContain(scimApp.spId);
    const advanced = await client
      .api("/users")
      .header("ConsistencyLevel", "eventual")
      .count(true)
      .filter("endswith(mail,'@contoso.com')")
      .select("mail")
      .top(10)
      .get();
    expect(advanced["@odata.count"]).toBeGreaterThan(5000);
    const plain = await graphError(client.api("/users").filter("endswith(mail,'@contoso.com')").get());
    expect(plain.statusCode).toBe(400);
    expect(plain.code).toBe("Request_UnsupportedQuery");
  });

  it("expands a user's manager and reads a group's members cast to users", async () => {
    const user = await client
      .api(`/users/${inScopeUser.id}`)
      .select("displayName")
      .expand("manager($select=id,displayName)")
      .get();
    expect(user.manager["@odata.type"]).toBe("#microsoft.graph.user");
    const members = await client
      .api(`/groups/${groupWithMembers.id}/members/microsoft.graph.user`)
      .select("id")
      .get();
    expect(members.value.map((m: { id: string }) => m.id).sort()).toEqual(
      [...groupWithMembers.memberIds].sort(),
    );
  });

  it("sends a $batch and reads its answers with BatchResponseContent", async () => {
    const content = new BatchRequestContent([
      {
        id: "user",
        request: new Request(`https://graph.microsoft.com/users/${inScopeUser.id}?$select=displayName`),
      },
      {
        id: "jobs",
        request: new Request(
          `https://graph.microsoft.com/servicePrincipals/${scimApp.spId}/synchronization/jobs`,
        ),
      },
      {
        id: "missing",
        request: new Request("https://graph.microsoft.com/users/00000000-0000-0000-0000-000000000000"),
      },
    ]);
    const answer = new BatchResponseContent(await client.api("/$batch").post(await content.getContent()));
    expect(await answer.getResponseById("user").json()).toMatchObject({
      displayName: inScopeUser.displayName,
    });
    expect((await answer.getResponseById("jobs").json()).value[0].id).toBe(scimApp.jobId);
    expect(answer.getResponseById("missing").status).toBe(404);
  });

  it("provisions on demand, and meets 429 with Retry-After when calls come too fast", async () => {
    const path = `/servicePrincipals/${scimApp.spId}/synchronization/jobs/${encodeURIComponent(scimApp.jobId)}/provisionOnDemand`;
    const body = {
      parameters: [
        { ruleId: scimApp.ruleId, subjects: [{ objectId: inScopeUser.id, objectTypeName: "User" }] },
      ],
    };
    const answer = await client.api(path).post(body);
    expect(JSON.parse(answer.key).result).toBe("Success");
    await client.api(path).post(body);
    const throttled = await graphError(
      client
        .api(path)
        .middlewareOptions([new RetryHandlerOptions(0, 0)])
        .post(body),
    );
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers?.get("Retry-After"))).toBeGreaterThan(0);
    // The client's own retry handler waits out Retry-After and gets through.
    const retried = await client.api(path).post(body);
    expect(JSON.parse(retried.key).result).toBeDefined();
  });

  it("answers 401 without a token and 403 without the permission", async () => {
    const anonymous = await graphError(graphClient(null).api("/users").top(1).get());
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.code).toBe("InvalidAuthenticationToken");
    const reader = graphClient(await tokenFor(DEVELOPER_CLIENTS.reader));
    expect((await reader.api("/users").top(1).get()).value).toHaveLength(1);
    const denied = await graphError(
      reader
        .api(
          `/servicePrincipals/${scimApp.spId}/synchronization/jobs/${encodeURIComponent(scimApp.jobId)}/provisionOnDemand`,
        )
        .post({
          parameters: [
            { ruleId: scimApp.ruleId, subjects: [{ objectId: inScopeUser.id, objectTypeName: "User" }] },
          ],
        }),
    );
    expect(denied.statusCode).toBe(403);
    expect(denied.code).toBe("Authorization_RequestDenied");
  });
});
