import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api";
import { auditCsv, auditLog } from "@/lib/console/history";

const query = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  format: z.enum(["json", "csv"]).default("json"),
});

// GET /api/audit?cursor=&limit=&format= – the append-only audit log, newest first (CSV: all of it).
export const GET = apiRoute({ role: "Console.Reader" }, async ({ request }) => {
  const { format, ...page } = readQuery(request, query);
  return format === "csv" ? auditCsv() : Response.json(await auditLog(page));
});
