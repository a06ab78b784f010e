import "server-only";
import { issuerKeys, TokenRejected, verifyToken, type FetchJwks, type TokenRejection } from "./identity/jwt";

// What Microsoft Graph answers a request whose token is missing, invalid or lacks a permission,
// so the demo tenant can stand in for Graph in tests of the console's Entra mode.

export interface GraphTokenCheckConfig {
  /** `https://sts.windows.net/{tid}/` — Graph tokens are v1.0 tokens. */
  issuer: string;
  jwksUri: string;
  /** `https://graph.microsoft.com` (Graph's application id is accepted as well). */
  audience: string;
  tenantId: string;
  fetchJwks?: FetchJwks;
  now?: () => number;
  /** Clock skew allowed on `exp` and `nbf`; none unless told, so expiry shows at once in tests. */
  clockToleranceSeconds?: number;
}

export interface GraphTokenDenial {
  status: 401 | 403;
  code: "InvalidAuthenticationToken" | "Authorization_RequestDenied";
  message: string;
}

/** Any one of these permissions allows the request; delegated tokens carry `scp`, application tokens `roles`. */
export interface GraphPermissions {
  delegated: readonly string[];
  application: readonly string[];
}

const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

const rejectionMessages: Record<TokenRejection, string> = {
  token_malformed: "CompactToken parsing failed with error code: 80049217",
  token_signature_invalid: "Access token validation failure.",
  token_audience_invalid: "Access token validation failure. Invalid audience.",
  token_issuer_invalid: "Access token validation failure. Invalid issuer.",
  token_tenant_invalid: "Access token validation failure. Invalid issuer.",
  token_expired: "Lifetime validation failed, the token is expired.",
  token_not_yet_valid: "Lifetime validation failed, the token is not yet valid.",
};

/** The token in `Authorization: Bearer <token>`, or what is wrong with the header. */
function readBearerToken(
  request: Request,
): { kind: "token"; token: string } | { kind: "missing" } | { kind: "not_bearer" } {
  const header = request.headers.get("authorization")?.trim();
  if (!header) return { kind: "missing" };
  const match = /^Bearer(?:[ ]+(\S*))?$/i.exec(header);
  if (!match) return { kind: "not_bearer" };
  return match[1] ? { kind: "token", token: match[1] } : { kind: "missing" };
}

const invalidToken = (message: string): GraphTokenDenial => ({
  status: 401,
  code: "InvalidAuthenticationToken",
  message,
});

/** The token's claims when it is one Graph would accept at all; otherwise Graph's 401. */
export async function readGraphToken(
  request: Request,
  config: GraphTokenCheckConfig,
): Promise<{ claims: Record<string, unknown> } | { denial: GraphTokenDenial }> {
  const bearer = readBearerToken(request);
  if (bearer.kind === "missing") return { denial: invalidToken("Access token is empty.") };
  if (bearer.kind === "not_bearer") return { denial: invalidToken(rejectionMessages.token_malformed) };
  try {
    const claims = await verifyToken(bearer.token, {
      issuer: config.issuer,
      audiences: [config.audience, GRAPH_APP_ID],
      tenantId: config.tenantId,
      key: issuerKeys(config.jwksUri, config.fetchJwks),
      now: config.now ?? Date.now,
      clockToleranceSeconds: config.clockToleranceSeconds ?? 0,
    });
    return { claims };
  } catch (error) {
    if (error instanceof TokenRejected) return { denial: invalidToken(rejectionMessages[error.reason]) };
    throw error;
  }
}

/** Whether these claims allow the request (method and absolute or relative URL). */
export function claimsAllow(claims: Record<string, unknown>, method: string, url: string): boolean {
  const needed = graphPermissionsFor(method, url);
  return !needed || tokenGrantsAny(claims, needed);
}

export const insufficientPrivileges: GraphTokenDenial = {
  status: 403,
  code: "Authorization_RequestDenied",
  message: "Insufficient privileges to complete the operation.",
};

/** Null when Graph would serve the request; otherwise the status, code and message it would answer. */
export async function checkGraphToken(
  request: Request,
  config: GraphTokenCheckConfig,
): Promise<GraphTokenDenial | null> {
  const token = await readGraphToken(request, config);
  if ("denial" in token) return token.denial;
  return claimsAllow(token.claims, request.method, request.url) ? null : insufficientPrivileges;
}

/** Whether the token's scopes (delegated) or app roles (application) include one the request accepts. */
export function tokenGrantsAny(claims: Record<string, unknown>, needed: GraphPermissions): boolean {
  if (typeof claims.scp === "string") {
    const scopes = claims.scp.split(" ");
    return needed.delegated.some((permission) => scopes.includes(permission));
  }
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  return needed.application.some((permission) => roles.includes(permission));
}

const sync = {
  read: ["Synchronization.Read.All", "Synchronization.ReadWrite.All"],
  write: ["Synchronization.ReadWrite.All"],
  // Application.ReadWrite.OwnedBy reaches the synchronization of apps the calling app owns.
  appRead: ["Application.ReadWrite.OwnedBy", "Synchronization.Read.All", "Synchronization.ReadWrite.All"],
  appWrite: ["Application.ReadWrite.OwnedBy", "Synchronization.ReadWrite.All"],
};
const same = (permissions: string[]): GraphPermissions => ({
  delegated: permissions,
  application: permissions,
});

/**
 * The permissions a Graph request needs, by method and URL (absolute, or relative as inside a
 * `$batch`). Null when a valid token is enough: `$batch` itself (its requests are checked one by
 * one) and paths this table does not cover.
 */
export function graphPermissionsFor(method: string, url: string): GraphPermissions | null {
  const segments = graphPath(url);
  const resource = segments[0]?.toLowerCase();
  const reading = method.toUpperCase() === "GET" || method.toUpperCase() === "HEAD";
  if (!resource || resource === "$batch") return null;

  if (resource.startsWith("serviceprincipals")) {
    if (segments.some((segment) => segment.toLowerCase() === "synchronization")) {
      return reading
        ? { delegated: sync.read, application: sync.appRead }
        : { delegated: sync.write, application: sync.appWrite };
    }
    if (!reading) return same(["Application.ReadWrite.All", "Directory.ReadWrite.All"]);
    return {
      delegated: ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", ...sync.read],
      application: [
        "Application.Read.All",
        "Application.ReadWrite.All",
        "Application.ReadWrite.OwnedBy",
        "Directory.Read.All",
        ...sync.read,
      ],
    };
  }
  // Deleted users in the recycle bin are read with the users' permissions, as Graph documents.
  const deletedItem = resource === "directory" && segments[1]?.toLowerCase() === "deleteditems";
  if (resource.startsWith("users") || (deletedItem && reading)) {
    return reading
      ? same(["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"])
      : same(["User.ReadWrite.All", "Directory.ReadWrite.All"]);
  }
  if (resource === "auditlogs") {
    // The provisioning logs: AuditLog.Read.All, or the newer ProvisioningLog.Read.All.
    return same(["AuditLog.Read.All", "ProvisioningLog.Read.All"]);
  }
  if (resource === "directory") {
    return same(["User.Read.All", "Directory.Read.All", "Directory.ReadWrite.All"]);
  }
  if (resource.startsWith("groups")) {
    return reading
      ? same([
          "Group.Read.All",
          "GroupMember.Read.All",
          "Group.ReadWrite.All",
          "Directory.Read.All",
          "Directory.ReadWrite.All",
        ])
      : same(["Group.ReadWrite.All", "GroupMember.ReadWrite.All", "Directory.ReadWrite.All"]);
  }
  return null;
}

/** Path segments after the version: `https://graph…/v1.0/users/1` and `/users/1` both give ["users", "1"]. */
function graphPath(url: string): string[] {
  let path: string;
  try {
    path = new URL(url, "https://graph.invalid").pathname;
  } catch {
    return [];
  }
  const segments = path.split("/").filter(Boolean);
  if (/^(v1\.0|beta)$/i.test(segments[0] ?? "")) segments.shift();
  return segments;
}
