import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api";
import { compare } from "@/lib/console/history";

const query = z.object({ a: z.string().trim().min(1).max(100), b: z.string().trim().min(1).max(100) });

// GET /api/runs/compare?a=&b= – what differs between two runs.
export const GET = apiRoute({ role: "Console.Reader" }, async ({ request }) => {
  const { a, b } = readQuery(request, query);
  return Response.json(await compare(a, b));
});
