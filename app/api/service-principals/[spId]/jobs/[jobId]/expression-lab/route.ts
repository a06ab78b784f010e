import { consoleRoute, expressionLab, otherMethods } from "@/lib/console";

// GET /api/service-principals/{spId}/jobs/{jobId}/expression-lab – the job's mappings and functions for the lab.
export const GET = consoleRoute<{ spId: string; jobId: string }>(
  { role: "Console.Reader" },
  async ({ params, caller, services }) =>
    Response.json(await expressionLab.labContext(services, caller, params.spId, params.jobId)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
