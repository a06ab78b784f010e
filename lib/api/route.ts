import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { authenticate, requireRole, type Caller, type ConsoleRole } from "@/lib/auth/caller";
import { API_CONTENT_SECURITY_POLICY, HSTS, isHttps } from "@/lib/security-headers";
import { ApiError, toErrorResponse } from "./errors";
import { fromGraphError } from "./graph-errors";

export interface RouteContext<Params> {
  request: NextRequest;
  params: Params;
  requestId: string;
  caller: Caller;
}

type Handler<Params> = (context: RouteContext<Params>) => Promise<Response> | Response;

export interface RouteOptions {
  /** The app role the route needs; "public" only for health. */
  role: ConsoleRole | "public";
}

const nobody: Caller = { id: "anonymous", displayName: "Anonymous", roles: [] };

/**
 * Wraps a route handler: authenticates the caller and checks the role before the handler runs,
 * gives it a request id, maps whatever it throws to the one error shape, and sets the security
 * headers of every API answer (here rather than in proxy.ts, which would cost every call a hop).
 */
export function apiRoute<Params = Record<string, never>>(options: RouteOptions, handler: Handler<Params>) {
  return async (request: NextRequest, segment: { params: Promise<Params> }): Promise<Response> => {
    const requestId = crypto.randomUUID();
    let response: Response;
    try {
      const caller = options.role === "public" ? nobody : await authenticate(request);
      if (options.role !== "public") requireRole(caller, options.role);
      const params = (await segment?.params) ?? ({} as Params);
      response = await handler({ request, params, requestId, caller });
      response.headers.set("x-request-id", requestId);
    } catch (thrown) {
      response = toErrorResponse(fromGraphError(thrown), requestId);
    }
    response.headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
    if (isHttps(request)) response.headers.set("Strict-Transport-Security", HSTS);
    return response;
  };
}

/** Reads and validates a JSON body; a body that is not JSON is the caller's mistake (400). */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    throw new ApiError(
      "unsupported_media_type",
      "Send the body as JSON with Content-Type: application/json.",
    );
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiError("bad_request", "The body is not valid JSON.");
  }
  return schema.parse(body);
}

/** Validates the query string against a schema (unknown parameters are ignored). */
export function readQuery<T extends z.ZodType>(request: NextRequest, schema: T): z.infer<T> {
  return schema.parse(Object.fromEntries(request.nextUrl.searchParams));
}
