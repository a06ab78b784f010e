import { randomUUID } from "node:crypto";

/** A refusal in Entra's words: an OAuth error, an AADSTS number and its description. */
export class EntraError extends Error {
  override name = "EntraError";
  constructor(
    readonly status: 400 | 401,
    readonly error: string,
    readonly aadsts: number,
    readonly description: string,
    readonly suberror?: string,
  ) {
    super(`AADSTS${aadsts}: ${description}`);
  }
}

/** The JSON body Entra's token endpoint answers with when it refuses. */
export function entraErrorBody(
  refusal: EntraError,
  correlationId: string = randomUUID(),
): Record<string, unknown> {
  const traceId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");
  return {
    error: refusal.error,
    error_description: `AADSTS${refusal.aadsts}: ${refusal.description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [refusal.aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    ...(refusal.suberror ? { suberror: refusal.suberror } : {}),
  };
}

export const missingParameter = (name: string) =>
  new EntraError(
    400,
    "invalid_request",
    900144,
    `The request body must contain the following parameter: '${name}'.`,
  );
