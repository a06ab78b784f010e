import type { NextRequest } from "next/server";
import type { z } from "zod";
import { ApiError, describeZodError, isZodError } from "./errors";

// Reading a request's input against its contract: a mistake is the caller's (400, 413 or 415),
// naming the field or header at fault. Every body is read here, never whole before its size is known.

/** The largest JSON body a route takes unless it says otherwise. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export interface BodyOptions {
  /** The largest body accepted, in bytes (UTF-8 as sent). */
  maxBytes?: number;
}

/** "1 MiB", "64 KiB", "700 bytes": a limit as a person reads it. */
export function byteSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * The media type of a Content-Type value, parsed (RFC 9110 §8.3.1): `type/subtype` in lower case
 * and its parameters; null when the value is not one media type.
 */
export function parseMediaType(
  value: string | null,
): { type: string; parameters: Map<string, string> } | null {
  if (value === null) return null;
  const [essence = "", ...rest] = value.split(";");
  const type = essence.trim().toLowerCase();
  if (!/^[!#$%&'*+.^_`|~\w-]+\/[!#$%&'*+.^_`|~\w-]+$/.test(type)) return null;
  const parameters = new Map<string, string>();
  for (const part of rest) {
    const at = part.indexOf("=");
    if (at < 0) {
      if (part.trim() === "") continue;
      return null;
    }
    const name = part.slice(0, at).trim().toLowerCase();
    let parameter = part.slice(at + 1).trim();
    if (parameter.startsWith('"') && parameter.endsWith('"') && parameter.length >= 2)
      parameter = parameter.slice(1, -1).replace(/\\(.)/g, "$1");
    if (!name) return null;
    parameters.set(name, parameter);
  }
  return { type, parameters };
}

/** Throws 415 unless the Content-Type is `application/json` (charset, if given, UTF-8). */
export function requireJsonContentType(request: Request): void {
  const given = request.headers.get("content-type");
  const media = parseMediaType(given);
  const charset = media?.parameters.get("charset")?.toLowerCase();
  if (media?.type === "application/json" && (charset === undefined || charset === "utf-8")) return;
  throw new ApiError(
    "unsupported_media_type",
    given === null
      ? "Content-Type header: missing; send the body as JSON with Content-Type: application/json."
      : `Content-Type header: "${printable(given)}" is not application/json (UTF-8); send the body as JSON with Content-Type: application/json.`,
  );
}

/**
 * The body as text, read no further than `maxBytes`: a declared Content-Length over the limit is
 * refused before a byte is read, and a body that grows past it is cut off (413 either way).
 */
export async function readBodyText(request: Request, options: BodyOptions = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const tooLarge = () =>
    new ApiError(
      "payload_too_large",
      `body: the request body is over ${byteSize(maxBytes)}, the most this route takes.`,
    );
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError("bad_request", "body: the request body could not be read to its end.");
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError("bad_request", "body: the request body is not valid UTF-8 text.");
  }
}

/**
 * Reads and validates a JSON body: Content-Type must be application/json (415), the body at most
 * `maxBytes` (413, default 1 MiB), valid JSON (400), and match the schema (400 naming the field).
 */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
  options: BodyOptions = {},
): Promise<z.infer<T>> {
  requireJsonContentType(request);
  const text = await readBodyText(request, options);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "body: the request body is not valid JSON.");
  }
  return schema.parse(body);
}

/** Validates the query string against a schema (unknown parameters are ignored). */
export function readQuery<T extends z.ZodType>(request: NextRequest, schema: T): z.infer<T> {
  return schema.parse(Object.fromEntries(request.nextUrl.searchParams));
}

/** Validates one header (null when absent); a mistake is a 400 naming the header, not the body. */
export function readHeader<T extends z.ZodType>(request: Request, name: string, schema: T): z.infer<T> {
  try {
    return schema.parse(request.headers.get(name));
  } catch (error) {
    if (!isZodError(error)) throw error;
    throw new ApiError("bad_request", describeZodError(error, `${name} header`));
  }
}

/** The first control character (C0, DEL or C1) in the text, as its code; null when there is none. */
export function controlCharacterIn(text: string): number | null {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return code;
  }
  return null;
}

/** A header value as it can be quoted in a message: control characters, quotes and backslashes as \xNN, at most 100 characters. */
function printable(value: string): string {
  let shown = "";
  for (const c of value.slice(0, 100)) {
    const code = c.charCodeAt(0);
    shown +=
      controlCharacterIn(c) !== null || c === '"' || c === "\\"
        ? `\\x${code.toString(16).padStart(2, "0")}`
        : c;
  }
  return value.length > 100 ? `${shown}…` : shown;
}
