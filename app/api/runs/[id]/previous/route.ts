import { apiRoute } from "@/lib/api";
import { previousRunOf } from "@/lib/console/history";

// GET /api/runs/{id}/previous – the previous run of the same object on the same job.
export const GET = apiRoute<{ id: string }>({ role: "Console.Reader" }, async ({ params }) =>
  Response.json(await previousRunOf(params.id)),
);
