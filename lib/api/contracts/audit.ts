import { z } from "zod";
import { cursorField, page } from "./common";

export const auditAction = z.enum([
  "run.requested",
  "run.completed",
  "run.failed",
  "share.created",
  "share.revoked",
  "demo.changed",
  "bulk.created",
  "bulk.paused",
  "bulk.resumed",
  "bulk.cancelled",
  "bulk.retried",
  "job.connection-tested",
  "job.secret-token-updated",
  "job.restarted",
  "job.paused",
  "job.started",
]);
export type AuditAction = z.infer<typeof auditAction>;

export const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: auditAction,
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  graphRequestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** GET /api/audit?cursor=&limit=&format= */
export const auditQuery = z.object({
  cursor: cursorField,
  limit: z.coerce.number().int().min(1).max(500).default(100),
  format: z.enum(["json", "csv"]).default("json"),
});
export const auditPage = page(auditEntry);
