import { readJson, readQuery } from "@/lib/api";
import { BULK_BODY_LIMIT_BYTES, bulkRunListQuery, bulkRunRequest } from "@/lib/api/contracts";
import { bulk, consoleRoute, otherMethods } from "@/lib/console";

// GET /api/bulk-runs – recent bulk runs, newest first.
export const GET = consoleRoute({ role: "Console.Reader" }, async ({ request, caller, services }) =>
  Response.json(await bulk.listBulkRuns(services, caller, readQuery(request, bulkRunListQuery))),
);

// POST /api/bulk-runs – queue one provisionOnDemand call per subject, sent at the job's pace.
export const POST = consoleRoute({ role: "Console.Operator" }, async ({ request, caller, services }) => {
  const { id } = await bulk.createBulkRun(
    services,
    caller,
    await readJson(request, bulkRunRequest, { maxBytes: BULK_BODY_LIMIT_BYTES }),
  );
  return Response.json(
    { id },
    { status: 202, headers: { Location: `/api/bulk-runs/${encodeURIComponent(id)}` } },
  );
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
