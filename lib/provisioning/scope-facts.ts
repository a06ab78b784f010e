import { decodeJson, isRecord } from "./field-text";
import type { ProvisioningReport, ProvisioningStep } from "./result";

/** One scoping clause as the Scoping step reports it, and whether it held. */
export interface ReportedClause {
  /** The scoping filter (Graph's filter group) it belongs to, e.g. "Sales department". */
  filter: string | null;
  attribute: string | null;
  operator: string | null;
  values: string[];
  held: boolean;
  /** The clause exactly as the service wrote it. */
  text: string;
}

/** A scoping filter holds when every clause holds; the object is in scope when any filter holds. */
export interface ReportedFilter {
  name: string | null;
  held: boolean;
  clauses: ReportedClause[];
}

/** What the Scoping step says about the object, read from its details. */
export interface ScopeFacts {
  /** "app" (Entra ID → an application) or "cloudSync" (Active Directory → Entra ID). */
  flavour: "app" | "cloudSync";
  /** Enabled and not soft-deleted in the source. */
  isActive: boolean | null;
  assigned: boolean | null;
  entitled: boolean | null;
  /** Passes the scoping filters. */
  inScope: boolean | null;
  filters: ReportedFilter[];
  /** ScopeEvaluationResult as written, when it could not be read as clauses. */
  unreadableEvaluation: string | null;
  skipReason: string | null;
  /** The step's own status word ("Success", "Skipped"). */
  stepStatus: string;
}

// Longest first, so "NOT EQUALS" is not read as "EQUALS" and "IS NOT NULL" not as "IS NULL".
const OPERATORS = [
  "GREATER THAN OR EQUALS",
  "GREATER_THAN_OR_EQUALS",
  "NOT REGEX MATCH",
  "REGEX MATCH",
  "GREATER THAN",
  "GREATER_THAN",
  "IS NOT NULL",
  "NOT EQUALS",
  "ENDS WITH",
  "ENDS_WITH",
  "INCLUDES",
  "IS FALSE",
  "IS TRUE",
  "IS NULL",
  "EQUALS",
  "!&",
  "&",
];

/** "True"/"False" in any case; anything else is not known. */
export function flagOf(text: string | undefined): boolean | null {
  const value = text?.trim().toLowerCase();
  if (value === "true") return true;
  if (value === "false") return false;
  return null;
}

function detail(step: ProvisioningStep, ...names: string[]): string | undefined {
  for (const name of names) {
    const wanted = name.toLowerCase();
    for (const [key, value] of Object.entries(step.details)) if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** The report's Scoping step, or null when it has none. */
export function scopingStepOf(report: ProvisioningReport): ProvisioningStep | null {
  return report.steps.find((step) => step.kind === "Scoping") ?? null;
}

/** The scoping facts of a report, or null when it has no Scoping step. */
export function scopeFactsOf(report: ProvisioningReport): ScopeFacts | null {
  const step = scopingStepOf(report);
  if (!step) return null;
  const skipReason = detail(step, "SkipReason")?.trim() || null;
  const cloudActive = detail(step, "Active in the source system");
  const cloudFilter = detail(step, "Scoping filter evaluation passed");
  if (cloudActive !== undefined || cloudFilter !== undefined) {
    const isActive = flagOf(cloudActive);
    const inScope = flagOf(cloudFilter);
    return {
      flavour: "cloudSync",
      isActive,
      assigned: null,
      entitled: isActive === false || inScope === false ? false : isActive && inScope,
      inScope,
      filters: [],
      unreadableEvaluation: null,
      skipReason,
      stepStatus: step.status,
    };
  }
  const evaluation = readEvaluation(detail(step, "ScopeEvaluationResult"));
  const inScopeKey = Object.keys(step.details).find((key) => /^IsInProvisioningScope/i.test(key));
  return {
    flavour: "app",
    isActive: flagOf(detail(step, "IsActive")),
    assigned: flagOf(detail(step, "Assigned")),
    entitled: flagOf(detail(step, "IsEffectivelyEntitledForProvisioning")),
    inScope: inScopeKey === undefined ? null : flagOf(step.details[inScopeKey]),
    filters: evaluation.filters,
    unreadableEvaluation: evaluation.unreadable,
    skipReason,
    stepStatus: step.status,
  };
}

function readEvaluation(text: string | undefined): { filters: ReportedFilter[]; unreadable: string | null } {
  if (text === undefined || text.trim() === "") return { filters: [], unreadable: null };
  const decoded = decodeJson(text);
  if (!decoded.ok || !isRecord(decoded.value)) return { filters: [], unreadable: text };
  const filters: ReportedFilter[] = [];
  for (const [key, held] of Object.entries(decoded.value)) {
    const clause = { ...parseClauseText(key), held: held === true || flagOf(String(held)) === true };
    let filter = filters.find((f) => f.name === clause.filter);
    if (!filter) {
      filter = { name: clause.filter, held: true, clauses: [] };
      filters.push(filter);
    }
    filter.clauses.push(clause);
    filter.held &&= clause.held;
  }
  return { filters, unreadable: null };
}

/** Reads "Sales department.department EQUALS 'Sales'" as filter, attribute, operator and values. */
export function parseClauseText(text: string): Omit<ReportedClause, "held"> {
  const upper = text.toUpperCase();
  for (const operator of OPERATORS) {
    const at = upper.indexOf(` ${operator}`);
    if (at < 0) continue;
    const after = at + operator.length + 1;
    if (after < text.length && text[after] !== " ") continue;
    const head = text.slice(0, at);
    const dot = head.lastIndexOf(".");
    return {
      filter: dot < 0 ? null : head.slice(0, dot),
      attribute: (dot < 0 ? head : head.slice(dot + 1)).trim() || null,
      operator: text.slice(at + 1, after),
      values: quotedValues(text.slice(after)),
      text,
    };
  }
  return { filter: null, attribute: null, operator: null, values: [], text };
}

function quotedValues(text: string): string[] {
  const values: string[] = [];
  const pattern = /'((?:[^']|'')*)'/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) values.push(match[1]!);
  if (values.length === 0 && text.trim() !== "") values.push(text.trim());
  return values;
}

/** The scoping filters that did not hold, by name (unnamed ones left out). */
export function failedFilterNames(facts: ScopeFacts): string[] {
  return facts.filters.filter((f) => !f.held && f.name !== null).map((f) => f.name!);
}

/** The source attributes the (last) Import step lists: what the service read from the source. */
export function importedAttributesOf(report: ProvisioningReport): Record<string, string> {
  const imports = report.steps.filter((step) => step.kind === "Import");
  return imports.at(-1)?.details ?? {};
}
