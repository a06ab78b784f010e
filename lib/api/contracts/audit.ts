import { z } from "zod";
import { cursorField, isoTimeField, page } from "./common";

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
  /** The actor's name as the console last saw it. */
  actorName: z.string().nullable(),
  /** What the entry is about when it is a user, group or on-premises user (a run's or a share's object). */
  object: z.object({ id: z.string(), name: z.string().nullable(), kind: z.string() }).nullable(),
  /** The application (service principal) the entry concerns, when it names one. */
  application: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

const searchText = z.string().trim().min(1).max(200);

/** GET /api/audit?… filters, each optional; text ones match part of a name, UPN or id, case-insensitive. */
export const auditFilters = z.object({
  actor: searchText.optional(),
  action: auditAction.optional(),
  /** The target: a user or group by part of its name or id, or the run, bulk run, job or demo path. */
  object: searchText.optional(),
  /** The application by part of its name, or its service principal id. */
  app: searchText.optional(),
  /** ISO time bounds, inclusive. */
  from: isoTimeField.optional(),
  to: isoTimeField.optional(),
});
export type AuditFilters = z.infer<typeof auditFilters>;

/** GET /api/audit?cursor=&limit=&format=&actor=&action=&object=&app=&from=&to= */
export const auditQuery = auditFilters.extend({
  cursor: cursorField,
  limit: z.coerce.number().int().min(1).max(500).default(100),
  format: z.enum(["json", "csv"]).default("json"),
});
export const auditPage = page(auditEntry);
