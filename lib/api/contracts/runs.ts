import { z } from "zod";
import { OUTCOMES, provisionSubjectSchema, type ProvisioningResult } from "@/lib/provisioning";
import { cursorField, isoTimeField, jobIdField, page, ruleIdField, servicePrincipalIdField } from "./common";

// Runs: provisioning one object, its history, comparison and export.

/** POST /api/runs body. */
export const runRequest = z.strictObject({
  servicePrincipalId: servicePrincipalIdField,
  jobId: jobIdField,
  ruleId: ruleIdField,
  subject: provisionSubjectSchema,
});
export type RunRequest = z.infer<typeof runRequest>;

/** POST /api/runs Idempotency-Key header: the same key answers the same run. */
export const idempotencyKeyHeader = z.string().trim().min(1).max(200).nullable();

export const runStatus = z.enum(["queued", "running", "completed", "failed", "interrupted"]);
export type RunStatus = z.infer<typeof runStatus>;

/** POST /api/runs answer (202). */
export const runAccepted = z.object({ id: z.string(), status: runStatus });
export type RunAccepted = z.infer<typeof runAccepted>;

const labels = z.object({
  application: z.string().nullable(),
  subject: z.string().nullable(),
  /** What told the job apart from the application's others when the run was made, e.g. "job 2 of 2 · SCIM → customappsso". */
  job: z.string().nullable().optional(),
});

/** GET /api/runs/{id} */
export const runView = z.object({
  id: z.string(),
  status: runStatus,
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** While queued behind the provisionOnDemand rate limit. */
  queue: z.object({ position: z.number(), startsInMs: z.number() }).nullable(),
  request: runRequest,
  /** Who asked for the run (the demo operator in demo mode). */
  actor: z.string(),
  /** Display names looked up when the run was requested, for lists and titles. */
  labels,
  /** Parsed by lib/provisioning, whose types describe it. */
  result: z.custom<ProvisioningResult>().nullable(),
  /** The change as the provisioning logs name it: the log entry of this run carries the same changeId. */
  changeId: z.string().nullable(),
  error: z
    .object({ code: z.string(), message: z.string(), graphRequestId: z.string().nullable() })
    .nullable(),
  graphRequestId: z.string().nullable(),
  /** The bulk run this run was an item of (link: /bulk/{bulkRunId}). */
  bulkRunId: z.string().nullable(),
});
export type RunView = z.infer<typeof runView>;

/** A run's content without what names it in the console (its id, its bulk run): what a shared link shows. */
export const runContent = runView.omit({ id: true, bulkRunId: true });
export type RunContent = z.infer<typeof runContent>;

/** One row of the history: what was run, by whom, with what result (no payloads). */
export const runListItem = z.object({
  id: z.string(),
  status: runStatus,
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  actor: z.string(),
  /** The operator's name as the console last saw it, when it has. */
  actorName: z.string().nullable(),
  servicePrincipalId: z.string(),
  jobId: z.string(),
  ruleId: z.string(),
  subjectKind: z.enum(["user", "group", "onPremisesUser"]),
  /** Object id, or the distinguished name. */
  subjectKey: z.string(),
  labels,
  outcome: z.string().nullable(),
  action: z.string().nullable(),
  errorCode: z.string().nullable(),
  /** A skip's reason, a provisioning failure's error code or the failed call's code; null for a success. */
  reasonCode: z.string().nullable(),
});
export type RunListItem = z.infer<typeof runListItem>;
/** GET /api/runs?… answer. */
export const runHistoryPage = page(runListItem);

/** GET /api/runs?… filters. */
export const runHistoryQuery = z.object({
  servicePrincipalId: servicePrincipalIdField.optional(),
  jobId: jobIdField.optional(),
  /** Object id, UPN or distinguished name (case-insensitive, exact or label contains). */
  subject: z.string().trim().min(1).max(2048).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  action: z.string().trim().min(1).max(50).optional(),
  /** Operator id, or part of their name or UPN (case-insensitive). */
  actor: z.string().trim().min(1).max(200).optional(),
  /** Skip reason or error code, e.g. RedundantExport (case-insensitive, exact). */
  reason: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,200}$/, "a code of letters, digits, dots, dashes or underscores")
    .optional(),
  /** ISO time bounds, inclusive. */
  from: isoTimeField.optional(),
  to: isoTimeField.optional(),
  cursor: cursorField,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RunHistoryQuery = z.infer<typeof runHistoryQuery>;
export type RunHistoryFilters = Omit<RunHistoryQuery, "cursor" | "limit">;
/** GET /api/runs?…&format=csv: the same filters, every matching run as CSV. */
export const runHistoryRequest = runHistoryQuery.extend({ format: z.enum(["json", "csv"]).default("json") });

/** GET /api/runs/{id}/previous */
export const previousRun = z.object({ previousRunId: z.string().nullable() });
export type PreviousRun = z.infer<typeof previousRun>;

/** GET /api/runs/{id}/export?format= */
export const runExportQuery = z.object({ format: z.enum(["json", "csv"]).default("json") });

/** GET /api/runs/compare?a=&b= */
export const runCompareQuery = z.object({
  a: z.string().trim().min(1).max(100),
  b: z.string().trim().min(1).max(100),
});

const comparedStep = z.object({ status: z.string(), description: z.string() }).nullable();
const compared = z.object({ a: z.string().nullable(), b: z.string().nullable(), same: z.boolean() });

export const runComparison = z.object({
  a: runView,
  b: runView,
  outcome: compared,
  action: compared,
  /** Steps by position and type, only where status or description differ (or one side lacks it). */
  steps: z.array(z.object({ type: z.string(), a: comparedStep, b: comparedStep })),
  /** Attribute values that differ: as imported from the source, and as sent to the target. */
  attributes: z.array(
    z.object({
      name: z.string(),
      where: z.enum(["source", "target"]),
      a: z.string().nullable(),
      b: z.string().nullable(),
    }),
  ),
});
export type RunComparison = z.infer<typeof runComparison>;
