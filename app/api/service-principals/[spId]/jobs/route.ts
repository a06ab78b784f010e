import { catalog, consoleRoute, otherMethods } from "@/lib/console";

// GET /api/service-principals/{spId}/jobs – its synchronization jobs with status and quarantine.
export const GET = consoleRoute<{ spId: string }>(
  { role: "Console.Reader" },
  async ({ params, caller, services }) =>
    Response.json(await catalog.listJobs(services, caller, params.spId)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
