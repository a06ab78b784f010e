import "server-only";

/** An answer in Graph's error format; thrown anywhere in the Graph surface and rendered once. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra members of `innerError` (the throttling body carries `code` and `status` there). */
    readonly innerError: Record<string, string> = {},
  ) {
    super(message);
    this.name = "GraphError";
  }
}

export const resourceNotFound = (id: string) =>
  new GraphError(
    404,
    "Request_ResourceNotFound",
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

export const segmentNotFound = (segment: string) =>
  new GraphError(400, "BadRequest", `Resource not found for the segment '${segment}'.`);

export const badRequest = (message: string) => new GraphError(400, "BadRequest", message);

export const unsupportedQuery = (message: string) => new GraphError(400, "Request_UnsupportedQuery", message);

export const invalidRequestParameter = (message: string) =>
  new GraphError(400, "RequestParameterInvalid", message);

export const malformedJson = () =>
  badRequest(
    "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
  );

export const methodNotAllowed = (method: string, allowed: string[]) =>
  new GraphError(
    405,
    "Request_BadRequest",
    `The HTTP method '${method}' is not allowed for the request target. Allowed: ${allowed.join(", ")}.`,
    {
      Allow: allowed.join(", "),
    },
  );

/** Graph's throttling answer: Retry-After in seconds (fractional allowed) and its fixed body. */
export const tooManyRequests = (retryAfterSeconds: number) =>
  new GraphError(
    429,
    "TooManyRequests",
    "Please retry again later.",
    { "Retry-After": formatRetryAfter(retryAfterSeconds) },
    { code: "429", status: "429" },
  );

export function formatRetryAfter(seconds: number): string {
  const rounded = Math.max(0.001, Math.ceil(seconds * 1000) / 1000);
  return String(Number(rounded.toFixed(3)));
}

export interface ErrorIds {
  requestId: string;
  clientRequestId: string;
  date: Date;
}

/** `{"error":{"code","message","innerError":{"date","request-id","client-request-id",…}}}` */
export function graphErrorBody(error: GraphError, ids: ErrorIds) {
  const { code: innerCode, status, ...rest } = error.innerError;
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        ...(innerCode === undefined ? {} : { code: innerCode }),
        ...rest,
        date: ids.date.toISOString().slice(0, 19),
        "request-id": ids.requestId,
        "client-request-id": ids.clientRequestId,
        ...(status === undefined ? {} : { status }),
      },
    },
  };
}
