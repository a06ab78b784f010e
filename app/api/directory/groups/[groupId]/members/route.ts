import { apiRoute, readQuery } from "@/lib/api";
import { listMembers } from "@/lib/console/catalog";
import { directorySearchQuery } from "../../../search-query";

// GET /api/directory/groups/{groupId}/members?search= – members to pick (up to five) for a group run.
export const GET = apiRoute<{ groupId: string }>(
  { role: "Console.Reader" },
  async ({ request, params, caller }) =>
    Response.json(await listMembers(caller, params.groupId, readQuery(request, directorySearchQuery).search)),
);
