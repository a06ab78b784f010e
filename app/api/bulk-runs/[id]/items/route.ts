import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api";
import { listBulkItems } from "@/lib/console/bulk";

const query = z.object({
  outcome: z
    .enum([
      "Success",
      "Skipped",
      "Failure",
      "Warning",
      "Unknown",
      "failed",
      "interrupted",
      "cancelled",
      "pending",
      "sending",
    ])
    .optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

// GET /api/bulk-runs/{id}/items?outcome=&cursor= – the items by position, each linked to its run.
export const GET = apiRoute<{ id: string }>(
  { role: "Console.Reader" },
  async ({ request, params, caller }) => {
    const { outcome, cursor, limit } = readQuery(request, query);
    return Response.json(await listBulkItems(caller, params.id, { filter: outcome, cursor, limit }));
  },
);
