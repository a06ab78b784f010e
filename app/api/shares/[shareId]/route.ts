import { consoleRoute, shares, otherMethods } from "@/lib/console";

// GET /api/shares/{shareId} – the run as shared (redacted on the server if the link says so); 410 when expired or revoked.
// Anyone signed in may open a link, with or without a console role: it shows this one view and no more.
export const GET = consoleRoute<{ shareId: string }>({ role: "signed-in" }, async ({ params, services }) =>
  Response.json(await shares.openSharedRun(services, params.shareId)),
);

// DELETE /api/shares/{shareId} – revoke the link.
export const DELETE = consoleRoute<{ shareId: string }>(
  { role: "Console.Operator" },
  async ({ params, caller, services }) => {
    await shares.revoke(services, caller, params.shareId);
    return new Response(null, { status: 204 });
  },
);

export const { POST, PUT, PATCH, OPTIONS } = otherMethods("GET", "DELETE");
