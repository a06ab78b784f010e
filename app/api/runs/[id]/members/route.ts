import { consoleRoute, explanations, otherMethods } from "@/lib/console";

// GET /api/runs/{id}/members – the members sent with a group run: who they are, and their own newest run.
export const GET = consoleRoute<{ id: string }>(
  { role: "Console.Reader" },
  async ({ params, caller, services }) =>
    Response.json(await explanations.membersOfRun(services, caller, params.id)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
