import { readQuery } from "@/lib/api";
import { userSearchQuery } from "@/lib/api/contracts";
import { consoleRoute, otherMethods, users } from "@/lib/console";

// GET /api/users?search= – users by name, UPN, mail or object id, soft-deleted ones included, for the app bar.
export const GET = consoleRoute({ role: "Console.Reader" }, async ({ request, caller, services }) =>
  Response.json(await users.searchUsers(services, caller, readQuery(request, userSearchQuery).search)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
