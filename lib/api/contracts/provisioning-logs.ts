import { z } from "zod";
import { provisionSubjectSchema, type ProvisioningLogEvent } from "@/lib/provisioning";
import { cursorField, jobIdField, page, servicePrincipalIdField } from "./common";
import { runStatus } from "./runs";

// The provisioning logs (GET /auditLogs/provisioning), each event read by lib/provisioning into the
// same result a run has, joined to the console's run of the same change by changeId.

const filterId = z.string().trim().min(1).max(400);

/** GET /api/provisioning-events?userId=&servicePrincipalId=&jobId=&changeId=&cycleId=&status=&cursor=&limit= */
export const provisioningEventsQuery = z.object({
  /** The user's object id: their events as source (apps) or target (Cloud Sync). */
  userId: filterId.optional(),
  servicePrincipalId: servicePrincipalIdField.optional(),
  jobId: jobIdField.optional(),
  changeId: filterId.optional(),
  cycleId: filterId.optional(),
  status: z.enum(["success", "failure", "skipped", "warning"]).optional(),
  cursor: cursorField,
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ProvisioningEventsQuery = z.infer<typeof provisioningEventsQuery>;

/** A run of this console, as a link from the log entry of the same change. */
export const runLink = z.object({
  id: z.string(),
  status: runStatus,
  createdAt: z.string(),
  outcome: z.string().nullable(),
  action: z.string().nullable(),
  bulkRunId: z.string().nullable(),
});
export type RunLink = z.infer<typeof runLink>;

export const provisioningEventView = z.object({
  /** Parsed by lib/provisioning, whose types describe it; what it could not read is in result.warnings. */
  event: z.custom<ProvisioningLogEvent>(),
  run: runLink.nullable(),
});
export type ProvisioningEventView = z.infer<typeof provisioningEventView>;
export const provisioningEventPage = page(provisioningEventView);

/** GET /api/provisioning-events/{id} answers one provisioningEventView. */

/** GET /api/service-principals/{spId}/jobs/{jobId}/failures — objects whose latest event failed. */
export const failureWaiting = z.object({
  /** The object's id in the log (source identity), or its name when the log gives none. */
  key: z.string(),
  label: z.string(),
  /** What a retry sends, or why it cannot be sent from here. */
  subject: provisionSubjectSchema.nullable(),
  problem: z.string().nullable(),
  lastFailure: z.object({
    eventId: z.string().nullable(),
    activityDateTime: z.string().nullable(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
  }),
  /** Failed events of this object in the period read. */
  failures: z.number(),
});
export type FailureWaiting = z.infer<typeof failureWaiting>;

export const failuresWaiting = z.object({
  /** Failures since this time are read. */
  since: z.string(),
  /** The rule a retry uses (the job's rule for provisioning on demand), or null when it has none. */
  rule: z.object({ id: z.string(), name: z.string() }).nullable(),
  items: z.array(failureWaiting),
  /** More events than the console reads at once matched: the oldest are not shown. */
  truncated: z.boolean(),
});
export type FailuresWaiting = z.infer<typeof failuresWaiting>;
