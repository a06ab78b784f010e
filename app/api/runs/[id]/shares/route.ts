import { readJson } from "@/lib/api";
import { shareRequest } from "@/lib/api/contracts";
import { consoleRoute, linkOrigin, otherMethods, shares } from "@/lib/console";

// POST /api/runs/{id}/shares – a read-only link to this run, optionally redacted and expiring, on the
// address the user reached (PUBLIC_ORIGIN, or a trusted proxy's, or the request's).
export const POST = consoleRoute<{ id: string }>(
  { role: "Console.Operator" },
  async ({ request, params, caller, services }) => {
    const options = await readJson(request, shareRequest);
    const origin = linkOrigin(services.settings, request);
    const share = await shares.shareRun(services, caller, params.id, options, origin);
    return Response.json(share, {
      status: 201,
      headers: { Location: `/api/shares/${encodeURIComponent(share.id)}` },
    });
  },
);

// GET /api/runs/{id}/shares – the links made for this run, with their state.
export const GET = consoleRoute<{ id: string }>({ role: "Console.Reader" }, async ({ params, services }) =>
  Response.json(await shares.sharesOf(services, params.id)),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST", "GET");
