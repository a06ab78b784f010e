import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConsoleProcess } from "../console-process";
import { DemoTenantProcess } from "../demo-tenant-process";
import { startTestIdentityProvider, type TestIdentityProvider, type TestUser } from "../identity-provider";

// Entra mode end to end: the test identity provider signs people in, the stand-alone demo tenant
// plays Microsoft Graph and checks Graph tokens as Graph does, and a console (production build)
// runs in Entra mode between them.

export const TENANT_ID = "8c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
export const OTHER_TENANT_ID = "0f1e2d3c-4b5a-4697-8877-665544332211";
export const CONSOLE_CLIENT_ID = "2c3d4e5f-6a7b-4c8d-8e9f-0a1b2c3d4e5f";
const CONSOLE_CLIENT_SECRET = "entra-e2e-console-secret";
export const CONSOLE_API_SCOPE = `api://${CONSOLE_CLIENT_ID}/access_as_user`;

export const OPERATOR: TestUser = {
  oid: "33333333-cccc-4ddd-8eee-000000000001",
  name: "Olivia Operator",
  preferredUsername: "olivia@contoso.test",
  roles: ["Console.Operator"],
};
export const READER: TestUser = {
  oid: "33333333-cccc-4ddd-8eee-000000000002",
  name: "Rita Reader",
  preferredUsername: "rita@contoso.test",
  roles: ["Console.Reader"],
};
export const ADMINISTRATOR: TestUser = {
  oid: "33333333-cccc-4ddd-8eee-000000000004",
  name: "Ada Administrator",
  preferredUsername: "ada@contoso.test",
  roles: ["Console.Administrator"],
};
export const NO_ROLE: TestUser = {
  oid: "33333333-cccc-4ddd-8eee-000000000003",
  name: "Nadia Norole",
  preferredUsername: "nadia@contoso.test",
  roles: [],
};

export interface EntraStack {
  provider: TestIdentityProvider;
  consoleURL: string;
  graphURL: string;
  stop(): Promise<void>;
}

export interface EntraStackOptions {
  /** The delegated Graph permissions consented for the console (the provider's full set by default). */
  delegatedGraphScopes?: string[];
}

/** The test identity provider, with the console's app registration and the four people above. */
export function startEntraProvider(options: EntraStackOptions = {}): Promise<TestIdentityProvider> {
  return startTestIdentityProvider({
    tenantId: TENANT_ID,
    consoleClientId: CONSOLE_CLIENT_ID,
    consoleClientSecret: CONSOLE_CLIENT_SECRET,
    consoleApiScope: CONSOLE_API_SCOPE,
    users: [OPERATOR, READER, ADMINISTRATOR, NO_ROLE],
    ...(options.delegatedGraphScopes ? { delegatedGraphScopes: options.delegatedGraphScopes } : {}),
  });
}

/** A console in Entra mode, signing in with the provider and calling the demo tenant at `graphURL` as Graph. */
export function entraConsoleEnv(provider: TestIdentityProvider, graphURL: string): Record<string, string> {
  return {
    ENTRA_TENANT_ID: TENANT_ID,
    ENTRA_CLIENT_ID: CONSOLE_CLIENT_ID,
    ENTRA_CLIENT_SECRET: CONSOLE_CLIENT_SECRET,
    ENTRA_API_SCOPE: CONSOLE_API_SCOPE,
    ENTRA_AUTHORITY_HOST: provider.origin,
    GRAPH_ENDPOINT: graphURL,
    GRAPH_PERMISSION_MODE: "delegated",
    NODE_EXTRA_CA_CERTS: provider.certificatePath,
  };
}

export async function startEntraStack(options: EntraStackOptions = {}): Promise<EntraStack> {
  const provider = await startEntraProvider(options);
  const dataDir = mkdtempSync(join(tmpdir(), "pod-entra-"));
  const graph = new DemoTenantProcess(["--graph-token-authority", provider.authority], {
    NODE_EXTRA_CA_CERTS: provider.certificatePath,
  });
  let consoleServer: ConsoleProcess | null = null;
  const stop = async () => {
    consoleServer?.kill();
    graph.stop();
    await provider.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await graph.start();
    consoleServer = new ConsoleProcess({ ...entraConsoleEnv(provider, graph.url), DATA_DIR: dataDir });
    await consoleServer.start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { provider, consoleURL: consoleServer.baseURL, graphURL: graph.url, stop };
}
