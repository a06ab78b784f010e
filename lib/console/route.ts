import "server-only";
import type { NextRequest } from "next/server";
import { authenticate, requireRole, type Caller, type ConsoleRole } from "@/lib/auth/caller";
import { API_CONTENT_SECURITY_POLICY, HSTS, isHttps } from "@/lib/security-headers";
import { ApiError, toErrorResponse } from "@/lib/api/errors";
import { controlCharacterIn } from "@/lib/api/request";
import { refuseCrossOrigin, refuseForeignHost } from "@/lib/api/request-origin";
import { allowedHostsOf, env } from "@/lib/env";
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
  /**
   * The app role the route needs; "signed-in" for anyone this console can identify, with or
   * without a role (a shared link); "public" only for health.
   */
  role: ConsoleRole | "signed-in" | "public";
}

const nobody: Caller = { id: "anonymous", displayName: "Anonymous", roles: [] };

/** The longest path segment a route takes (ids are at most a few hundred characters). */
const MAX_SEGMENT_LENGTH = 1024;

/**
 * Wraps a route handler: refuses a Host the console does not serve and a change sent from another
 * site's page, authenticates the caller and checks the role, checks the path's segments, gives the
 * handler a request id, maps whatever it throws to the one error shape, and sets the headers of
 * every API answer (here rather than in proxy.ts, which would cost every call a hop).
 */
export function apiRoute<Params = Record<string, never>>(options: RouteOptions, handler: Handler<Params>) {
  return async (request: NextRequest, segment: { params: Promise<Params> }): Promise<Response> => {
    const requestId = crypto.randomUUID();
    let response: Response;
    try {
      const settings = env();
      refuseForeignHost(request, allowedHostsOf(settings));
      refuseCrossOrigin(request, settings.ALLOWED_ORIGINS);
      const caller = options.role === "public" ? nobody : await authenticate(request);
      if (options.role !== "public" && options.role !== "signed-in") requireRole(caller, options.role);
      const params = (await segment?.params) ?? ({} as Params);
      checkSegments(params);
      response = await handler({ request, params, requestId, caller });
      response.headers.set("x-request-id", requestId);
    } catch (thrown) {
      response = toErrorResponse(fromGraphError(thrown), requestId);
    }
    response.headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
    // Runs, shares, exports and the audit log are nobody's to keep: not a browser cache, not a proxy.
    response.headers.set("Cache-Control", "no-store");
    if (isHttps(request)) response.headers.set("Strict-Transport-Security", HSTS);
    return response;
  };
}

/** A path segment is an opaque id, but never holds a control character or runs to kilobytes: 400 naming it. */
function checkSegments(params: unknown): void {
  if (typeof params !== "object" || params === null) return;
  for (const [name, value] of Object.entries(params)) {
    for (const text of Array.isArray(value) ? value : [value]) {
      if (typeof text !== "string") continue;
      const control = controlCharacterIn(text);
      if (control !== null)
        throw new ApiError(
          "bad_request",
          `${name} (in the path): contains the control character U+${control.toString(16).toUpperCase().padStart(4, "0")}.`,
        );
      if (text.length > MAX_SEGMENT_LENGTH)
        throw new ApiError(
          "bad_request",
          `${name} (in the path): longer than ${MAX_SEGMENT_LENGTH} characters.`,
        );
    }
  }
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

/** The methods a route file may export (Next.js answers any other with its own empty 400). */
export const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];
type RouteHandler = ReturnType<typeof apiRoute>;

/**
 * Handlers for the methods a route does not serve, so Next.js never answers with its own empty
 * 405: each answers 405 in the one error shape with `Allow`, and OPTIONS answers 204 with `Allow`.
 * Every route file exports them: `export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");`
 * (HEAD is Next.js's own for a route that serves GET.)
 */
export function otherMethods(
  ...served: Exclude<RouteMethod, "HEAD" | "OPTIONS">[]
): Record<RouteMethod, RouteHandler> {
  const allowed = ROUTE_METHODS.filter(
    (method) =>
      served.includes(method as never) ||
      method === "OPTIONS" ||
      (method === "HEAD" && served.includes("GET")),
  );
  const allow = allowed.join(", ");
  const handlers = {} as Record<RouteMethod, RouteHandler>;
  for (const method of ROUTE_METHODS) {
    handlers[method] =
      method === "OPTIONS"
        ? apiRoute({ role: "public" }, () => new Response(null, { status: 204, headers: { Allow: allow } }))
        : apiRoute({ role: "public" }, ({ request }) => {
            throw new ApiError(
              "method_not_allowed",
              `${request.method} is not allowed on ${request.nextUrl.pathname}; it answers ${allow}.`,
              { allow },
            );
          });
  }
  return handlers;
}
