import { describeKind, isRecord, nullableText, type JsonRecord } from "./field-text";
import { parseReport } from "./parse-report";
import { errorOf } from "./parse-result";
import type { Outcome, ProvisioningParty, ProvisioningReport, ProvisioningResult } from "./result";

// One event of the provisioning logs (GET /auditLogs/provisioning, a provisioningObjectSummary) read
// into the same ProvisioningResult a run's answer gives, so one timeline and one diff show both.

/** Who started the event: a scheduled cycle of the service, or someone (provision on demand). */
export type EventOrigin = "cycle" | "onDemand" | "unknown";

export interface ProvisioningLogEvent {
  id: string | null;
  activityDateTime: string | null;
  jobId: string | null;
  cycleId: string | null;
  changeId: string | null;
  servicePrincipal: { id: string | null; displayName: string | null };
  initiatedBy: { type: string | null; id: string | null; displayName: string | null };
  origin: EventOrigin;
  durationMs: number | null;
  /** Create, Update, Delete, StagedDelete, Disable, Other — or the text as given when unknown. */
  action: string | null;
  outcome: Outcome;
  errorCode: string | null;
  errorMessage: string | null;
  source: ProvisioningParty;
  target: ProvisioningParty;
  /** One report: the steps and modified properties, as a run shows them; `raw.value` is the entry. */
  result: ProvisioningResult;
}

const ACTIONS = new Map(
  ["Create", "Update", "Delete", "StagedDelete", "Disable", "Other"].map((a) => [a.toLowerCase(), a]),
);

/** `create` (v1.0) and `Create` (beta's older `action`, provisionOnDemand) read the same. */
export function normaliseAction(action: string | null): string | null {
  if (action === null) return null;
  return ACTIONS.get(action.trim().toLowerCase()) ?? action;
}

// v1.0's reference example spells the field "initiatingType"; the resource type says "initiatorType".
function initiatorOf(value: unknown): ProvisioningLogEvent["initiatedBy"] {
  const who = isRecord(value) ? value : {};
  return {
    type: nullableText(who.initiatorType ?? who.initiatingType),
    id: nonEmpty(who.id),
    displayName: nonEmpty(who.displayName),
  };
}

function originOf(initiator: ProvisioningLogEvent["initiatedBy"]): EventOrigin {
  const type = initiator.type?.trim().toLowerCase();
  if (type === "system") return "cycle";
  if (type === "user" || type === "application") return "onDemand";
  return "unknown";
}

function nonEmpty(value: unknown): string | null {
  const text = nullableText(value);
  return text === null || text.trim() === "" ? null : text;
}

/** The documented shape is one object; a live record was seen with a list of one. */
function servicePrincipalOf(value: unknown): ProvisioningLogEvent["servicePrincipal"] {
  const sp = Array.isArray(value) ? value[0] : value;
  if (!isRecord(sp)) return { id: null, displayName: null };
  return { id: nonEmpty(sp.id), displayName: nonEmpty(sp.displayName) };
}

function isoTime(value: unknown, label: string, warnings: string[]): string | null {
  const text = nonEmpty(value);
  if (text === null) {
    warnings.push(`The event has no ${label}.`);
    return null;
  }
  if (Number.isNaN(Date.parse(text))) {
    warnings.push(`The event's ${label} "${text}" is not a date and time.`);
    return null;
  }
  return text;
}

function durationOf(value: unknown, warnings: string[]): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  warnings.push(
    `The event's durationInMilliseconds is ${describeKind(value)}, not a number of milliseconds.`,
  );
  return null;
}

/** A log entry does not name the object the way a run does: its step details and identities do. */
function withReportableIdentifier(report: ProvisioningReport): ProvisioningReport {
  if (report.reportableIdentifier !== null) return report;
  const fromSteps = report.steps
    .map((step) => step.details.ReportableIdentifier)
    .find((name) => name !== undefined && name.trim() !== "");
  const name = fromSteps ?? report.source.displayName ?? report.target.displayName;
  return { ...report, reportableIdentifier: name && name.trim() !== "" ? name : null };
}

function endOf(start: string | null, durationMs: number | null): string | null {
  if (start === null || durationMs === null) return null;
  return new Date(Date.parse(start) + durationMs).toISOString();
}

function unreadableEntry(entry: unknown, warning: string): ProvisioningLogEvent {
  const party = { system: null, id: null, type: null, displayName: null };
  return {
    id: null,
    activityDateTime: null,
    jobId: null,
    cycleId: null,
    changeId: null,
    servicePrincipal: { id: null, displayName: null },
    initiatedBy: { type: null, id: null, displayName: null },
    origin: "unknown",
    durationMs: null,
    action: null,
    outcome: "Unknown",
    errorCode: null,
    errorMessage: null,
    source: party,
    target: party,
    result: {
      outcome: "Unknown",
      resultText: null,
      errorCode: null,
      errorMessage: null,
      reports: [],
      warnings: [warning],
      wireShape: "provisioning-log",
      keyTypeName: null,
      odataContext: null,
      raw: { key: null, value: entry },
    },
  };
}

/**
 * Reads one provisioningObjectSummary, in v1.0's shape (provisioningAction, provisioningStatusInfo
 * with errorInformation, provisioningStepType) or beta's (which adds the older action and statusInfo).
 * Never throws: what it cannot read becomes a warning, and the entry itself stays in `result.raw.value`.
 */
export function parseProvisioningLogEntry(entry: unknown): ProvisioningLogEvent {
  if (!isRecord(entry))
    return unreadableEntry(entry, `The log entry is ${describeKind(entry)}, not a provisioning event.`);
  try {
    return parseEntry(entry);
  } catch {
    // Only reachable through hostile inputs such as throwing getters; the entry stays visible.
    return unreadableEntry(entry, "The log entry could not be read.");
  }
}

function parseEntry(entry: JsonRecord): ProvisioningLogEvent {
  const warnings: string[] = [];
  const id = nonEmpty(entry.id);
  if (id === null) warnings.push("The event has no id.");
  const activityDateTime = isoTime(entry.activityDateTime, "activityDateTime", warnings);
  const durationMs = durationOf(entry.durationInMilliseconds, warnings);
  if (entry.provisioningStatusInfo === undefined && entry.statusInfo === undefined)
    warnings.push("The event has no provisioningStatusInfo, so its outcome is taken from its steps.");

  const parsed = parseReport(entry, "event", warnings);
  const report = withReportableIdentifier({
    ...parsed,
    // provisioningAction is v1.0's; beta's deprecated `action` may sit beside it with other casing.
    action: normaliseAction(nullableText(entry.provisioningAction) ?? parsed.action),
    startTime: activityDateTime,
    endTime: endOf(activityDateTime, durationMs),
  });
  const { errorCode, errorMessage } = errorOf(null, [report]);
  const initiatedBy = initiatorOf(entry.initiatedBy);
  return {
    id,
    activityDateTime,
    jobId: nonEmpty(entry.jobId),
    cycleId: nonEmpty(entry.cycleId),
    changeId: nonEmpty(entry.changeId),
    servicePrincipal: servicePrincipalOf(entry.servicePrincipal),
    initiatedBy,
    origin: originOf(initiatedBy),
    durationMs,
    action: report.action,
    outcome: report.status,
    errorCode,
    errorMessage,
    source: report.source,
    target: report.target,
    result: {
      outcome: report.status,
      resultText: report.statusText,
      errorCode,
      errorMessage,
      reports: [report],
      warnings,
      wireShape: "provisioning-log",
      keyTypeName: null,
      odataContext: null,
      raw: { key: null, value: entry },
    },
  };
}
