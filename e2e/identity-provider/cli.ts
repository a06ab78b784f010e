import { parseArgs } from "node:util";
import { startTestIdentityProvider } from "./test-identity-provider";
import type { TestUser } from "./settings";

// For manual runs: npx tsx e2e/identity-provider/cli.ts --port 4443 --tenant <guid> --client <guid> --secret <secret>

const usage =
  "usage: tsx e2e/identity-provider/cli.ts --tenant <guid> --client <guid> --secret <secret> [--port 4443] [--scope api://<client>/access_as_user]";

const DEFAULT_USERS: TestUser[] = [
  {
    oid: "3f6c2a1e-8d4b-4c7a-9e21-5b0d7f4a6c11",
    name: "Olivia Operator",
    preferredUsername: "olivia@contoso.test",
    roles: ["Console.Operator"],
  },
  {
    oid: "9a2e4b7c-1f3d-4e68-b5a0-c7d9e1f20b22",
    name: "Reed Reader",
    preferredUsername: "reed@contoso.test",
    roles: ["Console.Reader"],
  },
  {
    oid: "5b8d2f4a-7c1e-4a3b-8d6f-0e9c2b4a7d44",
    name: "Ada Administrator",
    preferredUsername: "ada@contoso.test",
    roles: ["Console.Administrator"],
  },
  {
    oid: "c1d7e3f5-6a8b-4c2d-9e0f-1a2b3c4d5e33",
    name: "Nora Norole",
    preferredUsername: "nora@contoso.test",
    roles: [],
  },
];

let values: ReturnType<typeof parseArgs>["values"];
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string", default: "4443" },
      tenant: { type: "string" },
      client: { type: "string" },
      secret: { type: "string" },
      scope: { type: "string" },
    },
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
const { port, tenant, client, secret, scope } = values as Record<string, string | undefined>;
if (!tenant || !client || !secret) {
  console.error(`--tenant, --client and --secret are required\n${usage}`);
  process.exit(2);
}
if (!/^\d+$/.test(port ?? "")) {
  console.error(`--port must be a number, got ${port}\n${usage}`);
  process.exit(2);
}

try {
  const provider = await startTestIdentityProvider({
    port: Number(port),
    tenantId: tenant,
    consoleClientId: client,
    consoleClientSecret: secret,
    consoleApiScope: scope ?? `api://${client}/access_as_user`,
    users: DEFAULT_USERS,
  });
  console.log(provider.origin);
  console.log(`authority         ${provider.authority}`);
  console.log(`issuer            ${provider.issuer}`);
  console.log(`jwks              ${provider.jwksUri}`);
  console.log(`certificate       ${provider.certificatePath}  (NODE_EXTRA_CA_CERTS)`);
  console.log(
    `users             ${DEFAULT_USERS.map((user) => `${user.name} [${user.roles.join(", ") || "no role"}]`).join("; ")}`,
  );
  const stop = () => void provider.stop().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
