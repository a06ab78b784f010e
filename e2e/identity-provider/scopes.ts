import { EntraError, missingParameter } from "./entra-error";
import type { ProviderSettings } from "./settings";

const OIDC_SCOPES = new Set(["openid", "profile", "email", "offline_access"]);
const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

export type Resource = "console" | "graph";

export interface RequestedScopes {
  /** openid, profile, email, offline_access as asked for. */
  oidc: Set<string>;
  resource: Resource;
  /** Permission names at the resource: ".default", "access_as_user", "User.Read"… */
  permissions: string[];
}

/**
 * Reads a `scope` parameter the way Entra does: OIDC scopes plus the scopes of exactly one
 * resource. With no resource scope at all, Entra issues a Graph token for User.Read — which is
 * why a console that signs in without asking for its own API scope ends up with a Graph token
 * in the browser.
 */
export function parseScopes(scopeParameter: string | null, settings: ProviderSettings): RequestedScopes {
  const scopes = (scopeParameter ?? "").split(/\s+/).filter(Boolean);
  if (scopes.length === 0) throw missingParameter("scope");
  const oidc = new Set<string>();
  const byResource = new Map<Resource, string[]>();
  for (const scope of scopes) {
    if (OIDC_SCOPES.has(scope)) {
      oidc.add(scope);
      continue;
    }
    const { resource, permission } = resourceOf(scope, settings);
    byResource.set(resource, [...(byResource.get(resource) ?? []), permission]);
  }
  if (byResource.size > 1) {
    throw new EntraError(
      400,
      "invalid_scope",
      28000,
      "Provided value for the input parameter scope is not valid because it contains more than one resource. Scope " +
        `${scopes.join(" ")} is not valid.`,
    );
  }
  const [entry] = [...byResource];
  if (!entry) return { oidc, resource: "graph", permissions: ["User.Read"] };
  const [resource, permissions] = entry;
  if (permissions.includes(".default") && permissions.length > 1) {
    throw new EntraError(
      400,
      "invalid_scope",
      70011,
      `The provided value for the input parameter 'scope' is not valid. The scope ${scopes.join(" ")} combines .default with other scopes.`,
    );
  }
  return { oidc, resource, permissions };
}

function resourceOf(scope: string, settings: ProviderSettings): { resource: Resource; permission: string } {
  const slash = scope.lastIndexOf("/");
  if (slash < 0) return { resource: "graph", permission: scope };
  const prefix = scope.slice(0, slash).toLowerCase();
  const permission = scope.slice(slash + 1);
  const consoleScopeSlash = settings.consoleApiScope.lastIndexOf("/");
  const consolePrefixes = [
    settings.consoleApiScope.slice(0, consoleScopeSlash).toLowerCase(),
    `api://${settings.consoleClientId}`,
    settings.consoleClientId,
  ];
  if (consolePrefixes.includes(prefix)) {
    const exposed = settings.consoleApiScope.slice(consoleScopeSlash + 1);
    if (permission !== exposed && permission !== ".default") {
      throw new EntraError(
        400,
        "invalid_scope",
        70011,
        `The provided value for the input parameter 'scope' is not valid. The application exposes '${exposed}', not '${permission}'.`,
      );
    }
    return { resource: "console", permission };
  }
  if ([settings.graphAudience.toLowerCase(), "https://graph.microsoft.com", GRAPH_APP_ID].includes(prefix)) {
    return { resource: "graph", permission };
  }
  throw new EntraError(
    400,
    "invalid_resource",
    500011,
    `The resource principal named ${scope.slice(0, slash)} was not found in the tenant named ${settings.tenantId}. ` +
      "This can happen if the application has not been installed by the administrator of the tenant.",
  );
}
