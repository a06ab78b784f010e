import { consoleRoute, explanations, otherMethods } from "@/lib/console";

// GET /api/runs/{id}/explanation – the mapping behind each value and, for a user, the scope decision.
export const GET = consoleRoute<{ id: string }>(
  { role: "Console.Reader" },
  async ({ params, caller, services }) =>
    Response.json(await explanations.explainRun(services, caller, params.id)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
