import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/console/route";
import { authenticate } from "./caller";
import { CLIENT_ID, consoleClaims, TENANT_ID, tokenKit } from "@/lib/testing/token-kit";

// Entra mode as the console runs it: settings from the environment, keys over HTTP from the authority.

const kit = tokenKit();
let server: Server;
let jwksReads = 0;
let authorityHost: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === `/${TENANT_ID}/discovery/v2.0/keys`) {
      jwksReads += 1;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(kit.jwks()));
      return;
    }
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  authorityHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    ENTRA_TENANT_ID: TENANT_ID,
    ENTRA_CLIENT_ID: CLIENT_ID,
    ENTRA_CLIENT_SECRET: "test-secret",
    ENTRA_API_SCOPE: `api://${CLIENT_ID}/access_as_user`,
    ENTRA_AUTHORITY_HOST: authorityHost,
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Claims valid now, issued by the loopback authority. */
const claimsNow = (overrides: Record<string, unknown> = {}) => {
  const now = Math.floor(Date.now() / 1000);
  return consoleClaims({
    iss: `${authorityHost}/${TENANT_ID}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...overrides,
  });
};

const requestWith = (authorization?: string) =>
  new Request("http://console.test/api/runs", { headers: authorization ? { authorization } : {} });

describe("authenticate in Entra mode", () => {
  it("turns a valid bearer token into the caller, with the token kept for on-behalf-of", async () => {
    const token = kit.sign(claimsNow({ aud: `api://${CLIENT_ID}` }));
    const caller = await authenticate(requestWith(`Bearer ${token}`));
    expect(caller).toEqual({
      id: consoleClaims().oid,
      displayName: "Adele Vance",
      roles: ["Console.Operator"],
    });
    expect(caller.assertion).toBe(token);
  });

  it("verifies once per request however often it is asked", async () => {
    const request = requestWith(`Bearer ${kit.sign(claimsNow())}`);
    const [a, b] = await Promise.all([authenticate(request), authenticate(request)]);
    expect(a).toBe(b);
    expect(jwksReads).toBe(1);
  });

  it.each([
    ["no Authorization header", undefined, "token_missing"],
    ["an empty bearer", "Bearer ", "token_missing"],
    ["Basic credentials", "Basic dXNlcjpwYXNz", "token_malformed"],
    ["a bearer that is no JWT", "Bearer abc.def", "token_malformed"],
  ])("%s → 401 %s", async (_name, header, reason) => {
    const refused = await authenticate(requestWith(header)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 401, extra: { authReason: reason } });
  });

  it("answers through the route wrapper with the one error shape and the reason", async () => {
    const route = apiRoute({ role: "Console.Operator" }, () => Response.json({ ok: true }));
    const call = (header?: string) => route(requestWith(header) as never, { params: Promise.resolve({}) });

    const expired = await call(`Bearer ${kit.sign(claimsNow({ exp: Math.floor(Date.now() / 1000) - 600 }))}`);
    expect(expired.status).toBe(401);
    expect((await expired.json()).error).toMatchObject({
      code: "unauthenticated",
      authReason: "token_expired",
    });

    const reader = await call(`Bearer ${kit.sign(claimsNow({ roles: ["Console.Reader"] }))}`);
    expect(reader.status).toBe(403);
    expect((await reader.json()).error).toMatchObject({ code: "forbidden", authReason: "role_missing" });

    const operator = await call(`Bearer ${kit.sign(claimsNow())}`);
    expect(operator.status).toBe(200);
  });
});
