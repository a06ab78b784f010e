import { apiRoute } from "@/lib/api";
import { openSharedRun, revoke } from "@/lib/console/history";

// GET /api/shares/{shareId} – the run as shared (redacted on the server if the link says so); 410 when expired or revoked.
export const GET = apiRoute<{ shareId: string }>({ role: "Console.Reader" }, async ({ params }) =>
  Response.json(await openSharedRun(params.shareId)),
);

// DELETE /api/shares/{shareId} – revoke the link.
export const DELETE = apiRoute<{ shareId: string }>(
  { role: "Console.Operator" },
  async ({ params, caller }) => {
    await revoke(params.shareId, caller);
    return new Response(null, { status: 204 });
  },
);
