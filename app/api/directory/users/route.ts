import { readQuery } from "@/lib/api";
import { directorySearchQuery } from "@/lib/api/contracts";
import { consoleRoute, directory, otherMethods } from "@/lib/console";

// GET /api/directory/users?search= – users by name, UPN or mail, for the user picker.
export const GET = consoleRoute({ role: "Console.Reader" }, async ({ request, caller, services }) =>
  Response.json(
    await directory.searchUsers(services, caller, readQuery(request, directorySearchQuery).search),
  ),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
