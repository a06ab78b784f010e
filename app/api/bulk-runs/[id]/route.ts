import { bulk, consoleRoute, otherMethods } from "@/lib/console";

// GET /api/bulk-runs/{id} – status, progress, counts by outcome and the time left.
export const GET = consoleRoute<{ id: string }>(
  { role: "Console.Reader" },
  async ({ params, caller, services }) => Response.json(await bulk.getBulkRun(services, caller, params.id)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
