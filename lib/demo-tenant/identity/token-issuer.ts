import "server-only";
import { createHash, generateKeyPairSync, randomUUID } from "node:crypto";
import { publicJwk, signToken, type SigningKeyPair, type TokenClaims } from "./jwt";

// The demo tenant's token endpoint, for developers: client credentials against the demo tenant,
// answered as the Microsoft identity platform answers them, so any Graph client can get a token.
//   POST /{tenantId}/oauth2/v2.0/token   GET /{tenantId}/discovery/v2.0/keys
//   GET  /{tenantId}/v2.0/.well-known/openid-configuration
// Tokens are Graph's v1.0 application tokens: issuer https://sts.windows.net/{tid}/, audience
// https://graph.microsoft.com, the app's permissions in `roles`.

export interface IssuerClient {
  clientId: string;
  objectId: string;
  displayName: string;
  clientSecret: string;
  roles: readonly string[];
}

export interface TokenIssuerOptions {
  tenantId: string;
  /** Names the tenant answers to besides its id, e.g. "contoso.com". */
  domains: readonly string[];
  tenantName: string;
  clients: readonly IssuerClient[];
  now: () => Date;
  lifetimeSeconds?: number;
}

const GRAPH_RESOURCES = ["https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"];
const GRAPH_AUDIENCE = "https://graph.microsoft.com";

function newSigningKey(): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const der = publicKey.export({ format: "der", type: "spki" });
  const kid = createHash("sha1").update(der).digest("base64url");
  return { kid, privateKey, publicKey };
}

export function createTokenIssuer(options: TokenIssuerOptions) {
  const key = newSigningKey();
  const lifetime = options.lifetimeSeconds ?? 3599;
  const issuer = `https://sts.windows.net/${options.tenantId}/`;
  const names = new Set([options.tenantId, ...options.domains].map((n) => n.toLowerCase()));

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
    });

  /** The identity platform's error answer: `AADSTS…` in the description, the codes alone in error_codes. */
  const refuse = (status: number, error: string, code: number, description: string) => {
    const traceId = randomUUID();
    const correlationId = randomUUID();
    const timestamp = options.now().toISOString().replace("T", " ").slice(0, 19) + "Z";
    return json(status, {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
    });
  };

  async function token(request: Request, origin: string): Promise<Response> {
    const text = await request.text();
    const form = new URLSearchParams(text);
    const basic = /^Basic\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
    const [basicId, basicSecret] = basic
      ? Buffer.from(basic[1]!, "base64").toString("utf8").split(":").map(decodeURIComponent)
      : [];
    const grantType = form.get("grant_type");
    if (grantType !== "client_credentials")
      return refuse(
        400,
        "unsupported_grant_type",
        70003,
        `The app requested an unsupported grant type '${grantType ?? ""}'; the demo tenant issues tokens by client credentials only.`,
      );
    const clientId = form.get("client_id") ?? basicId;
    if (!clientId)
      return refuse(
        400,
        "invalid_request",
        900144,
        "The request body must contain the following parameter: 'client_id'.",
      );
    const client = options.clients.find((c) => c.clientId.toLowerCase() === clientId.toLowerCase());
    if (!client)
      return refuse(
        400,
        "unauthorized_client",
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${options.tenantName}'.`,
      );
    const secret = form.get("client_secret") ?? basicSecret;
    if (!secret)
      return refuse(
        401,
        "invalid_client",
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    if (secret !== client.clientSecret)
      return refuse(
        401,
        "invalid_client",
        7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" +
          client.clientId +
          "'.",
      );
    const scope = form.get("scope")?.trim() ?? "";
    const resource = scope.endsWith("/.default") ? scope.slice(0, -"/.default".length) : null;
    if (resource === null)
      return refuse(
        400,
        "invalid_scope",
        1002012,
        `The provided value for scope ${scope || "(none)"} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    if (!GRAPH_RESOURCES.includes(resource.replace(/\/+$/, "").toLowerCase()))
      return refuse(
        400,
        "invalid_resource",
        500011,
        `The resource principal named ${resource} was not found in the tenant named ${options.tenantName}. The demo tenant issues tokens for Microsoft Graph only.`,
      );
    const nowSeconds = Math.floor(options.now().getTime() / 1000);
    const claims: TokenClaims = {
      aud: GRAPH_AUDIENCE,
      iss: issuer,
      iat: nowSeconds,
      nbf: nowSeconds,
      exp: nowSeconds + lifetime,
      app_displayname: client.displayName,
      appid: client.clientId,
      appidacr: "1",
      idp: issuer,
      idtyp: "app",
      oid: client.objectId,
      roles: [...client.roles],
      sub: client.objectId,
      tid: options.tenantId,
      uti: randomUUID().replaceAll("-", "").slice(0, 22),
      ver: "1.0",
      xms_tcdt: 1_500_000_000,
      // Where this token came from, for a developer reading it; Graph ignores unknown claims.
      demo_token_endpoint: `${origin}/${options.tenantId}/oauth2/v2.0/token`,
    };
    return json(200, {
      token_type: "Bearer",
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: signToken(claims, key),
    });
  }

  const openIdConfiguration = (origin: string) => ({
    token_endpoint: `${origin}/${options.tenantId}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
    jwks_uri: `${origin}/${options.tenantId}/discovery/v2.0/keys`,
    response_types_supported: ["token"],
    grant_types_supported: ["client_credentials"],
    issuer: `${origin}/${options.tenantId}/v2.0`,
    tenant_region_scope: "NA",
    id_token_signing_alg_values_supported: ["RS256"],
  });

  const jwks = () => ({ keys: [publicJwk(key)] });

  return {
    issuer,
    jwks,
    /** Whether a path's first segment names this tenant (its id or one of its domains). */
    serves: (firstSegment: string) => names.has(firstSegment.toLowerCase()),
    async handle(request: Request): Promise<Response> {
      const url = new URL(request.url);
      const rest = url.pathname.split("/").filter(Boolean).slice(1).join("/").toLowerCase();
      if (rest === "oauth2/v2.0/token")
        return request.method === "POST"
          ? token(request, url.origin)
          : json(405, { error: "invalid_request", error_description: "Use POST." }, { Allow: "POST" });
      if (rest === "discovery/v2.0/keys" || rest === "discovery/keys") return json(200, jwks());
      if (rest === "v2.0/.well-known/openid-configuration") return json(200, openIdConfiguration(url.origin));
      return refuse(
        404,
        "invalid_request",
        900561,
        `The endpoint '${url.pathname}' does not exist in the demo tenant.`,
      );
    },
  };
}

export type TokenIssuer = ReturnType<typeof createTokenIssuer>;
