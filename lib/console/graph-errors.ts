import "server-only";
import { isGraphError, UNEXPECTED_RESPONSE } from "@/lib/graph";
import { isRedisUnreachable } from "@/lib/redis";
import { ApiError, type ApiErrorCode } from "@/lib/api/errors";

/**
 * A Graph failure as the console answers it: Graph's message, code and request id kept for
 * support. Redis being down (shared pacing, token cache) is the console's trouble: 503.
 */
export function fromGraphError(thrown: unknown): unknown {
  if (isRedisUnreachable(thrown)) return new ApiError("unavailable", thrown.message);
  if (!isGraphError(thrown)) return thrown;
  const extra: Record<string, string> = { graphCode: thrown.code };
  if (thrown.requestId) extra.graphRequestId = thrown.requestId;
  if (thrown.code === UNEXPECTED_RESPONSE) {
    return new ApiError(
      "bad_gateway",
      `Microsoft Graph gave an answer the console could not understand: ${thrown.message}`,
      extra,
    );
  }
  return new ApiError(apiCodeFor(thrown.status), `Microsoft Graph: ${thrown.message}`, extra);
}

function apiCodeFor(status: number): ApiErrorCode {
  if (status === 400) return "bad_request";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status === 504) return "gateway_timeout";
  return "bad_gateway"; // 401 (the console's own Graph token) and 5xx are not the caller's doing
}
