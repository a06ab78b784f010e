import { matchesFilter } from "./text-filter";

export interface DetailRow {
  name: string;
  value: string;
}

export interface FoldedDetails {
  /** Rows with a value that match the filter, in the answer's order. */
  filled: DetailRow[];
  /** Rows without a value that match the filter: shown only on request. */
  empty: DetailRow[];
  /** How many rows the step has before filtering. */
  total: number;
}

// Graph writes absent values in many ways: null fields arrive as "", "null", or an empty JSON object.
const EMPTY_TEXTS = new Set(["", "null", "{}", "[]", '""']);

export function isEmptyDetail(value: string): boolean {
  return EMPTY_TEXTS.has(value.trim());
}

/** A step's details split into filled and empty rows, keeping only those that match the filter. */
export function foldDetails(details: Readonly<Record<string, string>>, filter: string): FoldedDetails {
  const rows = Object.entries(details).map(([name, value]) => ({ name, value }));
  const matching = rows.filter((row) => matchesFilter(filter, row.name, row.value));
  return {
    filled: matching.filter((row) => !isEmptyDetail(row.value)),
    empty: matching.filter((row) => isEmptyDetail(row.value)),
    total: rows.length,
  };
}

/** ScopeEvaluationResult's JSON as clause/held pairs; null when the value is not that shape. */
export function scopeClausesOf(name: string, value: string): { text: string; held: boolean }[] | null {
  if (name.toLowerCase() !== "scopeevaluationresult") return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (!entries.every(([, held]) => typeof held === "boolean")) return null;
    return entries.map(([text, held]) => ({ text, held: held as boolean }));
  } catch {
    return null;
  }
}
