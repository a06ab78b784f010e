import { ZodError } from "zod";

// One error shape for every /api answer: { "error": { "code", "message", "requestId"?, ... } }.

const statusByCode = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  misdirected_request: 421,
  rate_limited: 429,
  headers_too_large: 431,
  internal_error: 500,
  bad_gateway: 502,
  unavailable: 503,
  gateway_timeout: 504,
} as const;

export type ApiErrorCode = keyof typeof statusByCode;

// A brand in the global symbol registry, not `instanceof`: Next.js may bundle this class into
// several chunks, and an error thrown by the services (built in one) reaches routes in others.
const API_ERROR = Symbol.for("provision-on-demand-console.ApiError");

export class ApiError extends Error {
  override name = "ApiError";
  readonly [API_ERROR] = true;
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
    this.status = statusByCode[code];
  }
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" && value !== null && (value as { [API_ERROR]?: unknown })[API_ERROR] === true
  );
}

/** A zod validation failure, from whichever copy of zod made it. */
export function isZodError(value: unknown): value is ZodError {
  return (
    value instanceof ZodError ||
    (value instanceof Error && value.name === "ZodError" && Array.isArray((value as ZodError).issues))
  );
}

export interface ApiErrorBody {
  error: { code: string; message: string; requestId?: string; [key: string]: string | undefined };
}

export function errorResponse(
  status: number,
  error: ApiErrorBody["error"],
  headers: HeadersInit = {},
): Response {
  return Response.json({ error } satisfies ApiErrorBody, { status, headers });
}

/**
 * "subject.memberIds: Too big: expected array to have <=5 items" — names the field first; an issue
 * with the whole value names `whole` (the body, or a header).
 */
export function describeZodError(error: ZodError, whole = "body"): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${fieldPath(issue.path) || whole}: ${issue.message}`)
    .join("; ");
}

/** "subjects[3].objectId": names with dots, list positions in brackets. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    "",
  );
}

/** The realm a 401's challenge names: bearer tokens for this console's API (RFC 6750). */
const REALM = "provision-on-demand-console";

/**
 * `WWW-Authenticate` of a 401 (RFC 6750 §3): a bearer token is wanted, and, when one was sent,
 * why it was refused — so a client knows to get a fresh token and try again.
 */
export function bearerChallenge(authReason: string | undefined, message: string): string {
  if (!authReason || authReason === "token_missing") return `Bearer realm="${REALM}"`;
  const description = message.replace(/[^\x20-\x7e]|["\\]/g, "'").slice(0, 300);
  const error = authReason === "token_scope_missing" ? "insufficient_scope" : "invalid_token";
  return `Bearer realm="${REALM}", error="${error}", error_description="${description}"`;
}

/** Turns anything thrown by a handler into the one error shape; nothing internal leaks. */
export function toErrorResponse(thrown: unknown, requestId: string): Response {
  const headers: Record<string, string> = { "x-request-id": requestId, "Cache-Control": "no-store" };
  if (isApiError(thrown)) {
    if (thrown.status === 401)
      headers["WWW-Authenticate"] = bearerChallenge(thrown.extra.authReason, thrown.message);
    if (thrown.code === "method_not_allowed" && thrown.extra.allow) headers.Allow = thrown.extra.allow;
    return errorResponse(
      thrown.status,
      { code: thrown.code, message: thrown.message, requestId, ...thrown.extra },
      headers,
    );
  }
  if (isZodError(thrown)) {
    return errorResponse(400, { code: "bad_request", message: describeZodError(thrown), requestId }, headers);
  }
  console.error(`[api] request ${requestId} failed:`, thrown);
  return errorResponse(
    500,
    {
      code: "internal_error",
      message: `Something went wrong on the server. Quote request id ${requestId} when reporting it.`,
      requestId,
    },
    headers,
  );
}
