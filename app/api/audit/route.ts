import { readQuery } from "@/lib/api";
import { auditQuery } from "@/lib/api/contracts";
import { audit, consoleRoute, otherMethods } from "@/lib/console";

// GET /api/audit?cursor=&limit=&format=&actor=&action=&object=&app=&from=&to= – the append-only
// audit log, newest first, filtered (CSV: every matching entry).
export const GET = consoleRoute({ role: "Console.Reader" }, async ({ request, services }) => {
  const { format, cursor, limit, ...filters } = readQuery(request, auditQuery);
  return format === "csv"
    ? audit.auditCsv(services, filters)
    : Response.json(await audit.auditLog(services, { ...filters, cursor, limit }));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
