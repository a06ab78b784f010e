import { apiRoute } from "@/lib/api";
import { getProvisioningApp } from "@/lib/console/catalog";

// GET /api/service-principals/{spId} – one application with provisioning.
export const GET = apiRoute<{ spId: string }>({ role: "Console.Reader" }, async ({ params, caller }) =>
  Response.json(await getProvisioningApp(caller, params.spId)),
);
