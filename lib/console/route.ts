import "server-only";
import type { NextRequest } from "next/server";
import { authenticate, requireRole, type Caller, type ConsoleRole } from "@/lib/auth/caller";
import { API_CONTENT_SECURITY_POLICY, HSTS, isHttps } from "@/lib/security-headers";
import { toErrorResponse } from "@/lib/api/errors";
import { fromGraphError } from "./graph-errors";
import { consoleServices, type ConsoleServices } from "./services";

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

/** apiRoute, with the console's services in the handler's context. */
export function consoleRoute<Params = Record<string, never>>(
  options: RouteOptions,
  handler: (context: RouteContext<Params> & { services: ConsoleServices }) => Promise<Response> | Response,
) {
  return apiRoute<Params>(options, async (context) =>
    handler({ ...context, services: await consoleServices() }),
  );
}
