import { ApiError, apiRoute } from "@/lib/api";
import { getBulkRun } from "@/lib/console/bulk";

// GET /api/bulk-runs/{id} – status, progress, counts by outcome and the time left.
export const GET = apiRoute<{ id: string }>({ role: "Console.Reader" }, async ({ params, caller }) => {
  const run = await getBulkRun(caller, params.id);
  if (!run) throw new ApiError("not_found", `No bulk run has the id ${params.id}.`);
  return Response.json(run);
});
