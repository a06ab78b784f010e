import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api";
import { listProvisioningApps } from "@/lib/console/catalog";

const query = z.object({
  search: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
});

// GET /api/service-principals?search=&cursor= – applications that have provisioning jobs.
export const GET = apiRoute({ role: "Console.Reader" }, async ({ request, caller }) =>
  Response.json(await listProvisioningApps(caller, readQuery(request, query))),
);
