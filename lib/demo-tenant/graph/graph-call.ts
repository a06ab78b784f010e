import "server-only";
import { badRequest, graphErrorBody, malformedJson, type ErrorIds, type GraphError } from "./graph-error";

export type GraphVersion = "v1.0" | "beta";

/** One Graph request, from HTTP or from inside a $batch, with its path segments URL-decoded once. */
export interface GraphCall {
  method: string;
  version: GraphVersion;
  /** Where the request was sent (the stand-alone server's address, or graph.microsoft.com), for @odata.nextLink. */
  origin: string;
  segments: string[];
  query: URLSearchParams;
  headers: Headers;
  ids: ErrorIds;
  /** The parsed JSON body; throws Graph's 400 when it is missing or malformed. */
  readJson(): Promise<unknown>;
  /** With token checks on: whether the caller's token allows this method and path. */
  allows?(method: string, path: string): boolean;
}

export interface GraphResult {
  status: number;
  headers: Record<string, string>;
  /** A JSON value, or a string for text/plain answers ($count), or undefined for no content. */
  body: unknown;
}

export const JSON_CONTENT_TYPE =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

export function jsonResult(body: unknown, status = 200, headers: Record<string, string> = {}): GraphResult {
  return { status, headers: { "Content-Type": JSON_CONTENT_TYPE, ...headers }, body };
}

export function errorResult(error: GraphError, ids: ErrorIds): GraphResult {
  return jsonResult(graphErrorBody(error, ids), error.status, error.headers);
}

export function decodeSegments(pathname: string): string[] {
  return pathname
    .split("/")
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        throw badRequest(`The path segment '${s}' is not correctly URL-encoded.`);
      }
    });
}

export function parseJsonText(text: string): unknown {
  if (text.trim() === "") throw malformedJson();
  try {
    return JSON.parse(text);
  } catch {
    throw malformedJson();
  }
}

export function newErrorIds(headers: Headers, now: Date): ErrorIds {
  const requestId = crypto.randomUUID();
  return { requestId, clientRequestId: headers.get("client-request-id") ?? requestId, date: now };
}

/** Turns a result into an HTTP response carrying Graph's request-id headers. */
export function toResponse(result: GraphResult, ids: ErrorIds): Response {
  const headers = new Headers(result.headers);
  headers.set("request-id", ids.requestId);
  headers.set("client-request-id", ids.clientRequestId);
  headers.set("OData-Version", "4.0");
  if (result.body === undefined) return new Response(null, { status: result.status, headers });
  if (typeof result.body === "string") return new Response(result.body, { status: result.status, headers });
  return new Response(JSON.stringify(result.body), { status: result.status, headers });
}
