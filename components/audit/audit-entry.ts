import { jobHealthHref } from "@/components/apps/app-links";
import type { AuditEntry } from "@/lib/api/contracts";

const ACTION_WORDS: Record<string, string> = {
  "run.requested": "Run requested",
  "run.completed": "Run completed",
  "run.failed": "Run failed",
  "share.created": "Link created",
  "share.revoked": "Link revoked",
  "demo.changed": "Demo tenant changed",
  "bulk.created": "Bulk run started",
  "bulk.paused": "Bulk run paused",
  "bulk.resumed": "Bulk run resumed",
  "bulk.cancelled": "Bulk run cancelled",
  "bulk.retried": "Bulk run failures retried",
  "job.connection-tested": "Job connection tested",
  "job.secret-token-updated": "Job secret token updated",
  "job.restarted": "Job restarted",
  "job.paused": "Job paused",
  "job.started": "Job started",
};

/** Every action the log records, in the order the filter offers them. */
export const AUDIT_ACTIONS = Object.keys(ACTION_WORDS) as AuditEntry["action"][];

const SUMMARY_LIMIT = 160;

/** The action in words; an action this console does not know yet is shown as written. */
export function auditActionText(action: string): string {
  return ACTION_WORDS[action] ?? action;
}

/** Where an entry's target leads: the run, for run and share entries; the bulk run; the job's health; demo paths lead nowhere. */
export function auditTargetHref(
  entry: Pick<AuditEntry, "action" | "target"> & { detail?: AuditEntry["detail"] },
): string | null {
  if (!entry.target) return null;
  if (entry.action.startsWith("job.")) {
    const spId = text(record(entry.detail)?.servicePrincipalId);
    return spId ? jobHealthHref(spId, entry.target) : null;
  }
  if (entry.action.startsWith("bulk.")) return `/bulk/${encodeURIComponent(entry.target)}`;
  if (!entry.action.startsWith("run.") && !entry.action.startsWith("share.")) return null;
  return `/runs/${encodeURIComponent(entry.target)}`;
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function shorten(summary: string): string {
  return summary.length > SUMMARY_LIMIT ? `${summary.slice(0, SUMMARY_LIMIT - 1)}…` : summary;
}

function subjectSummary(subject: unknown): string | null {
  const fields = record(subject);
  if (!fields) return null;
  const members = Array.isArray(fields.memberIds) ? fields.memberIds.length : null;
  switch (fields.kind) {
    case "user":
      return text(fields.objectId) && `user ${text(fields.objectId)}`;
    case "group":
      return (
        text(fields.objectId) &&
        `group ${text(fields.objectId)}${members === null ? "" : ` with ${members} member${members === 1 ? "" : "s"}`}`
      );
    case "onPremisesUser":
      return text(fields.distinguishedName) && `on-premises user ${text(fields.distinguishedName)}`;
    default:
      return null;
  }
}

/** Any detail this console has no words for: its plain fields as "name: value", nested ones by name only. */
function genericSummary(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([name, value]) =>
      text(value) === null ? (value === null ? null : name) : `${name}: ${text(value)}`,
    )
    .filter((part): part is string => part !== null)
    .join(", ");
}

/** "Contoso Learning Hub · job 2 of 2 · SCIM → customappsso", as the run recorded it; null before labels were kept. */
function jobSummary(detail: Record<string, unknown>): string | null {
  const job = text(detail.job);
  const application = text(detail.application);
  if (!job) return null;
  return application ? `${application} · ${job}` : job;
}

function specificSummary(
  entry: Pick<AuditEntry, "action" | "detail">,
  detail: Record<string, unknown>,
): string | null {
  switch (entry.action) {
    case "run.requested": {
      const parts = [subjectSummary(detail.subject), text(detail.jobId) && `job ${text(detail.jobId)}`];
      const kept = parts.filter(Boolean);
      return kept.length ? kept.join(" · ") : null;
    }
    case "run.completed": {
      const outcome = text(detail.outcome);
      const code = text(detail.errorCode);
      if (!outcome && !code) return null;
      const result = [outcome && `Outcome ${outcome}`, code && `code ${code}`].filter(Boolean).join(", ");
      return [result, jobSummary(detail)].filter(Boolean).join(" · ");
    }
    case "run.failed": {
      const code = text(detail.errorCode);
      return code && [`Error ${code}`, jobSummary(detail)].filter(Boolean).join(" · ");
    }
    case "share.created": {
      if (typeof detail.redact !== "boolean") return null;
      const expiresAt = text(detail.expiresAt);
      return `${detail.redact ? "Redacted" : "Full values"}, ${expiresAt ? `expires ${expiresAt.slice(0, 10)}` : "never expires"}`;
    }
    case "share.revoked":
      return text(detail.shareId) && `Link ${text(detail.shareId)}`;
    case "job.connection-tested":
    case "job.secret-token-updated":
    case "job.restarted":
    case "job.paused":
    case "job.started": {
      const outcome = text(detail.outcome);
      if (!outcome) return null;
      const parts = [
        outcome === "succeeded"
          ? "Succeeded"
          : `Failed${text(detail.errorCode) ? ` (${text(detail.errorCode)})` : ""}`,
        text(detail.resetScope) && `scope ${text(detail.resetScope)}`,
        text(detail.statusAfter) && `status after ${text(detail.statusAfter)}`,
      ];
      return parts.filter(Boolean).join(", ");
    }
    case "demo.changed": {
      const method = text(detail.method);
      const change = record(detail.change);
      const names = change ? Object.keys(change) : [];
      if (!method) return null;
      return names.length ? `${method}: ${names.join(", ")}` : method;
    }
    default:
      return null;
  }
}

/** One line for the table: what the entry did, in words where the action is known; "" without detail. */
export function summariseAuditDetail(entry: Pick<AuditEntry, "action" | "detail">): string {
  const detail = record(entry.detail);
  if (!detail) return "";
  return shorten(specificSummary(entry, detail) ?? genericSummary(detail));
}
