import { catalog, consoleRoute, otherMethods } from "@/lib/console";

// GET /api/service-principals/{spId}/jobs/{jobId}/rules – the job's synchronization rules.
export const GET = consoleRoute<{ spId: string; jobId: string }>(
  { role: "Console.Reader" },
  async ({ params, caller, services }) =>
    Response.json(await catalog.listRules(services, caller, params.spId, params.jobId)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
