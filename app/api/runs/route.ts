import { readHeader, readJson, readQuery } from "@/lib/api";
import { idempotencyKeyHeader, runHistoryRequest, runRequest } from "@/lib/api/contracts";
import { consoleRoute, runs, otherMethods } from "@/lib/console";

// GET /api/runs?…&format= – the history, newest first, filtered, keyset-paginated (CSV: every match).
export const GET = consoleRoute({ role: "Console.Reader" }, async ({ request, services }) => {
  const { format, cursor, limit, ...filters } = readQuery(request, runHistoryRequest);
  return format === "csv"
    ? runs.runHistoryCsv(services, filters)
    : Response.json(await runs.runHistory(services, { ...filters, cursor, limit }));
});

// POST /api/runs – provision one object; answers at once, the run continues in the background.
export const POST = consoleRoute({ role: "Console.Operator" }, async ({ request, caller, services }) => {
  const body = await readJson(request, runRequest);
  const idempotencyKey = readHeader(request, "Idempotency-Key", idempotencyKeyHeader);
  const accepted = await runs.requestRun(services, caller, body, idempotencyKey);
  return Response.json(accepted, {
    status: 202,
    headers: { Location: `/api/runs/${encodeURIComponent(accepted.id)}` },
  });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
