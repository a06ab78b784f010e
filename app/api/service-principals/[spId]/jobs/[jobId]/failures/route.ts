import { consoleRoute, otherMethods, provisioningLogs } from "@/lib/console";

// GET /api/service-principals/{spId}/jobs/{jobId}/failures – the objects whose latest event on the job failed.
export const GET = consoleRoute<{ spId: string; jobId: string }>(
  { role: "Console.Reader" },
  async ({ params, caller, services }) =>
    Response.json(await provisioningLogs.failuresWaiting(services, caller, params.spId, params.jobId)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
