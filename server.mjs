// The console's HTTP server: Next.js's request handler behind node:http, so that what Next.js never
// sees is still answered in the API's one error shape with its security headers — a request
// Node's parser refuses (an unknown method, headers or URL over 16 KiB), a method no route may
// export, a URL over 8 KiB, a path whose percent-encoding is broken.
//   node server.mjs [--port 3000] [--hostname 127.0.0.1]   (or PORT, HOSTNAME; default: port 3000, every interface)
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { securityHeaders } from "./next.config.mjs";

/** Request line and headers together; Node answers past it with a clientError. */
export const MAX_HEADER_BYTES = 16 * 1024;
/** The longest URL (path and query) served. */
export const MAX_URL_BYTES = 8 * 1024;
/** The methods a route file may export; Next.js answers any other with an empty 400. */
export const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The headers every /api answer carries, set on whatever answers (a route, or Next.js's own redirect) when it did not. */
const API_HEADERS = {
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
};

const STATUS_TEXT = {
  400: "Bad Request",
  405: "Method Not Allowed",
  408: "Request Timeout",
  414: "URI Too Long",
  431: "Request Header Fields Too Large",
};

/** The headers and JSON body of an answer in the one error shape. */
export function errorAnswer(status, code, message, extraHeaders = {}) {
  const requestId = randomUUID();
  const body = JSON.stringify({ error: { code, message, requestId } });
  const headers = {
    ...Object.fromEntries(securityHeaders.map(({ key, value }) => [key, value])),
    ...API_HEADERS,
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(body)),
    "x-request-id": requestId,
    ...extraHeaders,
  };
  return { status, headers, body };
}

/** What is wrong with a request before Next.js sees it, as an answer; null when nothing is. */
export function refusalOf(method, url) {
  if (!ROUTE_METHODS.includes(method))
    return errorAnswer(
      405,
      "method_not_allowed",
      `${method.slice(0, 20)} is not a method the console answers; it answers ${ROUTE_METHODS.join(", ")}.`,
      {
        Allow: ROUTE_METHODS.join(", "),
      },
    );
  if (Buffer.byteLength(url) > MAX_URL_BYTES)
    return errorAnswer(
      414,
      "uri_too_long",
      `URL: longer than ${MAX_URL_BYTES / 1024} KiB; send long input in a request body.`,
    );
  const path = url.split("?")[0];
  let segments;
  try {
    segments = path.split("/").map(decodeURIComponent);
  } catch {
    return errorAnswer(
      400,
      "bad_request",
      "path: its percent-encoding is not valid UTF-8 (a % not followed by two hex digits, or a broken sequence).",
    );
  }
  // Next.js would redirect them (308) outside the API's answers; no API path holds one.
  if (isApiPath(url) && segments.some((segment) => segment === "." || segment === ".."))
    return errorAnswer(400, "bad_request", 'path: "." and ".." are not segments of an API path.');
  return null;
}

const isApiPath = (url) => url === "/api" || url.startsWith("/api/") || url.startsWith("/api?");

function withApiHeaders(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    for (const [name, value] of Object.entries(API_HEADERS))
      if (!res.hasHeader(name)) res.setHeader(name, value);
    return writeHead.apply(this, args);
  };
}

/** The answer to a request Node's HTTP parser refused, by the parser's error code. */
export function clientErrorAnswer(error) {
  switch (error.code) {
    case "HPE_HEADER_OVERFLOW":
      return errorAnswer(
        431,
        "headers_too_large",
        `headers: the request line and headers are over ${MAX_HEADER_BYTES / 1024} KiB together.`,
      );
    case "HPE_INVALID_METHOD":
      return errorAnswer(
        405,
        "method_not_allowed",
        `method: not one HTTP knows; the console answers ${ROUTE_METHODS.join(", ")}.`,
        {
          Allow: ROUTE_METHODS.join(", "),
        },
      );
    case "ERR_HTTP_REQUEST_TIMEOUT":
    case "ERR_HTTP_HEADERS_TIMEOUT":
      return errorAnswer(408, "request_timeout", "The request did not arrive in time.");
    default:
      return errorAnswer(
        400,
        "bad_request",
        `The request is not valid HTTP/1.1 (${String(error.code ?? "unreadable").slice(0, 40)}).`,
      );
  }
}

function writeRaw(socket, { status, headers, body }) {
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Error"}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    "Connection: close",
  ];
  socket.write(`${lines.join("\r\n")}\r\n\r\n${body}`);
  // What the client still sends (the rest of its headers, a body) is read and dropped, so that
  // closing does not reset the connection before the answer is read.
  lingerOnClose(socket);
  socket.destroySoon();
}

/** How long a closed connection keeps reading what the client still sends. */
const LINGER_MS = 2_000;

/**
 * A lingering close (RFC 9112 §9.6, as nginx does): a body refused before it was read (413) is
 * still on its way when the answer is sent. Closing at once would reset the connection and the
 * client could lose the answer; instead the console stops writing, reads and drops what still
 * arrives, and closes once the client has stopped or after two seconds.
 */
function lingerOnClose(socket) {
  if (socket.lingers) return;
  socket.lingers = true;
  socket.destroySoon = function () {
    if (this.destroyed) return;
    this.end();
    this.on("data", () => undefined);
    this.resume();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once("end", () => {
      clearTimeout(timer);
      this.destroy();
    });
  };
}

export async function startConsoleServer({ port, hostname, dir = import.meta.dirname }) {
  const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    // Before any answer: a refused request's body may still be on its way.
    if (req.headers["content-length"] || req.headers["transfer-encoding"]) lingerOnClose(req.socket);
    const refusal = refusalOf(req.method ?? "", req.url ?? "/");
    if (refusal) {
      res.writeHead(refusal.status, { ...refusal.headers, Connection: "close" });
      res.end(refusal.body);
      return;
    }
    if (isApiPath(req.url ?? "/")) withApiHeaders(res);
    handle(req, res).catch((error) => {
      console.error("[console] a request failed outside the API", error);
      if (res.headersSent) return res.destroy();
      const answer = errorAnswer(500, "internal_error", "Something went wrong on the server.");
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  });
  server.on("clientError", (error, socket) => {
    // Answered already: the parser refuses each later piece of the same request, which is dropped.
    if (socket.lingers) return;
    if (error.code === "ECONNRESET" || !socket.writable) return socket.destroy();
    writeRaw(socket, clientErrorAnswer(error));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = values.hostname || process.env.HOSTNAME || undefined;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(
      `[console] --port (or PORT) must be a port number; got "${values.port ?? process.env.PORT}".`,
    );
    process.exit(1);
  }
  process.env.NODE_ENV ??= "production";
  startConsoleServer({ port, hostname }).then(
    (server) => {
      const address = server.address();
      console.log(`[console] listening on http://${hostname ?? "localhost"}:${address.port}`);
    },
    (error) => {
      console.error("[console] the server did not start:", error);
      process.exit(1);
    },
  );
}
