import { connect } from "node:net";

// HTTP/1.1 written by hand on a socket, for requests no well-behaved client sends: unknown methods,
// broken percent-encoding, control characters, lying or huge bodies, oversize headers.

export interface RawRequest {
  method: string;
  /** The request target exactly as written on the request line. */
  target: string;
  /** Sent as given, in order; Host is added unless given. Connection: close is always added. */
  headers?: [string, string][];
  /** A body sent with Content-Length. */
  body?: Buffer | string;
  /**
   * A body of this many bytes written in pieces and stopped once an answer arrives: chunked, or
   * with its Content-Length declared up front (`declared`).
   */
  streamed?: { bytes: number; declared: boolean };
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends one request and reads the answer; rejects when the server answers nothing at all. */
export function rawRequest(port: number, request: RawRequest, timeoutMs = 15_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const received: Buffer[] = [];
    let answered = false;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(received);
      const parsed = text.length > 0 ? parseAnswer(text) : null;
      if (parsed) resolve(parsed);
      else reject(error ?? new Error(`no answer to ${request.method} ${request.target.slice(0, 200)}`));
    };
    const timer = setTimeout(
      () =>
        settle(
          new Error(`no answer within ${timeoutMs} ms to ${request.method} ${request.target.slice(0, 200)}`),
        ),
      timeoutMs,
    );
    socket.on("data", (chunk: Buffer) => {
      answered = true;
      received.push(chunk);
    });
    let failed: Error | undefined;
    socket.on("end", () => settle());
    socket.on("close", () => settle(failed));
    // A server that answers before reading a whole body may reset the connection (EPIPE, ECONNRESET)
    // after answering: what it sent is still read, on close.
    socket.on("error", (error) => (failed = error));
    socket.once("connect", () => {
      const headers = [...(request.headers ?? [])];
      if (!headers.some(([name]) => name.toLowerCase() === "host"))
        headers.unshift(["Host", `127.0.0.1:${port}`]);
      headers.push(["Connection", "close"]);
      const body = typeof request.body === "string" ? Buffer.from(request.body, "utf8") : request.body;
      if (body) headers.push(["Content-Length", String(body.length)]);
      const streamed = request.streamed;
      if (streamed)
        headers.push(
          streamed.declared ? ["Content-Length", String(streamed.bytes)] : ["Transfer-Encoding", "chunked"],
        );
      const head = `${request.method} ${request.target} HTTP/1.1\r\n${headers.map(([n, v]) => `${n}: ${v}`).join("\r\n")}\r\n\r\n`;
      socket.write(head, "latin1");
      if (body) socket.write(body);
      if (streamed) void writeStreamed(socket, streamed, () => answered);
    });
  });
}

/** Writes filler (spaces: whitespace JSON) 64 KiB at a time, waiting for the socket to drain; stops once answered. */
async function writeStreamed(
  socket: ReturnType<typeof connect>,
  { bytes, declared }: { bytes: number; declared: boolean },
  answered: () => boolean,
) {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  try {
    while (sent < bytes && !answered() && !socket.destroyed) {
      const size = Math.min(chunk.length, bytes - sent);
      const piece = chunk.subarray(0, size);
      let ok = true;
      if (declared) ok = socket.write(piece);
      else for (const part of [`${size.toString(16)}\r\n`, piece, "\r\n"]) ok = socket.write(part) && ok;
      sent += size;
      if (!ok) await new Promise((resolve) => socket.once("drain", resolve));
    }
    if (!declared && !answered() && !socket.destroyed) socket.write("0\r\n\r\n");
  } catch {
    // the server closed the connection: its answer, if any, is being read
  }
}

function parseAnswer(text: Buffer): RawAnswer | null {
  const split = text.indexOf("\r\n\r\n");
  if (split < 0) return null;
  const [statusLine = "", ...lines] = text.subarray(0, split).toString("latin1").split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  if (!status) return null;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(":");
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  let body = text.subarray(split + 4);
  if (headers["transfer-encoding"]?.toLowerCase() === "chunked") body = dechunk(body);
  return { status, headers, body: body.toString("utf8") };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const end = data.indexOf("\r\n", at);
    if (end < 0) break;
    const size = parseInt(data.subarray(at, end).toString("latin1"), 16);
    if (!size) break;
    parts.push(data.subarray(end + 2, end + 2 + size));
    at = end + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
