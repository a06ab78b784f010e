import { catalog, consoleRoute, otherMethods } from "@/lib/console";

// GET /api/service-principals/{spId} – one application.
export const GET = consoleRoute<{ spId: string }>(
  { role: "Console.Reader" },
  async ({ params, caller, services }) =>
    Response.json(await catalog.getApplication(services, caller, params.spId)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
