import { apiRoute, readQuery } from "@/lib/api";
import { searchDirectoryUsers } from "@/lib/console/catalog";
import { directorySearchQuery } from "../search-query";

// GET /api/directory/users?search= – users by name, UPN or mail, for the user picker.
export const GET = apiRoute({ role: "Console.Reader" }, async ({ request, caller }) =>
  Response.json(await searchDirectoryUsers(caller, readQuery(request, directorySearchQuery).search)),
);
