import { ApiError } from "@/lib/api";
import { bulkAction } from "@/lib/api/contracts";
import { bulk, consoleRoute, otherMethods } from "@/lib/console";

// POST /api/bulk-runs/{id}/pause|resume|cancel|retry-failed
export const POST = consoleRoute<{ id: string; action: string }>(
  { role: "Console.Operator" },
  async ({ params, caller, services }) => {
    const action = bulkAction.safeParse(params.action);
    if (!action.success)
      throw new ApiError(
        "not_found",
        `No bulk-run action "${params.action}"; use ${bulkAction.options.join(", ")}.`,
      );
    return Response.json(await bulk.actOnBulkRun(services, caller, params.id, action.data));
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
