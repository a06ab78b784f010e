import "server-only";
import type { AuditEntry, AuditFilters, Page } from "@/lib/api/contracts";
import { downloadResponse } from "@/lib/api/download";
import { auditAsCsv, listAudit } from "@/lib/runs";
import type { ConsoleServices } from "./services";

// The append-only audit log.

type Services = Pick<ConsoleServices, "db">;

export function auditLog(
  services: Services,
  query: AuditFilters & { cursor?: string; limit: number },
): Promise<Page<AuditEntry>> {
  return listAudit(services.db, query);
}

/** The entries the filters match (all of them without filters) as a CSV download, streamed page by page. */
export function auditCsv(services: Services, filters: AuditFilters = {}): Response {
  return downloadResponse(auditAsCsv(services.db, filters), { filename: "audit-log", type: "csv" });
}
