import { apiRoute, readQuery } from "@/lib/api";
import { searchDirectoryGroups } from "@/lib/console/catalog";
import { directorySearchQuery } from "../search-query";

// GET /api/directory/groups?search= – groups by name, for the group picker.
export const GET = apiRoute({ role: "Console.Reader" }, async ({ request, caller }) =>
  Response.json(await searchDirectoryGroups(caller, readQuery(request, directorySearchQuery).search)),
);
