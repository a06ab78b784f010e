import { readQuery } from "@/lib/api";
import { appListQuery } from "@/lib/api/contracts";
import { catalog, consoleRoute, otherMethods } from "@/lib/console";

// GET /api/service-principals?search=&cursor= – applications that have provisioning jobs.
export const GET = consoleRoute({ role: "Console.Reader" }, async ({ request, caller, services }) =>
  Response.json(await catalog.listProvisioningApps(services, caller, readQuery(request, appListQuery))),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
