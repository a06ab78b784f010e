export interface TestUser {
  oid: string;
  name: string;
  preferredUsername: string;
  /** The console's app roles assigned to this user, e.g. Console.Reader or Console.Operator. */
  roles: string[];
}

export interface TestIdentityProviderOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  tenantId: string;
  /** The console's app registration: SPA, API and confidential client in one. */
  consoleClientId: string;
  consoleClientSecret: string;
  /** When set, the console may also authenticate with a client assertion signed by this certificate's key. */
  consoleClientCertificatePem?: string;
  /** e.g. `api://${consoleClientId}/access_as_user` */
  consoleApiScope: string;
  users: TestUser[];
  graphAudience?: string;
  /** `scp` of on-behalf-of Graph tokens; also the delegated permissions the user has consented to. */
  delegatedGraphScopes?: string[];
  /** `roles` of client-credentials Graph tokens. */
  applicationGraphRoles?: string[];
  tokenLifetimeSeconds?: number;
  /** Origins the token endpoint answers CORS for; any loopback origin when absent. */
  allowedOrigins?: string[];
}

/** Everything the endpoints need to know, with defaults filled in and the origin known. */
export interface ProviderSettings {
  origin: string;
  /** host:port, what MSAL calls the authority's host. */
  host: string;
  tenantId: string;
  issuer: string;
  /** Graph tokens are v1.0 tokens, issued by sts.windows.net. */
  graphIssuer: string;
  consoleClientId: string;
  consoleClientSecret: string;
  consoleClientCertificatePem: string | undefined;
  consoleApiScope: string;
  users: TestUser[];
  graphAudience: string;
  delegatedGraphScopes: string[];
  applicationGraphRoles: string[];
  tokenLifetimeSeconds: number;
  allowedOrigins: string[] | undefined;
  /** The console's service principal in the tenant: the `oid` of its app-only tokens. */
  servicePrincipalId: string;
}

export const DEFAULT_GRAPH_PERMISSIONS = [
  "Synchronization.ReadWrite.All",
  "Application.Read.All",
  "User.Read.All",
  "GroupMember.Read.All",
];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks the options and fills in defaults; throws naming the option that is wrong. */
export function resolveSettings(options: TestIdentityProviderOptions, origin: string): ProviderSettings {
  if (!GUID.test(options.tenantId))
    throw new Error(`tenantId must be a GUID, got ${JSON.stringify(options.tenantId)}`);
  if (!GUID.test(options.consoleClientId)) {
    throw new Error(`consoleClientId must be a GUID, got ${JSON.stringify(options.consoleClientId)}`);
  }
  if (!options.consoleClientSecret) throw new Error("consoleClientSecret must not be empty");
  if (!/\/[^/]+$/.test(options.consoleApiScope)) {
    throw new Error(
      `consoleApiScope must look like api://<client id>/<scope>, got ${options.consoleApiScope}`,
    );
  }
  if (options.users.length === 0) throw new Error("users must name at least one test user");
  for (const user of options.users) {
    if (!GUID.test(user.oid))
      throw new Error(`user ${user.name}: oid must be a GUID, got ${JSON.stringify(user.oid)}`);
  }
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  if (!Number.isInteger(lifetime) || lifetime <= 0) {
    throw new Error(`tokenLifetimeSeconds must be a positive whole number, got ${lifetime}`);
  }
  return {
    origin,
    host: new URL(origin).host,
    tenantId: options.tenantId.toLowerCase(),
    issuer: `${origin}/${options.tenantId.toLowerCase()}/v2.0`,
    graphIssuer: `https://sts.windows.net/${options.tenantId.toLowerCase()}/`,
    consoleClientId: options.consoleClientId.toLowerCase(),
    consoleClientSecret: options.consoleClientSecret,
    consoleClientCertificatePem: options.consoleClientCertificatePem,
    consoleApiScope: options.consoleApiScope,
    users: options.users,
    graphAudience: (options.graphAudience ?? "https://graph.microsoft.com").replace(/\/+$/, ""),
    delegatedGraphScopes: options.delegatedGraphScopes ?? DEFAULT_GRAPH_PERMISSIONS,
    applicationGraphRoles: options.applicationGraphRoles ?? DEFAULT_GRAPH_PERMISSIONS,
    tokenLifetimeSeconds: lifetime,
    allowedOrigins: options.allowedOrigins,
    servicePrincipalId: "5b1f9d4e-7c2a-4e58-9a3b-0d6c8f2e1a47",
  };
}
