import { createHash } from "node:crypto";
import { opaque } from "./opaque";
import { signJwt, type JwtClaims, type SigningKey } from "./jwt";
import type { ProviderSettings, TestUser } from "./settings";

export interface ClientContext {
  clientId: string;
  /** A confidential client proved itself with a secret or certificate; an SPA did not. */
  confidential: boolean;
  /** Certificate rather than secret: Entra's appidacr/azpacr "2" instead of "1". */
  certificate?: boolean;
}

/** Builds and signs tokens with the claims Entra puts in them; remembers every Graph token it made. */
export class TokenMinter {
  private readonly graphTokens: string[] = [];

  constructor(
    private readonly settings: ProviderSettings,
    private readonly key: SigningKey,
  ) {}

  issuedGraphTokens(): string[] {
    return [...this.graphTokens];
  }

  /** A v2.0 access token for the console's own API, as the SPA gets it. */
  consoleAccessTokenClaims(user: TestUser, client: ClientContext): JwtClaims {
    const scopeName = this.settings.consoleApiScope.slice(this.settings.consoleApiScope.lastIndexOf("/") + 1);
    return {
      aud: this.settings.consoleClientId,
      iss: this.settings.issuer,
      ...this.lifetime(),
      aio: opaque(40),
      azp: client.clientId,
      azpacr: authenticationLevel(client),
      name: user.name,
      oid: user.oid,
      preferred_username: user.preferredUsername,
      rh: opaque(30),
      ...(user.roles.length > 0 ? { roles: user.roles } : {}),
      scp: scopeName,
      sid: sessionId(user),
      sub: pairwiseSubject(user.oid, this.settings.consoleClientId),
      tid: this.settings.tenantId,
      uti: opaque(16),
      ver: "2.0",
    };
  }

  consoleAccessToken(user: TestUser, client: ClientContext): string {
    return this.sign(this.consoleAccessTokenClaims(user, client));
  }

  idToken(user: TestUser, clientId: string, nonce: string | undefined): string {
    return this.sign({
      aud: clientId,
      iss: this.settings.issuer,
      ...this.lifetime(),
      name: user.name,
      ...(nonce ? { nonce } : {}),
      oid: user.oid,
      preferred_username: user.preferredUsername,
      rh: opaque(30),
      ...(user.roles.length > 0 ? { roles: user.roles } : {}),
      sid: sessionId(user),
      sub: pairwiseSubject(user.oid, clientId),
      tid: this.settings.tenantId,
      uti: opaque(16),
      ver: "2.0",
    });
  }

  /** A v1.0 Graph token on behalf of a user (delegated: `scp`). */
  graphUserToken(user: TestUser, client: ClientContext, scopes: string[]): string {
    return this.graphToken({
      acct: 0,
      acr: "1",
      amr: ["pwd"],
      app_displayname: "Provisioning console",
      appid: client.clientId,
      appidacr: authenticationLevel(client),
      idtyp: "user",
      ipaddr: "127.0.0.1",
      name: user.name,
      oid: user.oid,
      scp: scopes.join(" "),
      sid: sessionId(user),
      sub: pairwiseSubject(user.oid, this.settings.graphAudience),
      unique_name: user.preferredUsername,
      upn: user.preferredUsername,
    });
  }

  /** A v1.0 Graph token for the console itself (application permissions: `roles`). */
  graphAppToken(client: ClientContext): string {
    return this.graphToken({
      app_displayname: "Provisioning console",
      appid: client.clientId,
      appidacr: authenticationLevel(client),
      idp: this.settings.graphIssuer,
      idtyp: "app",
      oid: this.settings.servicePrincipalId,
      roles: this.settings.applicationGraphRoles,
      sub: this.settings.servicePrincipalId,
    });
  }

  sign(claims: JwtClaims, key: SigningKey = this.key, header: Record<string, unknown> = {}): string {
    return signJwt(claims, key, header);
  }

  private graphToken(claims: JwtClaims): string {
    const token = this.sign(
      {
        aud: this.settings.graphAudience,
        iss: this.settings.graphIssuer,
        ...this.lifetime(),
        aio: opaque(40),
        rh: opaque(30),
        tenant_region_scope: "EU",
        tid: this.settings.tenantId,
        uti: opaque(16),
        ver: "1.0",
        ...claims,
      },
      this.key,
      { x5t: this.key.kid }, // v1.0 tokens carry x5t beside kid, with the same value
    );
    this.graphTokens.push(token);
    return token;
  }

  private lifetime(): { iat: number; nbf: number; exp: number } {
    const now = Math.floor(Date.now() / 1000);
    return { iat: now, nbf: now, exp: now + this.settings.tokenLifetimeSeconds };
  }
}

/** `client_info` as Entra returns it: base64url JSON naming the user's object and home tenant. */
export function clientInfo(user: TestUser, tenantId: string): string {
  return Buffer.from(JSON.stringify({ uid: user.oid, utid: tenantId })).toString("base64url");
}

function authenticationLevel(client: ClientContext): string {
  if (!client.confidential) return "0";
  return client.certificate ? "2" : "1";
}

/** Entra's `sub` differs per application for the same user. */
function pairwiseSubject(oid: string, audience: string): string {
  return createHash("sha256").update(`${oid}|${audience}`).digest("base64url").slice(0, 43);
}

function sessionId(user: TestUser): string {
  return createHash("sha256")
    .update(`session|${user.oid}`)
    .digest("hex")
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, "$1-$2-$3-$4-$5");
}
