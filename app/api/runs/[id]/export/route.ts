import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api";
import { exportRun } from "@/lib/console/history";

const query = z.object({ format: z.enum(["json", "csv"]).default("json") });

// GET /api/runs/{id}/export?format=json|csv – download the run.
export const GET = apiRoute<{ id: string }>({ role: "Console.Reader" }, async ({ request, params }) =>
  exportRun(params.id, readQuery(request, query).format),
);
