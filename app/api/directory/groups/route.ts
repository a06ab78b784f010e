import { readQuery } from "@/lib/api";
import { directorySearchQuery } from "@/lib/api/contracts";
import { consoleRoute, directory, otherMethods } from "@/lib/console";

// GET /api/directory/groups?search= – groups by name, for the group picker.
export const GET = consoleRoute({ role: "Console.Reader" }, async ({ request, caller, services }) =>
  Response.json(
    await directory.searchGroups(services, caller, readQuery(request, directorySearchQuery).search),
  ),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
