import { z } from "zod";
import { runContent } from "./runs";

/** Longest a shared link may live. */
export const MAX_SHARE_DAYS = 90;

/** POST /api/runs/{id}/shares body. */
export const shareRequest = z.strictObject({
  redact: z.boolean({ error: "redact must be true or false" }),
  expiresInDays: z.number().int().min(1).max(MAX_SHARE_DAYS).optional(),
});
export type ShareRequest = z.infer<typeof shareRequest>;

/** POST /api/runs/{id}/shares answer (201). */
export const shareCreated = z.object({
  id: z.string(),
  url: z.string(),
  expiresAt: z.string().nullable(),
  redact: z.boolean(),
});
export type ShareCreated = z.infer<typeof shareCreated>;

/** One link made for a run, with its state. */
export const shareLink = z.object({
  id: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  redact: z.boolean(),
});
export type ShareLink = z.infer<typeof shareLink>;
/** GET /api/runs/{id}/shares */
export const shareLinkList = z.object({ items: z.array(shareLink) });

/**
 * GET /api/shares/{id}: the run as shared, read-only. A link is a capability to this one view and
 * nothing else: it carries no run id, so it opens neither the run, nor its export, nor its links.
 */
export const sharedRun = z.object({
  share: shareLink.omit({ revokedAt: true }),
  run: runContent,
});
export type SharedRun = z.infer<typeof sharedRun>;
