import type { Outcome, StepKind } from "./result";

const OUTCOME_BY_TEXT: ReadonlyMap<string, Outcome> = new Map<string, Outcome>([
  ["success", "Success"],
  ["succeeded", "Success"],
  ["skipped", "Skipped"],
  ["skip", "Skipped"],
  ["failure", "Failure"],
  ["failed", "Failure"],
  ["error", "Failure"],
  ["warning", "Warning"],
]);

/** Spelling differs between sources (`Success`, `success`); anything else is Unknown. */
export function normaliseOutcome(text: unknown): Outcome {
  if (typeof text !== "string") return "Unknown";
  return OUTCOME_BY_TEXT.get(text.trim().toLowerCase()) ?? "Unknown";
}

export function isKnownOutcomeText(text: string): boolean {
  return OUTCOME_BY_TEXT.has(text.trim().toLowerCase());
}

const STEP_KIND_BY_TEXT: ReadonlyMap<string, StepKind> = new Map<string, StepKind>([
  ["import", "Import"],
  ["scoping", "Scoping"],
  ["matching", "Matching"],
  ["processing", "Processing"],
  ["referenceresolution", "ReferenceResolution"],
  ["export", "Export"],
]);

// Azure Monitor exports carry provisioningStepType as its enum index.
const STEP_KIND_BY_INDEX: readonly StepKind[] = [
  "Import",
  "Scoping",
  "Matching",
  "Processing",
  "ReferenceResolution",
  "Export",
];

export function stepKindOf(type: unknown): StepKind {
  if (typeof type === "number") return STEP_KIND_BY_INDEX[type] ?? "Other";
  if (typeof type !== "string") return "Other";
  return STEP_KIND_BY_TEXT.get(type.trim().toLowerCase()) ?? "Other";
}

// Worst first: one failed object makes the whole run a failure; an unreadable one hides success.
const SEVERITY_ORDER: readonly Outcome[] = ["Failure", "Unknown", "Warning", "Success", "Skipped"];

/** The outcome of several reports together; Skipped only when every report was skipped. */
export function combineOutcomes(outcomes: readonly Outcome[]): Outcome {
  if (outcomes.length === 0) return "Unknown";
  for (const candidate of SEVERITY_ORDER) {
    if (outcomes.includes(candidate)) return candidate;
  }
  return "Unknown";
}
