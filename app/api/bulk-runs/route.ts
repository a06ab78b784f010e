import { z } from "zod";
import { apiRoute, readJson, readQuery } from "@/lib/api";
import type { BulkRunRequest } from "@/lib/api/contracts";
import { MAX_BULK_OBJECTS } from "@/lib/bulk";
import { createBulkRun, listBulkRuns } from "@/lib/console/bulk";

const bulkRunRequest = z.strictObject({
  servicePrincipalId: z.string().trim().min(1).max(200),
  jobId: z.string().trim().min(1).max(400),
  ruleId: z.string().trim().min(1).max(400),
  // Each subject is checked as a single run's would be (by the bulk service, naming its index).
  subjects: z
    .array(z.looseObject({ label: z.string().max(1000, "a label is at most 1,000 characters").optional() }), {
      error: "subjects must be a list of subjects",
    })
    .min(1, "give at least one subject")
    .max(MAX_BULK_OBJECTS, `a bulk run takes at most ${MAX_BULK_OBJECTS.toLocaleString("en-US")} subjects`),
});

const listQuery = z.object({
  servicePrincipalId: z.string().trim().min(1).max(200).optional(),
  jobId: z.string().trim().min(1).max(400).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

// GET /api/bulk-runs – recent bulk runs, newest first.
export const GET = apiRoute({ role: "Console.Reader" }, async ({ request, caller }) =>
  Response.json(await listBulkRuns(caller, readQuery(request, listQuery))),
);

// POST /api/bulk-runs – queue one provisionOnDemand call per subject, sent at the job's pace.
export const POST = apiRoute({ role: "Console.Operator" }, async ({ request, caller }) => {
  const body = (await readJson(request, bulkRunRequest)) as BulkRunRequest;
  const { id } = await createBulkRun(caller, body);
  return Response.json(
    { id },
    { status: 202, headers: { Location: `/api/bulk-runs/${encodeURIComponent(id)}` } },
  );
});
