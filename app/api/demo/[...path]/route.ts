import { consoleRoute, demo, otherMethods } from "@/lib/console";

// /api/demo/… – the demo tenant's controls (reset, change a user, assign); 404 in Entra mode.
const forward = consoleRoute<{ path: string[] }>(
  { role: "Console.Operator" },
  ({ request, params, requestId, caller, services }) =>
    demo.forwardToDemoControls(services, caller, request, params.path, requestId),
);

export { forward as GET, forward as POST, forward as PUT, forward as PATCH, forward as DELETE };
export const { OPTIONS } = otherMethods("GET", "POST", "PUT", "PATCH", "DELETE");
