import { readQuery } from "@/lib/api";
import { runCompareQuery } from "@/lib/api/contracts";
import { consoleRoute, runs, otherMethods } from "@/lib/console";

// GET /api/runs/compare?a=&b= – what differs between two runs.
export const GET = consoleRoute({ role: "Console.Reader" }, async ({ request, services }) => {
  const { a, b } = readQuery(request, runCompareQuery);
  return Response.json(await runs.compare(services, a, b));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
