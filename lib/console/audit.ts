import "server-only";
import type { AuditEntry, Page } from "@/lib/api/contracts";
import { downloadResponse } from "@/lib/api/download";
import { auditAsCsv, listAudit } from "@/lib/runs";
import type { ConsoleServices } from "./services";

// The append-only audit log.

type Services = Pick<ConsoleServices, "db">;

export function auditLog(
  services: Services,
  page: { cursor?: string; limit: number },
): Promise<Page<AuditEntry>> {
  return listAudit(services.db, page);
}

/** The whole log as a CSV download, streamed page by page. */
export function auditCsv(services: Services): Response {
  return downloadResponse(auditAsCsv(services.db), { filename: "audit-log", type: "csv" });
}
