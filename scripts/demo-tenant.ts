// Serves the demo tenant (Graph, SCIM targets, demo controls) over HTTP:
//   tsx --conditions=react-server scripts/demo-tenant.ts --port 4010 [--host 127.0.0.1]
//   [--throttle-limit 5] [--throttle-window-ms 10000] [--no-throttle] [--seed N]
// Graph tokens are checked as Graph checks them. By default they come from the tenant's own token
// endpoint (client credentials, POST /{tenantId}/oauth2/v2.0/token, apps in DEVELOPER_CLIENTS);
//   [--graph-token-authority https://idp/{tenantId}]  accept tokens of that authority instead
//   [--allow-anonymous]                               check no token at all
//   [--tls-cert cert.pem --tls-key key.pem]           serve HTTPS, as Graph does (Graph clients send tokens only over https)
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  createDemoTenant,
  DEMO_FIXTURES,
  type DemoTenantOptions,
  type GraphHandler,
} from "../lib/demo-tenant";

export interface TlsFiles {
  cert: string;
  key: string;
}

export interface DemoTenantServerOptions {
  port: number;
  host: string;
  tenant: DemoTenantOptions;
  /** PEM certificate and key: serve HTTPS instead of HTTP. */
  tls?: TlsFiles;
}

function integerOption(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name} must be a whole number from ${min} to ${max}; got "${value}".`);
  return n;
}

/** Reads the command line; throws with a message naming the bad option. */
export function parseServerArgs(argv: string[]): DemoTenantServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      "throttle-limit": { type: "string" },
      "throttle-window-ms": { type: "string" },
      "no-throttle": { type: "boolean" },
      "graph-token-authority": { type: "string" },
      "allow-anonymous": { type: "boolean" },
      "tls-cert": { type: "string" },
      "tls-key": { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  const throttle = values["no-throttle"]
    ? false
    : {
        limit: integerOption("throttle-limit", values["throttle-limit"], 5, 1, 10_000),
        windowMs: integerOption("throttle-window-ms", values["throttle-window-ms"], 10_000, 1, 3_600_000),
      };
  const seed = values.seed === undefined ? undefined : integerOption("seed", values.seed, 0, 0, 2 ** 32 - 1);
  const authority = values["graph-token-authority"];
  if (authority !== undefined && values["allow-anonymous"])
    throw new Error("--graph-token-authority and --allow-anonymous contradict each other; give one.");
  const graphTokens = values["allow-anonymous"]
    ? {}
    : { graphTokens: authority === undefined ? ("self" as const) : graphTokensOf(authority) };
  if ((values["tls-cert"] === undefined) !== (values["tls-key"] === undefined))
    throw new Error("--tls-cert and --tls-key go together: give both files, or neither for plain HTTP.");
  const tls =
    values["tls-cert"] && values["tls-key"] ? { tls: tlsFiles(values["tls-cert"], values["tls-key"]) } : {};
  return {
    ...tls,
    port: integerOption("port", values.port, 4010, 0, 65_535),
    host: values.host ?? "127.0.0.1",
    tenant: {
      throttle,
      ...(seed === undefined ? {} : { seed }),
      ...graphTokens,
    },
  };
}

/** Graph tokens as Entra issues them for Graph: v1 issuer of the tenant, keys at the authority. */
function graphTokensOf(authority: string): Exclude<DemoTenantOptions["graphTokens"], "self" | undefined> {
  let url: URL;
  try {
    url = new URL(authority);
  } catch {
    throw new Error(
      `--graph-token-authority must be a URL like https://login.example/{tenantId}; got "${authority}".`,
    );
  }
  const tenantId = url.pathname.split("/").filter(Boolean)[0];
  if (!tenantId) throw new Error(`--graph-token-authority must end with the tenant id; got "${authority}".`);
  return {
    issuer: `https://sts.windows.net/${tenantId}/`,
    jwksUri: `${url.origin}/${tenantId}/discovery/v2.0/keys`,
    audience: "https://graph.microsoft.com",
    tenantId,
  };
}

function tlsFiles(certPath: string, keyPath: string): TlsFiles {
  const read = (option: string, path: string) => {
    try {
      return readFileSync(path, "utf8");
    } catch (error) {
      throw new Error(`--${option} ${path} cannot be read: ${(error as Error).message}`, { cause: error });
    }
  };
  return { cert: read("tls-cert", certPath), key: read("tls-key", keyPath) };
}

/** The largest request body the server reads; Graph's own $batch bodies stay far below it. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

class BodyTooLarge extends Error {}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = req.method ?? "GET";
  let body: Uint8Array | undefined;
  if (method !== "GET" && method !== "HEAD") {
    if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) throw new BodyTooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
      chunks.push(chunk as Buffer);
    }
    body = new Uint8Array(Buffer.concat(chunks));
  }
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    ...(body && body.length > 0 ? { body: body as BodyInit } : {}),
  });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Listens with node:http and adapts each request to the Web-standard handler. */
export function startDemoTenantServer(
  handler: GraphHandler,
  options: { port: number; host: string; tls?: TlsFiles },
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const scheme = options.tls ? "https" : "http";
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const origin = `${scheme}://${req.headers.host ?? `${options.host}:${options.port}`}`;
    toRequest(req, origin)
      .then(handler)
      .then((response) => writeResponse(res, response))
      .catch((error: unknown) => {
        if (error instanceof BodyTooLarge) {
          res.writeHead(413, { "Content-Type": "application/json", Connection: "close" });
          res.end(
            JSON.stringify({
              error: {
                code: "RequestEntityTooLarge",
                message: `The request body is over ${MAX_BODY_BYTES / 1024 / 1024} MiB.`,
              },
            }),
          );
          return;
        }
        console.error("demo tenant: request failed", error);
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
        res.end(
          JSON.stringify({
            error: { code: "InternalServerError", message: "The demo tenant failed to answer this request." },
          }),
        );
      });
  };
  const server: Server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(":") ? `[${options.host}]` : options.host;
      resolve({
        server,
        url: `${scheme}://${host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function main() {
  let options: DemoTenantServerOptions;
  try {
    options = parseServerArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`demo-tenant: ${(error as Error).message}`);
    process.exit(2);
  }
  const tenant = createDemoTenant(options.tenant);
  const { url, close } = await startDemoTenantServer(tenant.handle, options);
  const throttle = options.tenant.throttle
    ? `${options.tenant.throttle.limit} provisionOnDemand calls per ${options.tenant.throttle.windowMs} ms per job`
    : "off";
  const tokens =
    options.tenant.graphTokens === "self"
      ? `tokens from ${url}/${DEMO_FIXTURES.tenantId}/oauth2/v2.0/token (client credentials)`
      : options.tenant.graphTokens
        ? `tokens of ${options.tenant.graphTokens.issuer}`
        : "no token checks (--allow-anonymous)";
  console.log(
    `Demo tenant "Contoso" at ${url} — Graph /v1.0 and /beta, SCIM /scim/{targetId}, controls /demo; ${tokens}; throttling ${throttle}`,
  );
  const stop = () => void close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error("demo-tenant:", error);
    process.exit(1);
  });
}
