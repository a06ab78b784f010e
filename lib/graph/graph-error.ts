import "server-only";

/** Where a failed call came from, for support tickets: Graph's ids and the time it answered. */
export interface GraphErrorDetails {
  status: number;
  code: string;
  message: string;
  requestId?: string | null;
  clientRequestId?: string | null;
  date?: string | null;
  retryAfterMs?: number | null;
  /** The answer as received: parsed JSON when it was JSON, the text otherwise, null when empty. */
  body?: unknown;
}

// Next.js may bundle this module into several chunks (the instrumentation hook that builds the
// services, each route): a brand shared through the global symbol registry, unlike `instanceof`,
// recognises an error made by any copy of the class.
const GRAPH_ERROR = Symbol.for("provision-on-demand-console.GraphError");

/**
 * A call to Graph that did not give a usable answer: Graph's own error, a timeout, an answer that
 * could not be understood (code `UnexpectedResponse`), or a failure to reach Graph at all.
 */
export class GraphError extends Error {
  override readonly name = "GraphError";
  readonly [GRAPH_ERROR] = true;
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly clientRequestId: string | null;
  readonly date: string | null;
  readonly retryAfterMs: number | null;
  readonly body: unknown;

  constructor(details: GraphErrorDetails) {
    super(details.message);
    this.status = details.status;
    this.code = details.code;
    this.requestId = details.requestId ?? null;
    this.clientRequestId = details.clientRequestId ?? null;
    this.date = details.date ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.body = details.body ?? null;
  }
}

export const UNEXPECTED_RESPONSE = "UnexpectedResponse";
export const TIMEOUT = "Timeout";
export const NETWORK_ERROR = "NetworkError";

export function isGraphError(value: unknown): value is GraphError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { [GRAPH_ERROR]?: unknown })[GRAPH_ERROR] === true
  );
}

/** The text of an answer as JSON when it is JSON; the text itself otherwise; null when empty. */
export function decodeBody(text: string): { body: unknown; json: boolean } {
  if (text.trim() === "") return { body: null, json: false };
  try {
    return { body: JSON.parse(text) as unknown, json: true };
  } catch {
    return { body: text, json: false };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value : null;

export interface AnswerIds {
  requestId: string | null;
  clientRequestId: string;
  date: string | null;
}

/**
 * Reads Graph's `{"error":{"code","message","innerError":{…}}}`; anything else (HTML from a proxy,
 * an empty body, plain text) becomes `UnexpectedResponse` with the status, keeping the raw body.
 */
export function graphErrorFromAnswer(
  status: number,
  body: unknown,
  ids: AnswerIds,
  retryAfterMs: number | null,
): GraphError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const inner = error && isRecord(error.innerError) ? error.innerError : null;
  const code = text(error?.code);
  const message = text(error?.message);
  return new GraphError({
    status,
    code: code ?? UNEXPECTED_RESPONSE,
    message: message ?? describeUnreadable(status, body),
    requestId: ids.requestId ?? text(inner?.["request-id"]),
    clientRequestId: ids.clientRequestId,
    date: ids.date ?? text(inner?.date),
    retryAfterMs,
    body,
  });
}

function describeUnreadable(status: number, body: unknown): string {
  if (body === null) return `Microsoft Graph answered HTTP ${status} with an empty body.`;
  if (typeof body === "string") {
    const looksHtml = /^\s*</.test(body);
    return `Microsoft Graph answered HTTP ${status} with ${looksHtml ? "an HTML page" : "text that is not JSON"} instead of an error object.`;
  }
  return `Microsoft Graph answered HTTP ${status} without a readable error object.`;
}
