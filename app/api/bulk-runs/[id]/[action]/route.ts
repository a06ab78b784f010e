import { z } from "zod";
import { ApiError, apiRoute } from "@/lib/api";
import { actOnBulkRun } from "@/lib/console/bulk";

const action = z.enum(["pause", "resume", "cancel", "retry-failed"]);

// POST /api/bulk-runs/{id}/pause|resume|cancel|retry-failed
export const POST = apiRoute<{ id: string; action: string }>(
  { role: "Console.Operator" },
  async ({ params, caller }) => {
    const parsed = action.safeParse(params.action);
    if (!parsed.success)
      throw new ApiError(
        "not_found",
        `No bulk-run action "${params.action}"; use pause, resume, cancel or retry-failed.`,
      );
    return Response.json(await actOnBulkRun(caller, params.id, parsed.data));
  },
);
