import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConsoleProcess } from "../console-process";
import { startTestIdentityProvider, type TestIdentityProvider, type TestUser } from "../identity-provider";

// Entra mode end to end: the test identity provider signs people in, the stand-alone demo tenant
// plays Microsoft Graph and checks Graph tokens as Graph does, and a console (production build)
// runs in Entra mode between them.

export const ENTRA_CONSOLE_PORT = 3200;
const GRAPH_PORT = 4011;

export const TENANT_ID = "8c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
export const OTHER_TENANT_ID = "0f1e2d3c-4b5a-4697-8877-665544332211";
export const CONSOLE_CLIENT_ID = "2c3d4e5f-6a7b-4c8d-8e9f-0a1b2c3d4e5f";
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

export async function startEntraStack(): Promise<EntraStack> {
  const provider = await startTestIdentityProvider({
    tenantId: TENANT_ID,
    consoleClientId: CONSOLE_CLIENT_ID,
    consoleClientSecret: "entra-e2e-console-secret",
    consoleApiScope: CONSOLE_API_SCOPE,
    users: [OPERATOR, READER, NO_ROLE],
  });
  const dataDir = mkdtempSync(join(tmpdir(), "pod-entra-"));
  let graph: ChildProcess | null = null;
  const consoleServer = new ConsoleProcess(ENTRA_CONSOLE_PORT, {
    ENTRA_TENANT_ID: TENANT_ID,
    ENTRA_CLIENT_ID: CONSOLE_CLIENT_ID,
    ENTRA_CLIENT_SECRET: "entra-e2e-console-secret",
    ENTRA_API_SCOPE: CONSOLE_API_SCOPE,
    ENTRA_AUTHORITY_HOST: provider.origin,
    GRAPH_ENDPOINT: `http://127.0.0.1:${GRAPH_PORT}`,
    GRAPH_PERMISSION_MODE: "delegated",
    DATA_DIR: dataDir,
    NODE_EXTRA_CA_CERTS: provider.certificatePath,
  });
  const stop = async () => {
    consoleServer.kill();
    if (graph?.pid) process.kill(-graph.pid, "SIGKILL");
    await provider.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    graph = spawn(
      process.execPath,
      [
        "node_modules/tsx/dist/cli.mjs",
        "--conditions=react-server",
        "scripts/demo-tenant.ts",
        "--port",
        String(GRAPH_PORT),
        "--graph-token-authority",
        provider.authority,
      ],
      {
        detached: true,
        stdio: "ignore",
        env: { ...process.env, NODE_EXTRA_CA_CERTS: provider.certificatePath },
      },
    );
    await answering(`http://127.0.0.1:${GRAPH_PORT}/v1.0/servicePrincipals`, "the demo tenant");
    await consoleServer.start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { provider, consoleURL: consoleServer.baseURL, graphURL: `http://127.0.0.1:${GRAPH_PORT}`, stop };
}

/** Waits until the URL answers at all (the demo tenant answers 401 without a Graph token). */
async function answering(url: string, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${what} did not start at ${url}`);
}
