import { ApiError, apiRoute } from "@/lib/api";
import { exportBulkRun } from "@/lib/console/bulk";

// GET /api/bulk-runs/{id}/export – every item as CSV.
export const GET = apiRoute<{ id: string }>({ role: "Console.Reader" }, async ({ params }) => {
  const download = await exportBulkRun(params.id);
  if (!download) throw new ApiError("not_found", `No bulk run has the id ${params.id}.`);
  return download;
});
