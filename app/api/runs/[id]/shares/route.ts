import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api";
import { shareRun, sharesOf } from "@/lib/console/history";
import { MAX_SHARE_DAYS } from "@/lib/runs";

const body = z.strictObject({
  redact: z.boolean({ error: "redact must be true or false" }),
  expiresInDays: z.number().int().min(1).max(MAX_SHARE_DAYS).optional(),
});

// POST /api/runs/{id}/shares – a read-only link to this run, optionally redacted and expiring.
export const POST = apiRoute<{ id: string }>(
  { role: "Console.Operator" },
  async ({ request, params, caller }) => {
    const share = await shareRun(params.id, caller, await readJson(request, body), request.nextUrl.origin);
    return Response.json(share, {
      status: 201,
      headers: { Location: `/api/shares/${encodeURIComponent(share.id)}` },
    });
  },
);

// GET /api/runs/{id}/shares – the links made for this run, with their state.
export const GET = apiRoute<{ id: string }>({ role: "Console.Reader" }, async ({ params }) =>
  Response.json(await sharesOf(params.id)),
);
