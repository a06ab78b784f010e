import type { CodeSeverity } from "./code-catalog";
import { explainCode } from "./explain-code";
import type { Outcome, ProvisioningReport, ProvisioningStep } from "./result";
import {
  failedFilterNames,
  flagOf,
  importedAttributesOf,
  scopeFactsOf,
  type ScopeFacts,
} from "./scope-facts";

/** Why an object is not entitled for provisioning, as the Scoping step's details show it. */
export type OutOfScopeReason =
  | "sourceSoftDeleted"
  | "sourceDisabled"
  | "notAssigned"
  | "scopingFilter"
  /** Not entitled, but the details name no cause (a broken assignment, only the default access role…). */
  | "notEntitled";

export type ReportCause =
  | "created"
  | "updated"
  | "disabled"
  | "deleted"
  | "succeeded"
  | "alreadyInSync"
  /** Out of scope, and the target already holds the object disabled: nothing to send. */
  | "alreadyDeprovisioned"
  /** Out of scope and skipped: nothing was written. */
  | "outOfScope"
  | "skipped"
  | "failed"
  | "unknown";

/** What the modified properties of a report are. */
export type PropertiesMeaning =
  /** Old and new values of what was written. */
  | "changes"
  /** Only new values are reported (Cloud Sync), so whether each changed is not known. */
  | "newValues"
  /** What the service meant to write when it failed. */
  | "attempted"
  /** A skip: the values the service read and compared; nothing was written. */
  | "evaluated";

export type ExplanationTone = "success" | CodeSeverity;

/** How the console shows a step: the service's own word, unless the step's details contradict it. */
export interface StepVerdict {
  label: string;
  outcome: Outcome;
  /** The service wrote a different status (e.g. "Success" for a user the details put out of scope). */
  contradicts: boolean;
}

export interface ReportExplanation {
  cause: ReportCause;
  tone: ExplanationTone;
  headline: string;
  meaning: string;
  /** What to do next, most useful first. */
  advice: string[];
  /** The error code or skip reason the explanation rests on. */
  code: string | null;
  reasons: OutOfScopeReason[];
  /** Names of the scoping filters that did not hold, when the filters decided. */
  failedFilters: string[];
  /** The advice sends the admin to the application's "Users and groups" page. */
  offerAssignment: boolean;
  properties: PropertiesMeaning;
  scope: ScopeFacts | null;
  /** The Scoping step as the console shows it; null when the report has none. */
  scopingVerdict: StepVerdict | null;
}

export interface ExplanationNames {
  /** The object in words ("AdeleV@contoso.com"). */
  object?: string | null;
  /** The target in words: the application's name, else the target system. */
  target?: string | null;
}

const SUCCESS_CAUSE: Record<string, ReportCause> = {
  create: "created",
  update: "updated",
  disable: "disabled",
  delete: "deleted",
  stageddelete: "deleted",
};

/**
 * A report in plain words, computed from what its steps say: the headline, the step status shown and
 * the advice agree with the details (a user the Scoping step puts out of scope is never "in sync").
 */
export function explainReport(report: ProvisioningReport, names: ExplanationNames = {}): ReportExplanation {
  const scope = scopeFactsOf(report);
  const reasons = scope ? outOfScopeReasons(scope, importedAttributesOf(report)) : [];
  const failedFilters = scope && reasons.includes("scopingFilter") ? failedFilterNames(scope) : [];
  const context: Context = {
    report,
    scope,
    reasons,
    failedFilters,
    object: names.object?.trim() || report.reportableIdentifier || report.source.displayName || "The object",
    target: names.target?.trim() || report.target.system || "the target",
    kind: objectKindOf(report),
    code: codeOf(report),
  };
  const explained = explainCause(context);
  return {
    ...explained,
    code: explained.code === undefined ? context.code : explained.code,
    reasons,
    failedFilters,
    offerAssignment: reasons.includes("notAssigned"),
    properties: propertiesMeaningOf(report),
    scope,
    scopingVerdict: scopingVerdictOf(report, scope, reasons),
  };
}

interface Context {
  report: ProvisioningReport;
  scope: ScopeFacts | null;
  reasons: OutOfScopeReason[];
  failedFilters: string[];
  object: string;
  target: string;
  /** "user", "group" or "object", for sentences. */
  kind: string;
  code: string | null;
}

type Explained = Pick<ReportExplanation, "cause" | "tone" | "headline" | "meaning" | "advice"> & {
  code?: string | null;
};

function explainCause(c: Context): Explained {
  const { report } = c;
  if (report.status === "Failure") return failed(c);
  const action = report.action?.trim().toLowerCase() ?? "";
  if (report.status === "Success" || report.status === "Warning") {
    const cause = SUCCESS_CAUSE[action];
    if (cause === "created") return created(c);
    if (cause === "updated") return updated(c);
    if (cause === "disabled" || cause === "deleted") return deprovisioned(c, cause);
    return {
      cause: "succeeded",
      tone: report.status === "Warning" ? "warning" : "success",
      headline: report.action ? `Provisioning succeeded: ${report.action}` : "Provisioning succeeded",
      meaning: `The provisioning service finished ${c.object} without an error.`,
      advice: [],
      code: null,
    };
  }
  if (report.status === "Skipped") {
    if (c.reasons.length > 0) {
      return c.code?.toLowerCase() === "redundantexport" ? alreadyDeprovisioned(c) : outOfScope(c);
    }
    if (c.code?.toLowerCase() === "redundantexport") return fromCatalog(c, "alreadyInSync");
    return fromCatalog(c, "skipped");
  }
  return fromCatalog(c, "unknown");
}

function created(c: Context): Explained {
  return {
    cause: "created",
    tone: "success",
    headline: `Created in ${c.target}`,
    meaning: `${c.object} is in scope and nothing in ${c.target} matched it, so the service created it there with the values below.`,
    advice: [],
    code: null,
  };
}

function updated(c: Context): Explained {
  return {
    cause: "updated",
    tone: "success",
    headline: `Updated in ${c.target}`,
    meaning: `${c.object} is in scope and matched an existing ${c.kind} in ${c.target}; the service sent the changes below.`,
    advice: [],
    code: null,
  };
}

function deprovisioned(c: Context, cause: "disabled" | "deleted"): Explained {
  const why = c.reasons.length > 0 ? ` because ${reasonsSentence(c)}` : "";
  const done = cause === "disabled" ? "disabled" : "deleted";
  const meaning =
    cause === "disabled"
      ? `${c.object} is no longer in scope${why}. It stays in ${c.target}, disabled, and keeps its other values; it is not deleted.`
      : `${c.object} is no longer in scope${why}. A group cannot be disabled in ${c.target}, so the service deleted it there.`;
  return {
    cause,
    tone: "warning",
    headline: `${cause === "disabled" ? "Disabled" : "Deleted"} in ${c.target}: ${shortReason(c)}`,
    meaning,
    advice: restoreAdvice(c, done),
    code: null,
  };
}

function alreadyDeprovisioned(c: Context): Explained {
  return {
    cause: "alreadyDeprovisioned",
    tone: "info",
    headline: `Out of scope: already disabled in ${c.target}`,
    meaning: `${c.object} is not in scope because ${reasonsSentence(c)}. ${c.target} already holds it disabled, so nothing was sent.`,
    advice: restoreAdvice(c, "disabled"),
  };
}

function outOfScope(c: Context): Explained {
  const matched = c.report.steps.some(
    (step) => step.kind === "Matching" && /^Retrieved\s/i.test(step.description.trim()),
  );
  const advice = c.reasons.flatMap((reason) => adviceFor(reason, c));
  const meaning = matched
    ? `${c.object} is not in scope because ${reasonsSentence(c)}. It exists in ${c.target} but was left as it is.`
    : `${c.object} is not in scope because ${reasonsSentence(c)}. Nothing was written to ${c.target}.`;
  return {
    cause: "outOfScope",
    tone: c.reasons.includes("notEntitled") ? "warning" : "info",
    headline: `Skipped: ${shortReason(c)}`,
    meaning,
    advice,
  };
}

function failed(c: Context): Explained {
  const code = c.code ?? "";
  const catalog = explainCode(code);
  const advice = [catalog.action];
  const recommended = c.report.statusInfo.recommendedAction?.trim();
  if (recommended) advice.push(`The service recommends: ${recommended}`);
  return {
    cause: "failed",
    tone: "error",
    headline: code ? `Failed: ${catalog.title}` : "Provisioning failed",
    meaning: catalog.meaning,
    advice,
  };
}

function fromCatalog(c: Context, cause: ReportCause): Explained {
  const catalog = explainCode(c.code ?? "");
  if (!c.code) {
    return {
      cause,
      tone: "info",
      headline: cause === "unknown" ? "The outcome is not known" : "Skipped without a reason",
      meaning:
        cause === "unknown"
          ? "The service's answer does not say how provisioning went for this object."
          : "The service skipped the object without naming a reason.",
      advice: ["Look at the scoping and export steps below, and at the raw answer."],
    };
  }
  return {
    cause,
    tone: catalog.severity,
    headline: catalog.title,
    meaning: catalog.meaning,
    advice: [catalog.action],
  };
}

function outOfScopeReasons(scope: ScopeFacts, imported: Record<string, string>): OutOfScopeReason[] {
  const outOfScope = scope.entitled === false || scope.inScope === false || scope.isActive === false;
  if (!outOfScope) return [];
  const reasons: OutOfScopeReason[] = [];
  if (scope.isActive === false) {
    reasons.push(
      flagOf(detailIgnoringCase(imported, "IsSoftDeleted")) ? "sourceSoftDeleted" : "sourceDisabled",
    );
  }
  if (scope.assigned === false) reasons.push("notAssigned");
  if (scope.inScope === false) reasons.push("scopingFilter");
  if (reasons.length === 0) reasons.push("notEntitled");
  return reasons;
}

function reasonPhrase(reason: OutOfScopeReason, c: Context): string {
  const source = c.scope?.flavour === "cloudSync" ? "Active Directory" : "Entra ID";
  switch (reason) {
    case "sourceSoftDeleted":
      return `it is soft-deleted in ${source} (in the deleted users)`;
    case "sourceDisabled":
      return `its account is disabled in ${source}`;
    case "notAssigned":
      return "it is not assigned to the application, directly or through a group it is a direct member of";
    case "scopingFilter":
      return filtersPhrase(c.failedFilters);
    case "notEntitled":
      return "the service does not count it as entitled (the assignment record may be broken, or it has only the default access role)";
  }
}

function filtersPhrase(filters: string[]): string {
  const quoted = filters.map((name) => `'${name}'`);
  if (quoted.length === 0) return "it does not pass the scoping filter";
  if (quoted.length === 1) return `it does not match the scoping filter ${quoted[0]}`;
  return `it matches none of the scoping filters ${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}

function reasonsSentence(c: Context): string {
  const phrases = c.reasons.map((reason) => reasonPhrase(reason, c));
  return phrases.length <= 1
    ? (phrases[0] ?? "")
    : `${phrases.slice(0, -1).join("; ")}; and ${phrases.at(-1)}`;
}

function shortReason(c: Context): string {
  if (c.reasons.length !== 1) return "out of scope for the application";
  const source = c.scope?.flavour === "cloudSync" ? "Active Directory" : "Entra ID";
  switch (c.reasons[0]!) {
    case "sourceSoftDeleted":
      return `soft-deleted in ${source}`;
    case "sourceDisabled":
      return `disabled in ${source}`;
    case "notAssigned":
      return "not assigned to the application";
    case "scopingFilter":
      return c.failedFilters.length === 1
        ? `out of scope of the scoping filter '${c.failedFilters[0]}'`
        : "out of scope of the scoping filters";
    case "notEntitled":
      return "not effectively entitled";
  }
}

function adviceFor(reason: OutOfScopeReason, c: Context): string[] {
  switch (reason) {
    case "notAssigned":
      return [
        `Assign the ${c.kind}, or a group it is a direct member of, to the application on its "Users and groups" page (nested groups do not count), then provision again. A new assignment can take a few minutes to be honoured.`,
      ];
    case "scopingFilter":
      return [
        `Either change the value the scoping filter reads on the ${c.kind}, or change the filter in the application's attribute mappings (Provisioning → Mappings → the ${c.kind} mapping → Source object scope).`,
      ];
    case "sourceDisabled":
      return [
        `Nothing is provisioned for a disabled account. If it should have access, enable it, then provision again. Were it already in ${c.target}, the service would disable it there.`,
      ];
    case "sourceSoftDeleted":
      return [
        `Nothing is provisioned for a deleted account. Restore it from the deleted users if it should have access. Were it already in ${c.target}, the service would disable it there, and delete it once it is deleted for good (when the mapping allows deletes).`,
      ];
    case "notEntitled":
      return [explainCode("NotEffectivelyEntitled").action];
  }
}

/** How access comes back after the object was taken away: undo what put it out of scope. */
function restoreAdvice(c: Context, done: "disabled" | "deleted"): string[] {
  const fixes = c.reasons.map((reason) => {
    switch (reason) {
      case "notAssigned":
        return `assign the ${c.kind} (or a group it is a direct member of) to the application again`;
      case "scopingFilter":
        return `bring the ${c.kind} back inside a scoping filter`;
      case "sourceDisabled":
        return "enable the account";
      case "sourceSoftDeleted":
        return "restore the account from the deleted users";
      case "notEntitled":
        return "repair its assignment";
    }
  });
  const advice: string[] = [];
  if (fixes.length > 0) {
    const then = done === "disabled" ? "it is enabled again" : "it is created again";
    advice.push(`To give access back, ${fixes.join(" and ")}, then provision again: ${then} in ${c.target}.`);
  }
  if (done === "disabled")
    advice.push(
      `If the account should go for good, delete it in ${c.target} yourself; the service only disables it.`,
    );
  return advice;
}

function propertiesMeaningOf(report: ProvisioningReport): PropertiesMeaning {
  if (report.status === "Skipped") return "evaluated";
  if (report.status === "Failure") return "attempted";
  return report.modifiedProperties.some((property) => property.oldValueReported) ? "changes" : "newValues";
}

function scopingVerdictOf(
  report: ProvisioningReport,
  scope: ScopeFacts | null,
  reasons: OutOfScopeReason[],
): StepVerdict | null {
  const step = report.steps.find((s) => s.kind === "Scoping");
  if (!step || !scope) return null;
  return stepVerdictOf(step, reasons.length > 0);
}

/** A step's status as shown: a Scoping step whose details put the object out of scope reads "Out of scope". */
export function stepVerdictOf(step: ProvisioningStep, outOfScope: boolean): StepVerdict {
  const label = step.status.trim() || step.outcome;
  if (step.kind !== "Scoping" || !outOfScope) return { label, outcome: step.outcome, contradicts: false };
  return { label: "Out of scope", outcome: "Skipped", contradicts: step.outcome !== "Skipped" };
}

/** The error code, else the skip reason a step names, else the verdict's own skip code. */
function codeOf(report: ProvisioningReport): string | null {
  const errorCode = report.statusInfo.errorCode?.trim();
  if (errorCode) return errorCode;
  for (const step of report.steps) {
    const reason = step.details.SkipReason?.trim();
    if (reason) return reason;
  }
  return null;
}

function detailIgnoringCase(details: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(details)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function objectKindOf(report: ProvisioningReport): string {
  const type = report.source.type?.toLowerCase() ?? "";
  if (type.includes("group")) return "group";
  if (type.includes("user") || type === "worker") return "user";
  return "object";
}
