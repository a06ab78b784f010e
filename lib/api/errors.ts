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

export class ApiError extends Error {
  override name = "ApiError";
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
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
}

/** Turns anything thrown by a handler into the one error shape; nothing internal leaks. */
export function toErrorResponse(thrown: unknown, requestId: string): Response {
  const headers = { "x-request-id": requestId };
  if (thrown instanceof ApiError) {
    return errorResponse(
      thrown.status,
      { code: thrown.code, message: thrown.message, requestId, ...thrown.extra },
      headers,
    );
  }
  if (thrown instanceof ZodError) {
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
