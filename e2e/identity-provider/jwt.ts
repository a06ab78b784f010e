import {
  constants,
  createHash,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";

export type JwtClaims = Record<string, unknown>;

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** An RSA 2048 key with a kid derived from its public key, as Entra's kids are stable per key. */
export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const der = publicKey.export({ format: "der", type: "spki" });
  const kid = createHash("sha256").update(der).digest("base64url").slice(0, 27);
  return { kid, privateKey, publicKey };
}

/** The key as a JWKS entry (Entra publishes kty, use, kid, n, e). */
export function publicJwk(key: SigningKey): Record<string, string> {
  const { n, e } = key.publicKey.export({ format: "jwk" });
  return { kty: "RSA", use: "sig", kid: key.kid, n: String(n), e: String(e) };
}

export function signJwt(claims: JwtClaims, key: SigningKey, header: Record<string, unknown> = {}): string {
  const encodedHeader = encodeJson({ typ: "JWT", alg: "RS256", kid: key.kid, ...header });
  const encodedPayload = encodeJson(claims);
  const signature = sign("RSA-SHA256", Buffer.from(`${encodedHeader}.${encodedPayload}`), key.privateKey);
  return `${encodedHeader}.${encodedPayload}.${signature.toString("base64url")}`;
}

export interface DecodedJwt {
  header: JwtClaims;
  claims: JwtClaims;
  signedPart: Buffer;
  signature: Buffer;
}

/** Splits and decodes a compact JWT without trusting it; undefined when it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) return undefined;
  const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
  const header = decodeJson(encodedHeader);
  const claims = decodeJson(encodedPayload);
  if (!header || !claims) return undefined;
  return {
    header,
    claims,
    signedPart: Buffer.from(`${encodedHeader}.${encodedPayload}`),
    signature: Buffer.from(encodedSignature, "base64url"),
  };
}

export type SignatureAlgorithm = "RS256" | "PS256";

/** Tokens are RS256; MSAL signs certificate client assertions PS256 when given a SHA-256 thumbprint. */
export function verifyJwtSignature(
  jwt: DecodedJwt,
  publicKey: KeyObject | string,
  algorithms: readonly SignatureAlgorithm[] = ["RS256"],
): boolean {
  const alg = jwt.header.alg;
  if (!algorithms.includes(alg as SignatureAlgorithm)) return false;
  const key = typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey;
  if (alg === "PS256") {
    const pss = {
      key,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    };
    return verify("RSA-SHA256", jwt.signedPart, pss, jwt.signature);
  }
  return verify("RSA-SHA256", jwt.signedPart, key, jwt.signature);
}

export function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function decodeJson(part: string): JwtClaims | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as JwtClaims) : undefined;
  } catch {
    return undefined;
  }
}
