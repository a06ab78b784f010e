import { labEvaluationRequest } from "@/lib/api/contracts";
import { readJson } from "@/lib/api/request";
import { consoleRoute, expressionLab, otherMethods } from "@/lib/console";

// POST /api/service-principals/{spId}/jobs/{jobId}/expression-lab/evaluate – an expression evaluated with
// Graph's parseExpression against a user's attributes; nothing is written to the target.
export const POST = consoleRoute<{ spId: string; jobId: string }>(
  { role: "Console.Reader" },
  async ({ request, params, caller, services }) => {
    const body = await readJson(request, labEvaluationRequest);
    return Response.json(await expressionLab.labEvaluate(services, caller, params.spId, params.jobId, body));
  },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
