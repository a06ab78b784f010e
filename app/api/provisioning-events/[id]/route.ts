import { consoleRoute, otherMethods, provisioningLogs } from "@/lib/console";

// GET /api/provisioning-events/{id} – one event of the provisioning logs, with the console run of the same change.
export const GET = consoleRoute<{ id: string }>(
  { role: "Console.Reader" },
  async ({ params, caller, services }) =>
    Response.json(await provisioningLogs.getEvent(services, caller, params.id)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
