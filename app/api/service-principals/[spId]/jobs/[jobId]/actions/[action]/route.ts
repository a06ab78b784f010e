import { consoleRoute, jobActions, otherMethods } from "@/lib/console";

// POST /api/service-principals/{spId}/jobs/{jobId}/actions/test-connection|secret-token|restart|pause|start
// – acts on the job (Administrators only), once per Idempotency-Key; answers what the timeline records.
export const POST = consoleRoute<{ spId: string; jobId: string; action: string }>(
  { role: "Console.Administrator" },
  async ({ request, params, caller, services }) =>
    Response.json(
      await jobActions.actOnJob(services, caller, await jobActions.readJobActionInput(request, params)),
    ),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
