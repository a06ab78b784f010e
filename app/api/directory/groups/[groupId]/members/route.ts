import { readQuery } from "@/lib/api";
import { directorySearchQuery } from "@/lib/api/contracts";
import { consoleRoute, directory, otherMethods } from "@/lib/console";

// GET /api/directory/groups/{groupId}/members?search= – members to pick (up to five) for a group run.
export const GET = consoleRoute<{ groupId: string }>(
  { role: "Console.Reader" },
  async ({ request, params, caller, services }) => {
    const { search } = readQuery(request, directorySearchQuery);
    return Response.json(await directory.listMembers(services, caller, params.groupId, search));
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
