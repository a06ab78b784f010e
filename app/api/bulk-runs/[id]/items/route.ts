import { readQuery } from "@/lib/api";
import { bulkItemsQuery } from "@/lib/api/contracts";
import { bulk, consoleRoute, otherMethods } from "@/lib/console";

// GET /api/bulk-runs/{id}/items?outcome=&cursor= – the items by position, each linked to its run.
export const GET = consoleRoute<{ id: string }>(
  { role: "Console.Reader" },
  async ({ request, params, caller, services }) =>
    Response.json(await bulk.listBulkItems(services, caller, params.id, readQuery(request, bulkItemsQuery))),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
