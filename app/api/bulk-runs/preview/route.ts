import { readJson } from "@/lib/api";
import { BULK_BODY_LIMIT_BYTES, bulkPreviewRequest } from "@/lib/api/contracts";
import { bulk, consoleRoute, otherMethods } from "@/lib/console";

// POST /api/bulk-runs/preview – resolve and check the objects of a bulk run; nothing is sent.
export const POST = consoleRoute({ role: "Console.Operator" }, async ({ request, caller, services }) =>
  Response.json(
    await bulk.previewBulkRun(
      services,
      caller,
      await readJson(request, bulkPreviewRequest, { maxBytes: BULK_BODY_LIMIT_BYTES }),
    ),
  ),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
