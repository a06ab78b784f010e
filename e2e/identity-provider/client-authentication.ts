import { X509Certificate, timingSafeEqual } from "node:crypto";
import { EntraError } from "./entra-error";
import type { Call } from "./exchange";
import { decodeJwt, verifyJwtSignature } from "./jwt";
import type { ProviderSettings } from "./settings";
import type { ClientContext } from "./token-minter";

const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/**
 * Who is calling the token endpoint: the console with its secret (in the body or Basic auth) or
 * a certificate-signed client assertion, or — with no credential but an Origin header — the
 * console's SPA redeeming from the browser, which Entra treats as a public client.
 */
export function authenticateClient(
  fields: URLSearchParams,
  call: Call,
  settings: ProviderSettings,
): ClientContext {
  const basic = basicCredentials(call.headers.authorization);
  const clientId = (fields.get("client_id") ?? basic?.clientId ?? "").toLowerCase();
  if (!clientId) {
    throw new EntraError(
      400,
      "invalid_request",
      900144,
      "The request body must contain the following parameter: 'client_id'.",
    );
  }
  if (clientId !== settings.consoleClientId) {
    throw new EntraError(
      400,
      "unauthorized_client",
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${settings.tenantId}'.`,
    );
  }
  const secret = fields.get("client_secret") ?? basic?.secret;
  if (secret !== undefined) {
    if (!sameText(secret, settings.consoleClientSecret)) {
      throw new EntraError(
        401,
        "invalid_client",
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      );
    }
    return { clientId, confidential: true };
  }
  const assertion = fields.get("client_assertion");
  if (assertion !== null) {
    checkClientAssertion(assertion, fields.get("client_assertion_type"), clientId, call, settings);
    return { clientId, confidential: true, certificate: true };
  }
  if (call.headers.origin) return { clientId, confidential: false };
  throw new EntraError(
    401,
    "invalid_client",
    7000218,
    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  );
}

function checkClientAssertion(
  assertion: string,
  assertionType: string | null,
  clientId: string,
  call: Call,
  settings: ProviderSettings,
): void {
  const refuse = (aadsts: number, description: string) =>
    new EntraError(401, "invalid_client", aadsts, description);
  if (assertionType !== CLIENT_ASSERTION_TYPE) {
    throw refuse(700024, `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}.`);
  }
  const jwt = decodeJwt(assertion);
  if (!jwt) throw refuse(50027, "JWT token is invalid or malformed.");
  const pem = settings.consoleClientCertificatePem;
  const certificate = pem ? new X509Certificate(pem) : undefined;
  const thumbprints = certificate
    ? [thumbprint(certificate.fingerprint), thumbprint(certificate.fingerprint256)]
    : [];
  const presented = [jwt.header["x5t"], jwt.header["x5t#S256"]].filter((value) => typeof value === "string");
  if (!certificate || !presented.some((value) => thumbprints.includes(value))) {
    throw refuse(
      700027,
      `The certificate with identifier used to sign the client assertion is not registered on application ${clientId}.`,
    );
  }
  if (!verifyJwtSignature(jwt, certificate.publicKey, ["RS256", "PS256"])) {
    throw refuse(700027, "Client assertion failed signature validation.");
  }
  const { iss, sub, aud, exp, nbf } = jwt.claims;
  if (iss !== sub || String(iss).toLowerCase() !== clientId) {
    throw refuse(700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
  }
  const tokenEndpoint = `${settings.origin}${call.url.pathname}`;
  if (aud !== tokenEndpoint) {
    throw refuse(700027, `Client assertion contains an invalid audience: expected ${tokenEndpoint}.`);
  }
  const now = Math.floor(Date.now() / 1000);
  if (typeof exp !== "number" || exp < now || (typeof nbf === "number" && nbf > now + 300)) {
    throw refuse(700024, "Client assertion is not within its valid time range.");
  }
}

function basicCredentials(header: string | undefined): { clientId: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined
  const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
  try {
    return { clientId: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

/** A colon-separated hex fingerprint as a JWT header's base64url thumbprint. */
function thumbprint(hexWithColons: string): string {
  return Buffer.from(hexWithColons.replaceAll(":", ""), "hex").toString("base64url");
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
