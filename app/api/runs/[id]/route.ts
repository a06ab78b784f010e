import { consoleRoute, runs, otherMethods } from "@/lib/console";

// GET /api/runs/{id} – one run: status, queue position, the parsed result or the error.
export const GET = consoleRoute<{ id: string }>({ role: "Console.Reader" }, async ({ params, services }) =>
  Response.json(await runs.getRun(services, params.id)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
