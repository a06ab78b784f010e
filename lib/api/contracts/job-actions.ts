import { z } from "zod";
import { cursorField, page } from "./common";

// Acting on a synchronization job: test its connection, replace the target's secret token, restart
// it with a reset scope, pause and start it. Each action is recorded on the job's timeline.

/** The actions, as they appear in the path: POST /api/service-principals/{spId}/jobs/{jobId}/actions/{action}. */
export const jobActionKind = z.enum(["test-connection", "secret-token", "restart", "pause", "start"]);
export type JobActionKind = z.infer<typeof jobActionKind>;

/**
 * What a restart resets (Graph's `resetScope`). `None` and `ConnectorDataStore` are left out:
 * Microsoft says not to use them (Start instead, or ask support).
 */
export const resetScope = z.enum(["QuarantineState", "Watermark", "Escrows", "Full", "ForceDeletes"]);
export type ResetScope = z.infer<typeof resetScope>;

/** Scopes that can push changes or deletions through to the app: the caller must type the app's name. */
export const CONFIRMED_RESET_SCOPES: readonly ResetScope[] = ["Full", "ForceDeletes"];

/** The longest secret token accepted (Graph stores a few kilobytes; a JWT from a SaaS app is ~1–2 KB). */
export const MAX_SECRET_TOKEN_LENGTH = 8_192;

/** POST …/actions/secret-token body. The token is write-only: never answered, logged or stored here. */
export const secretTokenRequest = z.strictObject({
  secretToken: z
    .string({ error: "secretToken: give the new secret token as text" })
    .min(1, "give the new secret token")
    .max(MAX_SECRET_TOKEN_LENGTH, `the secret token is longer than ${MAX_SECRET_TOKEN_LENGTH} characters`)
    .refine((token) => token.trim() === token, "the secret token starts or ends with a space; paste it again")
    .refine((token) => !/[\r\n]/.test(token), "the secret token holds a line break; paste it again"),
});
export type SecretTokenRequest = z.infer<typeof secretTokenRequest>;

/** POST …/actions/restart body; `confirmation` must be the application's display name for Full and ForceDeletes. */
export const restartRequest = z.strictObject({
  resetScope: resetScope,
  confirmation: z.string().max(400).optional(),
});
export type RestartRequest = z.infer<typeof restartRequest>;

/** What went wrong, in Graph's words and the console's. */
export const jobActionError = z.object({
  /** Graph's error code (or the console's, e.g. NetworkError, Timeout). */
  code: z.string(),
  /** Graph's message as it came. */
  message: z.string(),
  /** What it means and what to do, in plain words. */
  explanation: z.object({ title: z.string(), meaning: z.string(), action: z.string() }),
  /** Graph's answer as received, when it was not an error object the console understood. */
  raw: z.string().nullable(),
});
export type JobActionError = z.infer<typeof jobActionError>;

/** One Graph call an action made, for support tickets. */
export const jobActionCall = z.object({
  /** e.g. "PUT synchronization/secrets", "POST validateCredentials". */
  call: z.string(),
  ok: z.boolean(),
  status: z.number().nullable(),
  graphRequestId: z.string().nullable(),
});
export type JobActionCall = z.infer<typeof jobActionCall>;

/** One action on a job, as its timeline shows it. */
export const jobAction = z.object({
  id: z.string(),
  servicePrincipalId: z.string(),
  jobId: z.string(),
  action: jobActionKind,
  /** Restart only. */
  resetScope: resetScope.nullable(),
  actor: z.string(),
  actorName: z.string().nullable(),
  requestedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** running while Graph is asked; interrupted when the console stopped before Graph answered. */
  outcome: z.enum(["running", "succeeded", "failed", "interrupted"]),
  error: jobActionError.nullable(),
  /** The job's status code read from Graph just before the action (Active, Paused, Quarantine, …). */
  statusBefore: z.string().nullable(),
  /** The job's status code read from Graph right after the action. */
  statusAfter: z.string().nullable(),
  calls: z.array(jobActionCall),
  /** The request id of the action's main Graph call (the one the audit entry carries). */
  graphRequestId: z.string().nullable(),
});
export type JobAction = z.infer<typeof jobAction>;

/** The answer to an action: what was recorded; `replayed` when the Idempotency-Key was seen before. */
export const jobActionAnswer = jobAction.extend({ replayed: z.boolean() });
export type JobActionAnswer = z.infer<typeof jobActionAnswer>;

/** GET …/actions?cursor=&limit= */
export const jobTimelineQuery = z.object({
  cursor: cursorField,
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type JobTimelineQuery = z.infer<typeof jobTimelineQuery>;
export const jobTimeline = page(jobAction);
