import type { RunContent, RunView } from "@/lib/api/contracts";
import type { ProvisionSubject, ProvisioningReport } from "@/lib/provisioning";
import { instantOf, millisecondsBetween } from "./durations";

export interface SummaryFacts {
  /** The object in words: the report's identifier, else the label captured at request time, else the id. */
  object: string;
  /** The source id, when it adds something to `object`. */
  objectId: string | null;
  /** "User", "Group with 2 members", "On-premises user". */
  subjectKind: string;
  action: string | null;
  sourceSystem: string | null;
  targetSystem: string | null;
  /** How long the provisioning service worked on the object(s), from the reports' own times. */
  serviceMs: number | null;
  /** How long Graph took to answer the call. */
  callMs: number | null;
  /** How long the run waited behind the rate limit before the call. */
  queuedMs: number | null;
}

/** The id or distinguished name the request named. */
export function subjectIdOf(subject: ProvisionSubject): string {
  return subject.kind === "onPremisesUser" ? subject.distinguishedName : subject.objectId;
}

export function subjectKindOf(subject: ProvisionSubject): string {
  switch (subject.kind) {
    case "user":
      return "User";
    case "onPremisesUser":
      return "On-premises user";
    case "group":
      return `Group with ${subject.memberIds.length} member${subject.memberIds.length === 1 ? "" : "s"}`;
  }
}

/** The run's name for titles: the label captured when it was requested, else the subject's id. */
export function runTitleOf(run: Pick<RunView, "labels" | "request">): string {
  return run.labels.subject?.trim() || subjectIdOf(run.request.subject);
}

function distinct(values: readonly (string | null)[]): string | null {
  const kept = [...new Set(values.filter((value): value is string => value !== null && value.trim() !== ""))];
  return kept.length === 0 ? null : kept.join(", ");
}

function serviceTime(reports: readonly ProvisioningReport[]): number | null {
  const starts = reports.map((report) => instantOf(report.startTime)).filter((t): t is number => t !== null);
  const ends = reports.map((report) => instantOf(report.endTime)).filter((t): t is number => t !== null);
  if (starts.length === 0 || ends.length === 0) return null;
  return Math.max(...ends) - Math.min(...starts);
}

export function summaryFactsOf(run: RunContent): SummaryFacts {
  const reports = run.result?.reports ?? [];
  const only = reports.length === 1 ? reports[0] : undefined;
  const reported = only?.reportableIdentifier ?? only?.source.displayName ?? null;
  const object = reported ?? runTitleOf(run);
  const sourceId = only?.source.id ?? subjectIdOf(run.request.subject);
  return {
    object,
    objectId: sourceId && sourceId !== object ? sourceId : null,
    subjectKind: subjectKindOf(run.request.subject),
    action: distinct(reports.map((report) => report.action)),
    sourceSystem: distinct(reports.map((report) => report.source.system)),
    targetSystem: distinct(reports.map((report) => report.target.system)),
    serviceMs: serviceTime(reports),
    callMs: millisecondsBetween(run.startedAt, run.finishedAt),
    queuedMs: millisecondsBetween(run.createdAt, run.startedAt),
  };
}
