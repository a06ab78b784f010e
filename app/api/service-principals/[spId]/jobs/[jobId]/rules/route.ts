import { apiRoute } from "@/lib/api";
import { listRuleSummaries } from "@/lib/console/catalog";

// GET /api/service-principals/{spId}/jobs/{jobId}/rules – the job's synchronization rules.
export const GET = apiRoute<{ spId: string; jobId: string }>(
  { role: "Console.Reader" },
  async ({ params, caller }) => Response.json(await listRuleSummaries(caller, params.spId, params.jobId)),
);
