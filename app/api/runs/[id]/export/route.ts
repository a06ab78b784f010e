import { readQuery } from "@/lib/api";
import { runExportQuery } from "@/lib/api/contracts";
import { consoleRoute, runs, otherMethods } from "@/lib/console";

// GET /api/runs/{id}/export?format=json|csv – download the run.
export const GET = consoleRoute<{ id: string }>({ role: "Console.Reader" }, ({ request, params, services }) =>
  runs.exportRun(services, params.id, readQuery(request, runExportQuery).format),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
