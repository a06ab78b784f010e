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
