import { apiRoute } from "@/lib/api";
import { listJobSummaries } from "@/lib/console/catalog";

// GET /api/service-principals/{spId}/jobs – its synchronization jobs with status and quarantine.
export const GET = apiRoute<{ spId: string }>({ role: "Console.Reader" }, async ({ params, caller }) =>
  Response.json(await listJobSummaries(caller, params.spId)),
);
