import { consoleRoute, runs, otherMethods } from "@/lib/console";

// GET /api/runs/{id}/previous – the previous run of the same object on the same job.
export const GET = consoleRoute<{ id: string }>({ role: "Console.Reader" }, async ({ params, services }) =>
  Response.json(await runs.previousRunOf(services, params.id)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
