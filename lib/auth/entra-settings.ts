import "server-only";
import type { Env } from "@/lib/env";
import { cloudEndpoints } from "./clouds";
import { DEFAULT_SCOPE_NAME, type ConsoleTokenConfig } from "./console-token";

export type GraphPermissionMode = "delegated" | "application";

export type ClientCredential =
  | { kind: "secret"; secret: string }
  | { kind: "certificate"; path: string; thumbprint?: string };

/** Everything sign-in and Graph tokens need, derived once from the validated environment. */
export interface EntraSettings {
  tenantId: string;
  clientId: string;
  credential: ClientCredential;
  /** `https://login.microsoftonline.com` or the configured override (tests: the loopback IdP). */
  authorityHost: string;
  /** `{authorityHost}/{tenantId}` — what MSAL is given. */
  authority: string;
  consoleToken: Omit<ConsoleTokenConfig, "now" | "fetchJwks">;
  /** The resource Graph tokens are requested for: the cloud's Graph, even when requests go elsewhere. */
  graphScope: string;
  permissionMode: GraphPermissionMode;
}

/** Null in demo mode. */
export function entraSettings(settings: Env): EntraSettings | null {
  if (settings.mode !== "entra" || !settings.ENTRA_TENANT_ID || !settings.ENTRA_CLIENT_ID) return null;
  const tenantId = settings.ENTRA_TENANT_ID;
  const clientId = settings.ENTRA_CLIENT_ID;
  const cloud = cloudEndpoints(settings.ENTRA_CLOUD);
  const authorityHost = (settings.ENTRA_AUTHORITY_HOST ?? cloud.authorityHost).replace(/\/+$/, "");
  const { resource, scopeName } = readApiScope(settings.ENTRA_API_SCOPE, clientId);
  const audiences = [...new Set([clientId, `api://${clientId}`, resource])];
  const credential: ClientCredential = settings.ENTRA_CLIENT_SECRET
    ? { kind: "secret", secret: settings.ENTRA_CLIENT_SECRET }
    : {
        kind: "certificate",
        path: settings.ENTRA_CLIENT_CERTIFICATE_PATH ?? "",
        thumbprint: settings.ENTRA_CLIENT_CERTIFICATE_THUMBPRINT,
      };
  return {
    tenantId,
    clientId,
    credential,
    authorityHost,
    authority: `${authorityHost}/${tenantId}`,
    consoleToken: {
      issuer: `${authorityHost}/${tenantId}/v2.0`,
      audiences,
      tenantId,
      jwksUri: `${authorityHost}/${tenantId}/discovery/v2.0/keys`,
      scopeName,
    },
    graphScope: `${cloud.graphEndpoint}/.default`,
    permissionMode: settings.GRAPH_PERMISSION_MODE,
  };
}

/** `api://{clientId}/access_as_user` → its resource and scope name; the conventional pair when unset. */
function readApiScope(scope: string | undefined, clientId: string): { resource: string; scopeName: string } {
  const fallback = { resource: `api://${clientId}`, scopeName: DEFAULT_SCOPE_NAME };
  if (!scope) return fallback;
  const match = /^(?<resource>[a-z][a-z0-9+.-]*:\/\/.+)\/(?<name>[^/]+)$/i.exec(scope);
  if (match?.groups) return { resource: match.groups.resource!, scopeName: match.groups.name! };
  return scope.includes("://") ? { ...fallback, resource: scope } : { ...fallback, scopeName: scope };
}
