import { ApiError, apiRoute } from "@/lib/api";
import { runService } from "@/lib/console/runs";

// GET /api/runs/{id} – one run: status, queue position, the parsed result or the error.
export const GET = apiRoute<{ id: string }>({ role: "Console.Reader" }, async ({ params }) => {
  const run = await (await runService()).get(params.id);
  if (!run) throw new ApiError("not_found", `No run with id ${params.id}.`);
  return Response.json(run);
});
