import { directoryObjectParams } from "@/lib/api/contracts";
import { consoleRoute, directory, otherMethods } from "@/lib/console";

// GET /api/directory/groups/{groupId} – the group a link names; 404 when there is none.
export const GET = consoleRoute<{ groupId: string }>(
  { role: "Console.Reader" },
  async ({ params, caller, services }) => {
    const { id } = directoryObjectParams.parse({ id: params.groupId });
    return Response.json(await directory.getGroup(services, caller, id));
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
