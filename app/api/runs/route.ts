import { z } from "zod";
import { apiRoute, readJson, readQuery } from "@/lib/api";
import { runHistory } from "@/lib/console/history";
import { requestRun } from "@/lib/console/runs";
import { provisionSubjectSchema } from "@/lib/provisioning";

const runRequestSchema = z.strictObject({
  servicePrincipalId: z.string().trim().min(1).max(200),
  jobId: z.string().trim().min(1).max(400),
  ruleId: z.string().trim().min(1).max(400),
  subject: provisionSubjectSchema,
});

const idempotencyKeySchema = z.string().trim().min(1).max(200).nullable();

const isoTime = z.iso.datetime({
  offset: true,
  error: "must be an ISO 8601 date and time, e.g. 2026-11-28T09:00:00Z",
});

const historyQuery = z.object({
  servicePrincipalId: z.string().trim().min(1).max(200).optional(),
  jobId: z.string().trim().min(1).max(400).optional(),
  subject: z.string().trim().min(1).max(2048).optional(),
  outcome: z.enum(["Success", "Skipped", "Failure", "Warning", "Unknown"]).optional(),
  action: z.string().trim().min(1).max(50).optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  from: isoTime.transform((t) => new Date(t).toISOString()).optional(),
  to: isoTime.transform((t) => new Date(t).toISOString()).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// GET /api/runs?… – the history, newest first, filtered, keyset-paginated.
export const GET = apiRoute({ role: "Console.Reader" }, async ({ request }) => {
  const { cursor, limit, ...filters } = readQuery(request, historyQuery);
  return Response.json(await runHistory(filters, { cursor, limit }));
});

// POST /api/runs – provision one object; answers at once, the run continues in the background.
export const POST = apiRoute({ role: "Console.Operator" }, async ({ request, caller }) => {
  const body = await readJson(request, runRequestSchema);
  const idempotencyKey = idempotencyKeySchema.parse(request.headers.get("idempotency-key"));
  const accepted = await requestRun(caller, body, idempotencyKey);
  return Response.json(
    { id: accepted.id, status: accepted.status },
    { status: 202, headers: { Location: `/api/runs/${encodeURIComponent(accepted.id)}` } },
  );
});
