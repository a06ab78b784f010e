import { ApiError, apiRoute } from "@/lib/api";
import { bulkItemsAsCsv } from "@/lib/bulk";
import { bulkItemsForExport } from "@/lib/console/bulk";

// GET /api/bulk-runs/{id}/export – every item as CSV.
export const GET = apiRoute<{ id: string }>({ role: "Console.Reader" }, async ({ params }) => {
  const found = await bulkItemsForExport(params.id);
  if (!found) throw new ApiError("not_found", `No bulk run has the id ${params.id}.`);
  const lines = bulkItemsAsCsv(found.items);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="bulk-run-${found.run.id}.csv"`,
    },
  });
});
