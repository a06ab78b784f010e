import { readJson } from "@/lib/api";
import { bulkPreviewRequest } from "@/lib/api/contracts";
import { bulk, consoleRoute } from "@/lib/console";

// POST /api/bulk-runs/preview – resolve and check the objects of a bulk run; nothing is sent.
export const POST = consoleRoute({ role: "Console.Operator" }, async ({ request, caller, services }) =>
  Response.json(await bulk.previewBulkRun(services, caller, await readJson(request, bulkPreviewRequest))),
);
