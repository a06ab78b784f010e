import { consoleRoute, otherMethods, users } from "@/lib/console";

// GET /api/users/{id} – one user (object id or UPN) across every application with provisioning.
export const GET = consoleRoute<{ id: string }>(
  { role: "Console.Reader" },
  async ({ params, caller, services }) =>
    Response.json(await users.troubleshootUser(services, caller, params.id)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
