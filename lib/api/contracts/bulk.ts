import { z } from "zod";
import { OUTCOMES, provisionSubjectSchema, type ProvisionSubject } from "@/lib/provisioning";
import { MAX_BULK_OBJECTS } from "./bulk-limits";
import { cursorField, jobIdField, page, ruleIdField, servicePrincipalIdField } from "./common";

// Bulk runs: many objects, one provisionOnDemand call each, at the job's pace.

export { MAX_BULK_OBJECTS };

// What an operator pasted or uploaded can be large: 10,000 lines of DNs is about 1 MB.
const TEXT_LIMIT = 2_000_000;

/** The largest body of a bulk-run request: 2 million characters of pasted text, escaped as JSON, fit. */
export const BULK_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/** Where the objects of a bulk run come from, before they are resolved. */
export const bulkSource = z.discriminatedUnion(
  "kind",
  [
    /** Object ids, UPNs or distinguished names, one a line (blank lines and `#` comments ignored). */
    z.strictObject({ kind: z.literal("lines"), text: z.string().max(TEXT_LIMIT, "the list is over 2 MB") }),
    /** A CSV file's text: the column named id, objectId, userPrincipalName, upn, distinguishedName or dn, else the first. */
    z.strictObject({ kind: z.literal("csv"), text: z.string().max(TEXT_LIMIT, "the CSV file is over 2 MB") }),
    /** A group's members (all, or those whose display name or UPN contains `filter`), sent 5 to a call. */
    z.strictObject({
      kind: z.literal("group"),
      groupId: z.string().trim().min(1, "pick a group").max(200),
      filter: z.string().max(200).optional(),
    }),
  ],
  { error: 'source.kind must be "lines", "csv" or "group"' },
);
export type BulkSource = z.infer<typeof bulkSource>;

/** POST /api/bulk-runs/preview body. */
export const bulkPreviewRequest = z.strictObject({
  servicePrincipalId: servicePrincipalIdField,
  jobId: jobIdField,
  source: bulkSource,
});
export type BulkPreviewRequest = z.infer<typeof bulkPreviewRequest>;

/** One object of a bulk run, resolved: what one provisionOnDemand call will carry. */
export const bulkSubject = z.object({
  subject: provisionSubjectSchema,
  /** What the operator will recognise: a UPN, a DN, or "Group name (members 1–5 of 12)". */
  label: z.string(),
  /** A group call's members by name, in the order of memberIds. */
  memberNames: z.array(z.string()).optional(),
  /** Set when the object could not be checked before the run (a DN with no directory to look in). */
  unchecked: z.string().optional(),
});
export type BulkSubject = z.infer<typeof bulkSubject>;

export const bulkLimits = z.object({
  /** Most objects (calls) in one bulk run. */
  maxObjects: z.number(),
  /** Bulk runs that may be active (queued, running or paused) on one job at a time. */
  activePerJob: z.number(),
  /** The provisionOnDemand pace the console keeps for a job. */
  pace: z.object({ limit: z.number(), windowMs: z.number() }),
});
export type BulkLimits = z.infer<typeof bulkLimits>;

/** POST /api/bulk-runs/preview answer: nothing has run yet. */
export const bulkPreview = z.object({
  subjects: z.array(bulkSubject),
  /** Input that could not be resolved, with its line (1-based, null for group sources) and why. */
  unresolved: z.array(z.object({ input: z.string(), line: z.number().nullable(), reason: z.string() })),
  /** Lines that named an object already listed (dropped). */
  duplicates: z.number(),
  /** What the preview could tell would be skipped: an unassigned group, members out of scope. */
  warnings: z.array(z.string()).default([]),
  /** The least time the calls take at the pace. */
  estimatedMs: z.number(),
  limits: bulkLimits,
});
export type BulkPreview = z.infer<typeof bulkPreview>;

/** A subject as a single run takes it, with an optional label for the item table. */
const labelledSubject = z
  .looseObject({ label: z.string().max(1000, "a label is at most 1,000 characters").optional() })
  .transform((entry, ctx): ProvisionSubject & { label?: string } => {
    const { label, ...subject } = entry;
    const parsed = provisionSubjectSchema.safeParse(subject);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.issues.push({ code: "custom", message: issue.message, path: issue.path, input: entry });
      return z.NEVER;
    }
    return label === undefined ? parsed.data : { ...parsed.data, label };
  });

/** POST /api/bulk-runs body (answer: 202 {id}). */
export const bulkRunRequest = z.strictObject({
  servicePrincipalId: servicePrincipalIdField,
  jobId: jobIdField,
  ruleId: ruleIdField,
  /** In order; each checked as a single run's subject would be. */
  subjects: z
    .array(labelledSubject, { error: "subjects must be a list of subjects" })
    .min(1, "give at least one subject")
    .max(MAX_BULK_OBJECTS, `a bulk run takes at most ${MAX_BULK_OBJECTS.toLocaleString("en-US")} subjects`),
});
export type BulkRunRequest = z.infer<typeof bulkRunRequest>;

/** POST /api/bulk-runs answer (202). */
export const bulkRunAccepted = z.object({ id: z.string() });

/** GET /api/bulk-runs?servicePrincipalId=&jobId=&cursor=&limit= */
export const bulkRunListQuery = z.object({
  servicePrincipalId: servicePrincipalIdField.optional(),
  jobId: jobIdField.optional(),
  cursor: cursorField,
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const bulkRunStatus = z.enum(["queued", "running", "paused", "completed", "cancelled"]);
export type BulkRunStatus = z.infer<typeof bulkRunStatus>;

/** pending: waiting its turn · sending: its call is in flight · done: Graph answered (see outcome) ·
 * failed: the call failed · interrupted: in flight when a console stopped (not retried by itself) ·
 * cancelled: the bulk run was cancelled before it was sent. */
export const bulkItemStatus = z.enum(["pending", "sending", "done", "failed", "interrupted", "cancelled"]);
export type BulkItemStatus = z.infer<typeof bulkItemStatus>;

const count = z.number();
export const bulkCounts = z.object({
  Success: count,
  Skipped: count,
  Failure: count,
  Warning: count,
  Unknown: count,
  /** Calls that failed (Graph or network error). */
  failed: count,
  interrupted: count,
  cancelled: count,
  pending: count,
  sending: count,
});
export type BulkCounts = z.infer<typeof bulkCounts>;

/** GET /api/bulk-runs/{id}, and each row of GET /api/bulk-runs. */
export const bulkRunView = z.object({
  id: z.string(),
  status: bulkRunStatus,
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  actor: z.string(),
  servicePrincipalId: z.string(),
  jobId: z.string(),
  ruleId: z.string(),
  labels: z.object({ application: z.string().nullable(), job: z.string().nullable().optional() }),
  total: z.number(),
  /** Items that will not be sent again by themselves: done, failed, interrupted or cancelled. */
  done: z.number(),
  /** Items whose call left (answered, failed, interrupted or in flight). */
  sent: z.number(),
  /** Items never sent: pending, or cancelled before their turn. */
  notSent: z.number(),
  counts: bulkCounts,
  /** The Skipped items by the skip reason Graph gave (null: none given), most first. */
  skippedBy: z.array(z.object({ reason: z.string().nullable(), count: z.number() })),
  /** Time left at the pace measured so far (the pace limit before the first answers); null when finished or paused. */
  etaMs: z.number().nullable(),
  limits: bulkLimits,
});
export type BulkRunView = z.infer<typeof bulkRunView>;
export const bulkRunPage = page(bulkRunView);

/** Filter values of GET /api/bulk-runs/{id}/items?outcome=… */
export const bulkItemFilter = z.enum([...OUTCOMES, ...bulkItemStatus.exclude(["done"]).options]);
export type BulkItemFilter = z.infer<typeof bulkItemFilter>;

/** GET /api/bulk-runs/{id}/items?outcome=&cursor=&limit= */
export const bulkItemsQuery = z.object({
  outcome: bulkItemFilter.optional(),
  cursor: cursorField,
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const bulkItemView = z.object({
  id: z.string(),
  /** 1-based position in the bulk run. */
  position: z.number(),
  status: bulkItemStatus,
  subject: provisionSubjectSchema,
  label: z.string().nullable(),
  /** The run in history for the latest attempt (link: /runs/{runId}). */
  runId: z.string().nullable(),
  outcome: z.string().nullable(),
  action: z.string().nullable(),
  errorCode: z.string().nullable(),
  attempts: z.number(),
  finishedAt: z.string().nullable(),
});
export type BulkItemView = z.infer<typeof bulkItemView>;
export const bulkItemPage = page(bulkItemView);

/**
 * POST /api/bulk-runs/{id}/{action}. Each retry sends exactly its items again: retry-calls the
 * calls that failed, retry-failures the items Graph answered with a provisioning Failure,
 * retry-interrupted those in flight when a console stopped; retry-failed is calls and interrupted.
 */
export const bulkAction = z.enum([
  "pause",
  "resume",
  "cancel",
  "retry-calls",
  "retry-failures",
  "retry-interrupted",
  "retry-failed",
]);
export type BulkAction = z.infer<typeof bulkAction>;
