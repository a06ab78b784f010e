import { ZodError } from "zod";

// One error shape for every /api answer: { "error": { "code", "message", "requestId"?, ... } }.

const statusByCode = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
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
function isZodError(value: unknown): value is ZodError {
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

/** "subject.memberIds: Too big: expected array to have <=5 items" — names the field first. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${fieldPath(issue.path) || "body"}: ${issue.message}`)
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

/** Turns anything thrown by a handler into the one error shape; nothing internal leaks. */
export function toErrorResponse(thrown: unknown, requestId: string): Response {
  const headers = { "x-request-id": requestId };
  if (isApiError(thrown)) {
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
