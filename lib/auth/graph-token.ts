import "server-only";
import { readFile } from "node:fs/promises";
import { X509Certificate } from "node:crypto";
import {
  ConfidentialClientApplication,
  LogLevel,
  type AuthenticationResult,
  type Configuration,
  type INetworkModule,
  type NodeAuthOptions,
} from "@azure/msal-node";
import { ApiError } from "@/lib/api/errors";
import { notAuthenticated } from "./auth-reason";
import type { Caller } from "./caller";
import type { ClientCredential, EntraSettings } from "./entra-settings";
import { graphTokenFailure } from "./graph-token-failure";
import { appPartition, partitionedCachePlugin, userPartition } from "./partitioned-cache-plugin";
import type { TokenCacheStore } from "./token-cache-store";

export type GraphTokenSettings = Pick<
  EntraSettings,
  "tenantId" | "clientId" | "credential" | "authority" | "authorityHost" | "graphScope" | "permissionMode"
>;

export interface GraphTokenSourceOptions {
  settings: GraphTokenSettings;
  store: TokenCacheStore;
  /** MSAL's HTTP client; also reads the authority's OpenID configuration. Platform fetch when absent. */
  networkClient?: INetworkModule;
}

export interface GraphTokenSource {
  /** A Microsoft Graph access token for this caller: on-behalf-of them, or the console's own. */
  tokenFor(caller: Caller): Promise<string>;
}

/**
 * Graph tokens through MSAL. Each request gets a client whose cache holds only its partition (the
 * caller's, or the app's), read from and written back to the shared store; the authority's
 * metadata is read once, so those short-lived clients make no discovery calls.
 */
export function createGraphTokenSource(options: GraphTokenSourceOptions): GraphTokenSource {
  const { settings, store, networkClient } = options;
  let authorityMetadata: Promise<string> | undefined;
  let credential: Promise<Partial<NodeAuthOptions>> | undefined;

  const loadMetadata = () => {
    authorityMetadata ??= readOpenIdConfiguration(settings.authority, networkClient).catch(
      (error: unknown) => {
        authorityMetadata = undefined; // the next request tries again
        throw error;
      },
    );
    return authorityMetadata;
  };

  const clientFor = async (partitionKey: string) => {
    const configuration: Configuration = {
      auth: {
        clientId: settings.clientId,
        authority: settings.authority,
        knownAuthorities: [new URL(settings.authorityHost).host],
        authorityMetadata: await loadMetadata(),
        ...(await (credential ??= credentialOptions(settings.credential))),
      },
      cache: { cachePlugin: partitionedCachePlugin(store, partitionKey) },
      system: {
        ...(networkClient ? { networkClient } : {}),
        loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: logMsal },
      },
    };
    return new ConfidentialClientApplication(configuration);
  };

  return {
    async tokenFor(caller) {
      let result: AuthenticationResult | null;
      try {
        if (settings.permissionMode === "delegated") {
          if (!caller.assertion) {
            throw notAuthenticated(
              "token_missing",
              "Calling Microsoft Graph for you needs your sign-in token.",
            );
          }
          const client = await clientFor(userPartition(caller.id));
          // MSAL's on-behalf-of flow reads its cache without asking the plugin; reading accounts loads the partition.
          await client.getTokenCache().getAllAccounts();
          result = await client.acquireTokenOnBehalfOf({
            oboAssertion: caller.assertion,
            scopes: [settings.graphScope],
          });
        } else {
          const client = await clientFor(appPartition(settings.clientId));
          result = await client.acquireTokenByClientCredential({ scopes: [settings.graphScope] });
        }
      } catch (error) {
        throw graphTokenFailure(error);
      }
      if (!result?.accessToken)
        throw new ApiError("bad_gateway", "Entra ID answered without a Graph access token.");
      return result.accessToken;
    },
  };
}

async function readOpenIdConfiguration(authority: string, networkClient?: INetworkModule): Promise<string> {
  const url = `${authority}/v2.0/.well-known/openid-configuration`;
  let body: unknown;
  try {
    if (networkClient) {
      body = (await networkClient.sendGetRequestAsync<unknown>(url)).body;
    } else {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`it answered ${response.status}`);
      body = await response.json();
    }
  } catch (error) {
    throw new ApiError(
      "bad_gateway",
      `Could not read Entra ID's OpenID configuration at ${url}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const document = body as Record<string, unknown> | null;
  if (!document || typeof document.token_endpoint !== "string" || typeof document.issuer !== "string") {
    throw new ApiError("bad_gateway", `${url} is not an OpenID configuration (no token_endpoint or issuer).`);
  }
  return JSON.stringify(document);
}

/** A client secret as is; a certificate from its PEM file (private key and certificate together). */
async function credentialOptions(credential: ClientCredential): Promise<Partial<NodeAuthOptions>> {
  if (credential.kind === "secret") return { clientSecret: credential.secret };
  const pem = await readFile(credential.path, "utf8").catch((error: unknown) => {
    throw new ApiError(
      "unavailable",
      `The client certificate file ${credential.path} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  const privateKey = /-----BEGIN (?:RSA )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA )?PRIVATE KEY-----/.exec(
    pem,
  )?.[0];
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!privateKey) {
    throw new ApiError(
      "unavailable",
      `${credential.path} holds no unencrypted PEM private key; MSAL needs one.`,
    );
  }
  const given = credential.thumbprint?.replaceAll(":", "");
  if (given?.length === 40) return { clientCertificate: { thumbprint: given, privateKey } };
  const thumbprintSha256 = given ?? (certificate ? sha256Thumbprint(certificate) : undefined);
  if (!thumbprintSha256) {
    throw new ApiError(
      "unavailable",
      `${credential.path} holds no certificate, so its thumbprint is unknown: add the certificate or set ENTRA_CLIENT_CERTIFICATE_THUMBPRINT.`,
    );
  }
  return {
    clientCertificate: {
      thumbprintSha256,
      privateKey,
      ...(certificate ? { x5c: certificate } : {}),
    },
  };
}

function sha256Thumbprint(certificatePem: string): string {
  return new X509Certificate(certificatePem).fingerprint256.replaceAll(":", "");
}

function logMsal(_level: LogLevel, message: string, containsPii: boolean): void {
  if (!containsPii) console.error(`[msal] ${message}`);
}
