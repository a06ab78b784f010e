import { publicJwk, type SigningKey } from "./jwt";
import type { ProviderSettings } from "./settings";

/** The OpenID configuration Entra publishes at `/{tenant}/v2.0/.well-known/openid-configuration`. */
export function openIdConfiguration(
  settings: ProviderSettings,
  tenantSegment: string,
): Record<string, unknown> {
  const base = `${settings.origin}/${tenantSegment}`;
  const multiTenant = tenantSegment === "common" || tenantSegment === "organizations";
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    // the multi-tenant documents carry a placeholder, as Entra's do
    issuer: multiTenant ? `${settings.origin}/{tenantid}/v2.0` : settings.issuer,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${settings.graphAudience}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      "sub",
      "iss",
      "cloud_instance_name",
      "cloud_instance_host_name",
      "cloud_graph_host_name",
      "msgraph_host",
      "aud",
      "exp",
      "iat",
      "auth_time",
      "acr",
      "nonce",
      "preferred_username",
      "name",
      "tid",
      "ver",
      "at_hash",
      "c_hash",
      "email",
    ],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: "EU",
    cloud_instance_name: "microsoftonline.com",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: new URL(settings.graphAudience).host,
    rbac_url: "https://pas.windows.net",
  };
}

/**
 * The answer of `/common/discovery/instance`: this host is its own cloud, preferred for the
 * network and the cache. MSAL itself always asks login.microsoftonline.com for this, so it only
 * comes here when given `cloudDiscoveryMetadata` fetched from this endpoint.
 */
export function instanceDiscovery(
  settings: ProviderSettings,
  tenantSegment: string,
): Record<string, unknown> {
  return {
    tenant_discovery_endpoint: `${settings.origin}/${tenantSegment}/v2.0/.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [
      {
        preferred_network: settings.host,
        preferred_cache: settings.host,
        aliases: [settings.host],
      },
    ],
  };
}

export function keySet(keys: SigningKey[]): { keys: Record<string, string>[] } {
  return { keys: keys.map(publicJwk) };
}
