import "server-only";
import { apiRoute, type RouteContext, type RouteOptions } from "@/lib/api/route";
import { consoleServices, type ConsoleServices } from "./services";

/** apiRoute, with the console's services in the handler's context. */
export function consoleRoute<Params = Record<string, never>>(
  options: RouteOptions,
  handler: (context: RouteContext<Params> & { services: ConsoleServices }) => Promise<Response> | Response,
) {
  return apiRoute<Params>(options, async (context) =>
    handler({ ...context, services: await consoleServices() }),
  );
}
