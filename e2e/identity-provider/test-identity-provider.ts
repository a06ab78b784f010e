import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";
import { authorizeRequest, isLoopbackUrl, logoutRequest, signInChoice } from "./authorize-endpoint";
import { createLoopbackCertificate } from "./certificate";
import { instanceDiscovery, keySet, openIdConfiguration } from "./discovery";
import { EntraError, entraErrorBody } from "./entra-error";
import { jsonReply, type Call, type Reply } from "./exchange";
import { GrantStore } from "./grant-store";
import { createSigningKey, type JwtClaims } from "./jwt";
import { resolveSettings, type ProviderSettings, type TestIdentityProviderOptions } from "./settings";
import { tokenRequest, type TokenEndpointContext } from "./token-endpoint";
import { TokenMinter } from "./token-minter";

export interface TestIdentityProvider {
  /** https://127.0.0.1:PORT */
  origin: string;
  /** 127.0.0.1:PORT — what MSAL's knownAuthorities lists. */
  host: string;
  /** `${origin}/${tenantId}` — what MSAL is given as authority. */
  authority: string;
  /** `${origin}/${tenantId}/v2.0` — the `iss` of console API tokens and id tokens. */
  issuer: string;
  /** `https://sts.windows.net/${tenantId}/` — the `iss` of Graph tokens (v1.0 tokens). */
  graphIssuer: string;
  jwksUri: string;
  /** The `oid` in the console's app-only Graph tokens. */
  servicePrincipalId: string;
  /** The self-signed certificate the server presents; trust it to talk to the provider. */
  caCertificatePem: string;
  /** The same certificate on disk, for NODE_EXTRA_CA_CERTS of a child process. */
  certificatePath: string;
  /** Every token issued so far whose audience is Graph — tests search browser storage and /api bodies for them. */
  issuedGraphTokens(): string[];
  /**
   * A console API token minted directly, for the token-case table. The claims override those of
   * the user named by `oid` (the first user when absent); a claim set to undefined is left out.
   */
  mintConsoleToken(
    claims: Partial<Record<string, unknown>> & { oid?: string },
    options?: { signWithForeignKey?: boolean; kid?: string },
  ): string;
  stop(): Promise<void>;
}

/** Starts an HTTPS server on 127.0.0.1 that answers the Entra v2.0 endpoints MSAL calls. */
export async function startTestIdentityProvider(
  options: TestIdentityProviderOptions,
): Promise<TestIdentityProvider> {
  resolveSettings(options, "https://127.0.0.1:0"); // refuse bad options before anything starts
  const certificate = await createLoopbackCertificate();
  const signingKey = createSigningKey();
  const foreignKey = createSigningKey();
  const grants = new GrantStore();
  // the handler is attached once the port, and so every URL the provider hands out, is known
  const server = createServer({ cert: certificate.certificatePem, key: certificate.privateKeyPem });
  try {
    await listen(server, options.port ?? 0);
  } catch (error) {
    await certificate.remove();
    throw error;
  }
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const settings = resolveSettings(options, origin);
  const minter = new TokenMinter(settings, signingKey);
  const context: TokenEndpointContext = { settings, minter, grants, signingKey };
  server.on(
    "request",
    (request: IncomingMessage, response: ServerResponse) => void serve(request, response, context),
  );

  return {
    origin,
    host: settings.host,
    authority: `${origin}/${settings.tenantId}`,
    issuer: settings.issuer,
    graphIssuer: settings.graphIssuer,
    jwksUri: `${origin}/${settings.tenantId}/discovery/v2.0/keys`,
    servicePrincipalId: settings.servicePrincipalId,
    caCertificatePem: certificate.certificatePem,
    certificatePath: certificate.certificatePath,
    issuedGraphTokens: () => minter.issuedGraphTokens(),
    mintConsoleToken(claims, mintOptions = {}) {
      const user = settings.users.find((candidate) => candidate.oid === claims.oid) ?? settings.users[0]!;
      const merged: JwtClaims = {
        ...minter.consoleAccessTokenClaims(user, { clientId: settings.consoleClientId, confidential: false }),
        ...claims,
      };
      for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
      const key = mintOptions.signWithForeignKey ? foreignKey : signingKey;
      // a forger claims the real key's id, so only the signature gives it away
      return minter.sign(merged, key, { kid: mintOptions.kid ?? signingKey.kid });
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await certificate.remove();
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}

const MAX_BODY_BYTES = 1024 * 1024;

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  context: TokenEndpointContext,
): Promise<void> {
  const correlationId = header(request, "client-request-id") ?? randomUUID();
  let reply: Reply;
  try {
    const body = await readBody(request);
    const call: Call = {
      method: request.method ?? "GET",
      url: new URL(request.url ?? "/", context.settings.origin),
      headers: request.headers,
      body,
    };
    reply = route(call, context);
  } catch (error) {
    if (error instanceof EntraError) {
      reply = jsonReply(error.status, entraErrorBody(error, correlationId));
    } else {
      console.error("[test identity provider]", error);
      reply = jsonReply(500, { error: "server_error", error_description: String(error) });
    }
  }
  const cors = corsHeaders(request, context.settings);
  response.writeHead(reply.status, {
    ...cors,
    "x-ms-request-id": randomUUID(),
    "client-request-id": correlationId,
    ...reply.headers,
  });
  response.end(reply.body);
}

const TENANT_ROUTES: Record<
  string,
  Partial<Record<string, (call: Call, context: TokenEndpointContext, tenant: string) => Reply>>
> = {
  "v2.0/.well-known/openid-configuration": {
    GET: (_call, context, tenant) =>
      jsonReply(200, openIdConfiguration(context.settings, tenant), { "cache-control": "max-age=86400" }),
  },
  "discovery/v2.0/keys": { GET: (_call, context) => jsonReply(200, keySet([context.signingKey])) },
  "discovery/keys": { GET: (_call, context) => jsonReply(200, keySet([context.signingKey])) },
  "discovery/instance": { GET: (call, context) => discoverInstance(call, context.settings) },
  "oauth2/v2.0/authorize": {
    GET: (call, context) => authorizeRequest(call, context),
    POST: (call, context) => signInChoice(call, context),
  },
  "oauth2/v2.0/token": {
    POST: (call, context) => tokenRequest(call, context),
    OPTIONS: () => ({ status: 204, headers: {}, body: "" }),
  },
  "oauth2/v2.0/logout": {
    GET: (call, context) => logoutRequest(call, context),
    POST: (call, context) => logoutRequest(call, context),
  },
};

function route(call: Call, context: TokenEndpointContext): Reply {
  const [, tenant = "", ...rest] = call.url.pathname.split("/");
  const routes = TENANT_ROUTES[rest.join("/")];
  if (!routes)
    return jsonReply(404, { error: "not_found", error_description: `No endpoint at ${call.url.pathname}.` });
  const handler = routes[call.method];
  if (!handler) {
    return jsonReply(
      405,
      { error: "invalid_request", error_description: `${call.method} is not allowed here.` },
      {
        allow: Object.keys(routes).join(", "),
      },
    );
  }
  const tenantSegment = knownTenant(tenant, context.settings);
  return handler(call, context, tenantSegment);
}

/** Our tenant id, `common` or `organizations`; anything else is a tenant Entra has never heard of. */
function knownTenant(segment: string, settings: ProviderSettings): string {
  const lower = segment.toLowerCase();
  if (lower === settings.tenantId || lower === "common" || lower === "organizations") return lower;
  throw new EntraError(
    400,
    "invalid_tenant",
    90002,
    `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  );
}

function discoverInstance(call: Call, settings: ProviderSettings): Reply {
  const endpoint = call.url.searchParams.get("authorization_endpoint");
  let authorization: URL | undefined;
  try {
    authorization = endpoint ? new URL(endpoint) : undefined;
  } catch {
    authorization = undefined;
  }
  if (!authorization || authorization.host !== settings.host) {
    return jsonReply(400, {
      error: "invalid_instance",
      error_description: `AADSTS50049: Unknown or invalid instance. authorization_endpoint was ${JSON.stringify(endpoint)}.`,
      error_codes: [50049],
    });
  }
  const tenant = authorization.pathname.split("/")[1] || "common";
  return jsonReply(200, instanceDiscovery(settings, tenant));
}

/** Discovery documents are public to any origin; the token endpoint answers the browser's console origin. */
function corsHeaders(request: IncomingMessage, settings: ProviderSettings): Record<string, string> {
  const origin = header(request, "origin");
  if (!origin) return {};
  const path = (request.url ?? "").split("?")[0] ?? "";
  if (!path.endsWith("/oauth2/v2.0/token")) return { "access-control-allow-origin": "*" };
  const allowed = settings.allowedOrigins ? settings.allowedOrigins.includes(origin) : isLoopbackUrl(origin);
  if (!allowed) return { vary: "Origin" };
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-methods": "POST, OPTIONS",
    "access-control-allow-headers": header(request, "access-control-request-headers") ?? "content-type",
    "access-control-expose-headers": "x-ms-request-id, client-request-id",
    "access-control-max-age": "600",
    vary: "Origin",
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new EntraError(400, "invalid_request", 90011, "The request body is larger than 1 MB."));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
