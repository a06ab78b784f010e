import { createHash } from "node:crypto";
import { authenticateClient } from "./client-authentication";
import { EntraError, missingParameter } from "./entra-error";
import { formFields, jsonReply, type Call, type Reply } from "./exchange";
import type { GrantStore } from "./grant-store";
import { decodeJwt, verifyJwtSignature, type SigningKey } from "./jwt";
import { parseScopes, type RequestedScopes } from "./scopes";
import type { ProviderSettings, TestUser } from "./settings";
import { clientInfo, type ClientContext, type TokenMinter } from "./token-minter";

export interface TokenEndpointContext {
  settings: ProviderSettings;
  minter: TokenMinter;
  grants: GrantStore;
  signingKey: SigningKey;
}

const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
const SPA_REFRESH_TOKEN_LIFETIME_SECONDS = 86_399;

/** POST /{tenant}/oauth2/v2.0/token — the four grants the console uses. Throws EntraError to refuse. */
export function tokenRequest(call: Call, context: TokenEndpointContext): Reply {
  const fields = formFields(call);
  const grantType = fields.get("grant_type");
  if (!grantType) throw missingParameter("grant_type");
  const grant = grants[grantType];
  if (!grant) {
    throw new EntraError(
      400,
      "unsupported_grant_type",
      70003,
      `The app requested an unsupported grant type '${grantType}'.`,
    );
  }
  const client = authenticateClient(fields, call, context.settings);
  return jsonReply(200, grant(fields, client, call, context));
}

type Grant = (
  fields: URLSearchParams,
  client: ClientContext,
  call: Call,
  context: TokenEndpointContext,
) => object;

const grants: Record<string, Grant> = {
  authorization_code: redeemCode,
  refresh_token: redeemRefreshToken,
  [JWT_BEARER]: onBehalfOf,
  client_credentials: clientCredentials,
};

function redeemCode(
  fields: URLSearchParams,
  client: ClientContext,
  _call: Call,
  context: TokenEndpointContext,
): object {
  const code = fields.get("code");
  if (!code) throw missingParameter("code");
  const grant = context.grants.code(code);
  if (!grant) throw invalidGrant(70000, "Provided grant is invalid or malformed.");
  if (grant.redeemed) {
    throw invalidGrant(
      54005,
      "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
    );
  }
  grant.redeemed = true; // a failed redemption burns the code too, so a verifier cannot be guessed
  const { request } = grant;
  if (Date.now() > grant.expiresAt) {
    throw invalidGrant(
      70008,
      "The provided authorization code or refresh token has expired due to inactivity.",
    );
  }
  if (request.clientId !== client.clientId) {
    throw invalidGrant(
      700005,
      "Provided Authorization Code is intended to use against other tenant or application.",
    );
  }
  const redirectUri = fields.get("redirect_uri");
  if (redirectUri !== request.redirectUri) {
    throw invalidGrant(
      500112,
      `The reply address '${redirectUri ?? ""}' does not match the reply address '${request.redirectUri}' provided when requesting Authorization code.`,
    );
  }
  const verifier = fields.get("code_verifier") ?? "";
  if (createHash("sha256").update(verifier).digest("base64url") !== request.codeChallenge) {
    throw invalidGrant(
      501481,
      "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
    );
  }
  return tokenResponse(grant.user, client, parseScopes(request.scope, context.settings), context, {
    nonce: request.nonce,
    clientInfo: request.clientInfo || fields.get("client_info") === "1",
  });
}

function redeemRefreshToken(
  fields: URLSearchParams,
  client: ClientContext,
  call: Call,
  context: TokenEndpointContext,
): object {
  const token = fields.get("refresh_token");
  if (!token) throw missingParameter("refresh_token");
  const grant = context.grants.refreshGrant(token);
  if (!grant || grant.clientId !== client.clientId)
    throw invalidGrant(70000, "Provided grant is invalid or malformed.");
  if (grant.spa && !call.headers.origin) {
    throw new EntraError(
      400,
      "invalid_request",
      9002327,
      "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
    );
  }
  if (!grant.spa && !client.confidential) {
    throw new EntraError(
      401,
      "invalid_client",
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  }
  return tokenResponse(grant.user, client, parseScopes(fields.get("scope"), context.settings), context, {
    nonce: undefined,
    clientInfo: fields.get("client_info") === "1",
  });
}

function onBehalfOf(
  fields: URLSearchParams,
  client: ClientContext,
  _call: Call,
  context: TokenEndpointContext,
): object {
  requireConfidential(client);
  if (fields.get("requested_token_use") !== "on_behalf_of") throw missingParameter("requested_token_use");
  const assertion = fields.get("assertion");
  if (!assertion) throw missingParameter("assertion");
  const user = userOfAssertion(assertion, client, context);
  const scopes = parseScopes(fields.get("scope"), context.settings);
  if (scopes.resource === "console") throw tokenForItself();
  return tokenResponse(user, client, scopes, context, {
    nonce: undefined,
    clientInfo: fields.get("client_info") === "1",
  });
}

function clientCredentials(
  fields: URLSearchParams,
  client: ClientContext,
  _call: Call,
  context: TokenEndpointContext,
): object {
  requireConfidential(client);
  const scope = fields.get("scope");
  if (!scope) throw missingParameter("scope");
  if (!/^\S+\/\.default$/.test(scope.trim())) {
    throw new EntraError(
      400,
      "invalid_scope",
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  if (parseScopes(scope, context.settings).resource === "console") throw tokenForItself();
  // Entra's client-credentials answer has no scope and no refresh token
  return {
    token_type: "Bearer",
    expires_in: context.settings.tokenLifetimeSeconds,
    ext_expires_in: context.settings.tokenLifetimeSeconds,
    access_token: context.minter.graphAppToken(client),
  };
}

/** The user behind an on-behalf-of assertion: a valid, current console API token issued here. */
function userOfAssertion(assertion: string, client: ClientContext, context: TokenEndpointContext): TestUser {
  const { settings, signingKey } = context;
  const jwt = decodeJwt(assertion);
  if (!jwt) throw invalidGrant(50027, "JWT token is invalid or malformed.");
  if (jwt.header.kid !== signingKey.kid) {
    throw invalidGrant(50013, "Assertion failed signature validation. [Reason - The key was not found.]");
  }
  if (!verifyJwtSignature(jwt, signingKey.publicKey)) {
    throw invalidGrant(
      50013,
      "Assertion failed signature validation. [Reason - The provided signature value did not match the expected signature value.]",
    );
  }
  const claims = jwt.claims;
  if (claims.iss !== settings.issuer || claims.tid !== settings.tenantId) {
    throw invalidGrant(50027, `Invalid JWT token. The issuer ${String(claims.iss)} is not this tenant's.`);
  }
  if (claims.aud !== client.clientId && claims.aud !== `api://${client.clientId}`) {
    throw invalidGrant(
      500131,
      `Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '${String(claims.aud)}' and the expected audience is '${client.clientId}'.`,
    );
  }
  const now = Math.floor(Date.now() / 1000);
  if (
    typeof claims.exp !== "number" ||
    claims.exp <= now ||
    (typeof claims.nbf === "number" && claims.nbf > now)
  ) {
    throw invalidGrant(
      500133,
      `Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token. Current time: ${new Date(now * 1000).toISOString()}.`,
    );
  }
  if (typeof claims.scp !== "string") {
    throw invalidGrant(
      50013,
      "Assertion is an application token; on-behalf-of needs a token issued to a user.",
    );
  }
  const user = settings.users.find((candidate) => candidate.oid === claims.oid);
  if (!user) {
    throw invalidGrant(
      50034,
      `The user account ${String(claims.oid)} does not exist in the ${settings.tenantId} directory.`,
    );
  }
  return user;
}

interface TokenResponseOptions {
  nonce: string | undefined;
  clientInfo: boolean;
}

/** An access token for the one resource asked for, plus id, refresh token and client_info as asked. */
function tokenResponse(
  user: TestUser,
  client: ClientContext,
  scopes: RequestedScopes,
  context: TokenEndpointContext,
  options: TokenResponseOptions,
): object {
  const { settings, minter, grants } = context;
  let accessToken: string;
  let scope: string;
  if (scopes.resource === "console") {
    accessToken = minter.consoleAccessToken(user, client);
    scope = settings.consoleApiScope;
  } else {
    const granted = delegatedGraphScopes(scopes.permissions, settings);
    accessToken = minter.graphUserToken(user, client, granted);
    scope = [
      ...granted.map((name) => `${settings.graphAudience}/${name}`),
      ...(scopes.permissions.includes(".default") ? [`${settings.graphAudience}/.default`] : []),
    ].join(" ");
  }
  const spa = !client.confidential;
  return {
    token_type: "Bearer",
    scope,
    expires_in: settings.tokenLifetimeSeconds,
    ext_expires_in: settings.tokenLifetimeSeconds,
    access_token: accessToken,
    ...(scopes.oidc.has("offline_access")
      ? {
          refresh_token: grants.issueRefreshToken({ clientId: client.clientId, user, spa }),
          ...(spa ? { refresh_token_expires_in: SPA_REFRESH_TOKEN_LIFETIME_SECONDS } : {}),
        }
      : {}),
    ...(scopes.oidc.has("openid") ? { id_token: minter.idToken(user, client.clientId, options.nonce) } : {}),
    ...(options.clientInfo ? { client_info: clientInfo(user, settings.tenantId) } : {}),
  };
}

/** `.default` grants every consented permission; a named one must be among them (or User.Read, which sign-in consents to). */
function delegatedGraphScopes(requested: string[], settings: ProviderSettings): string[] {
  if (requested.includes(".default")) return settings.delegatedGraphScopes;
  const consented = new Set([...settings.delegatedGraphScopes, "User.Read"]);
  const missing = requested.filter((name) => !consented.has(name));
  if (missing.length > 0) {
    throw new EntraError(
      400,
      "invalid_grant",
      65001,
      `The user or administrator has not consented to use the application with ID '${settings.consoleClientId}' named 'Provisioning console'. Send an interactive authorization request for this user and resource. Missing: ${missing.join(", ")}.`,
      "consent_required",
    );
  }
  return requested;
}

function requireConfidential(client: ClientContext): void {
  if (!client.confidential) {
    throw new EntraError(
      401,
      "invalid_client",
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  }
}

function tokenForItself(): EntraError {
  return new EntraError(
    400,
    "invalid_grant",
    90009,
    "Application is requesting a token for itself. This scenario is supported only if resource is specified using the GUID based App Identifier.",
  );
}

function invalidGrant(aadsts: number, description: string): EntraError {
  return new EntraError(400, "invalid_grant", aadsts, description);
}
