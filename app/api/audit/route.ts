import { readQuery } from "@/lib/api";
import { auditQuery } from "@/lib/api/contracts";
import { audit, consoleRoute, otherMethods } from "@/lib/console";

// GET /api/audit?cursor=&limit=&format= – the append-only audit log, newest first (CSV: all of it).
export const GET = consoleRoute({ role: "Console.Reader" }, async ({ request, services }) => {
  const { format, ...page } = readQuery(request, auditQuery);
  return format === "csv" ? audit.auditCsv(services) : Response.json(await audit.auditLog(services, page));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
