import { apiRoute } from "@/lib/api";
import { listRuleSummaries } from "@/lib/console/catalog";

// GET /api/service-principals/{spId}/jobs/{jobId}/rules – the job's synchronization rules.
export const GET = apiRoute<{ spId: string; jobId: string }>({ role: "Console.Reader" }, async ({ params }) =>
  Response.json(await listRuleSummaries(params.spId, params.jobId)),
);
