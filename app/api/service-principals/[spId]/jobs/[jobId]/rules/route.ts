import { catalog, consoleRoute } from "@/lib/console";

// GET /api/service-principals/{spId}/jobs/{jobId}/rules – the job's synchronization rules.
export const GET = consoleRoute<{ spId: string; jobId: string }>(
  { role: "Console.Reader" },
  async ({ params, caller, services }) =>
    Response.json(await catalog.listRules(services, caller, params.spId, params.jobId)),
);
