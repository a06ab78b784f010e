// What the BFF answers, as the browser sees it. Route handlers produce these shapes; the pages
// consume them. Types only: nothing here runs.
import type { ProvisioningResult, ProvisionSubject } from "@/lib/provisioning";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ServicePrincipalSummary {
  id: string;
  appId: string;
  displayName: string;
  jobCount: number;
  /** The job status codes at a glance, e.g. ["Active", "Quarantine"]. */
  jobStatuses: string[];
}

export interface JobSummary {
  id: string;
  templateId: string;
  status: {
    code: string;
    lastExecution: { state: string | null; timeBegan: string | null; timeEnded: string | null } | null;
    [key: string]: unknown;
  };
  schedule: { interval: string | null; state: string | null; expiration: string | null } | null;
  quarantine: {
    reason: string | null;
    currentBegan: string | null;
    nextAttempt: string | null;
    seriesCount: number | null;
    error: { code: string | null; message: string | null } | null;
  } | null;
}

export interface RuleSummary {
  id: string;
  name: string;
  sourceDirectoryName: string;
  targetDirectoryName: string;
  supportsProvisionOnDemand: boolean;
  /** Source object names the rule maps, e.g. ["User", "Group"] or ["user"] for Cloud Sync. */
  objectTypes: string[];
}

export interface DirectoryUserSummary {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
}

export interface DirectoryGroupSummary {
  id: string;
  displayName: string;
}

export interface GroupMemberSummary {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

export type RunStatus = "queued" | "running" | "completed" | "failed" | "interrupted";

/** POST /api/runs body. */
export interface RunRequest {
  servicePrincipalId: string;
  jobId: string;
  ruleId: string;
  subject: ProvisionSubject;
}

export interface RunView {
  id: string;
  status: RunStatus;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** While queued behind the provisionOnDemand rate limit. */
  queue: { position: number; startsInMs: number } | null;
  request: RunRequest;
  /** Who asked for the run (the demo operator in demo mode). */
  actor: string;
  /** Display names captured when the run was requested, for lists and titles. */
  labels: { application: string | null; subject: string | null };
  result: ProvisioningResult | null;
  error: { code: string; message: string; graphRequestId: string | null } | null;
  graphRequestId: string | null;
  /** The bulk run this run was an item of (link: /bulk/{bulkRunId}). */
  bulkRunId: string | null;
}

/** POST /api/runs answer (202). */
export interface RunAccepted {
  id: string;
  status: RunStatus;
}

/** One row of the history: what was run, by whom, with what result (no payloads). */
export interface RunListItem {
  id: string;
  status: RunStatus;
  createdAt: string;
  finishedAt: string | null;
  actor: string;
  servicePrincipalId: string;
  jobId: string;
  ruleId: string;
  subjectKind: ProvisionSubject["kind"];
  /** Object id, or the distinguished name. */
  subjectKey: string;
  labels: { application: string | null; subject: string | null };
  outcome: string | null;
  action: string | null;
  errorCode: string | null;
}

export interface RunHistoryFilters {
  servicePrincipalId?: string;
  jobId?: string;
  /** Object id, UPN or distinguished name (case-insensitive, exact or label contains). */
  subject?: string;
  outcome?: string;
  action?: string;
  actor?: string;
  /** ISO time bounds, inclusive. */
  from?: string;
  to?: string;
}

export interface ShareCreated {
  id: string;
  url: string;
  expiresAt: string | null;
  redact: boolean;
}

/** GET /api/shares/{id}: the run as shared, read-only. */
export interface SharedRun {
  share: { id: string; createdAt: string; createdBy: string; expiresAt: string | null; redact: boolean };
  run: RunView;
}

export interface RunComparison {
  a: RunView;
  b: RunView;
  outcome: { a: string | null; b: string | null; same: boolean };
  action: { a: string | null; b: string | null; same: boolean };
  /** Steps by position and type, only where status or description differ (or one side lacks it). */
  steps: {
    type: string;
    a: { status: string; description: string } | null;
    b: { status: string; description: string } | null;
  }[];
  /** Attribute values that differ: as imported from the source, and as sent to the target. */
  attributes: { name: string; where: "source" | "target"; a: string | null; b: string | null }[];
}

// ── Bulk runs ────────────────────────────────────────────────────────────────────────────────

/** Where the objects of a bulk run come from, before they are resolved. */
export type BulkSource =
  /** Object ids, UPNs or distinguished names, one a line (blank lines and `#` comments ignored). */
  | { kind: "lines"; text: string }
  /** A CSV file's text: the column named id, objectId, userPrincipalName, upn, distinguishedName or dn, else the first. */
  | { kind: "csv"; text: string }
  /** A group's members (all, or those whose display name or UPN contains `filter`), sent 5 to a call. */
  | { kind: "group"; groupId: string; filter?: string };

/** POST /api/bulk-runs/preview body. */
export interface BulkPreviewRequest {
  servicePrincipalId: string;
  jobId: string;
  source: BulkSource;
}

/** One object of a bulk run, resolved: what one provisionOnDemand call will carry. */
export interface BulkSubject {
  subject: ProvisionSubject;
  /** What the operator will recognise: a UPN, a DN, or "Group name (members 1–5 of 12)". */
  label: string;
}

export interface BulkLimits {
  /** Most objects (calls) in one bulk run. */
  maxObjects: number;
  /** Bulk runs that may be active (queued, running or paused) on one job at a time. */
  activePerJob: number;
  /** The provisionOnDemand pace the console keeps for a job. */
  pace: { limit: number; windowMs: number };
}

/** POST /api/bulk-runs/preview answer: nothing has run yet. */
export interface BulkPreview {
  subjects: BulkSubject[];
  /** Input that could not be resolved, with its line (1-based, null for group sources) and why. */
  unresolved: { input: string; line: number | null; reason: string }[];
  /** Lines that named an object already listed (dropped). */
  duplicates: number;
  /** The least time the calls take at the pace. */
  estimatedMs: number;
  limits: BulkLimits;
}

/** POST /api/bulk-runs body (answer: 202 {id}). */
export interface BulkRunRequest {
  servicePrincipalId: string;
  jobId: string;
  ruleId: string;
  /** In order; an optional label per subject is kept for the item table. */
  subjects: (ProvisionSubject & { label?: string })[];
}

export type BulkRunStatus = "queued" | "running" | "paused" | "completed" | "cancelled";

/** pending: waiting its turn · sending: its call is in flight · done: Graph answered (see outcome) ·
 * failed: the call failed · interrupted: in flight when a console stopped (not retried by itself) ·
 * cancelled: the bulk run was cancelled before it was sent. */
export type BulkItemStatus = "pending" | "sending" | "done" | "failed" | "interrupted" | "cancelled";

export interface BulkCounts {
  Success: number;
  Skipped: number;
  Failure: number;
  Warning: number;
  Unknown: number;
  /** Calls that failed (Graph or network error). */
  failed: number;
  interrupted: number;
  cancelled: number;
  pending: number;
  sending: number;
}

export interface BulkRunView {
  id: string;
  status: BulkRunStatus;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  actor: string;
  servicePrincipalId: string;
  jobId: string;
  ruleId: string;
  labels: { application: string | null };
  total: number;
  /** Items that will not be sent again by themselves: done, failed, interrupted or cancelled. */
  done: number;
  counts: BulkCounts;
  /** Time left at the pace measured so far (the pace limit before the first answers); null when finished or paused. */
  etaMs: number | null;
  limits: BulkLimits;
}

/** Filter values of GET /api/bulk-runs/{id}/items?outcome=… */
export type BulkItemFilter =
  | "Success"
  | "Skipped"
  | "Failure"
  | "Warning"
  | "Unknown"
  | "failed"
  | "interrupted"
  | "cancelled"
  | "pending"
  | "sending";

export interface BulkItemView {
  id: string;
  /** 1-based position in the bulk run. */
  position: number;
  status: BulkItemStatus;
  subject: ProvisionSubject;
  label: string | null;
  /** The run in history for the latest attempt (link: /runs/{runId}). */
  runId: string | null;
  outcome: string | null;
  action: string | null;
  errorCode: string | null;
  attempts: number;
  finishedAt: string | null;
}
