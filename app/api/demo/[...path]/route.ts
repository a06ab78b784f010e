import { apiRoute } from "@/lib/api";
import { forwardToDemoControls } from "@/lib/console/demo";

// /api/demo/… – the demo tenant's controls (reset, change a user, assign); 404 in Entra mode.
const forward = apiRoute<{ path: string[] }>(
  { role: "Console.Operator" },
  ({ request, params, requestId, caller }) => forwardToDemoControls(request, params.path, requestId, caller),
);

export { forward as GET, forward as POST, forward as PUT, forward as PATCH, forward as DELETE };
