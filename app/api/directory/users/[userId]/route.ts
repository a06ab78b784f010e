import { directoryObjectParams } from "@/lib/api/contracts";
import { consoleRoute, directory, otherMethods } from "@/lib/console";

// GET /api/directory/users/{userId} – the user a link names (also from the recycle bin); 404 when there is none.
export const GET = consoleRoute<{ userId: string }>(
  { role: "Console.Reader" },
  async ({ params, caller, services }) => {
    const { id } = directoryObjectParams.parse({ id: params.userId });
    return Response.json(await directory.getUser(services, caller, id));
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
