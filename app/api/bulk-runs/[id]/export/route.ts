import { bulk, consoleRoute, otherMethods } from "@/lib/console";

// GET /api/bulk-runs/{id}/export – every item as CSV.
export const GET = consoleRoute<{ id: string }>({ role: "Console.Reader" }, ({ params, services }) =>
  bulk.exportBulkRun(services, params.id),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
