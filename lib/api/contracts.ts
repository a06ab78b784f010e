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
