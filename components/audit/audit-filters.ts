import type { AuditFilters } from "@/lib/api/contracts";
import { timeBound } from "@/components/history/history-filters";
import { AUDIT_ACTIONS } from "./audit-entry";

export const AUDIT_FILTER_NAMES = [
  "actor",
  "action",
  "object",
  "app",
  "from",
  "to",
] as const satisfies readonly (keyof AuditFilters)[];

const TEXT_FILTERS = ["actor", "object", "app"] as const;
// What the BFF accepts for a text filter; longer text is cut rather than refused.
const LONGEST_TEXT = 200;

/**
 * The audit filters a URL asks for. An unknown action or a time that is not one is dropped, so a
 * hand-edited link still shows the log instead of an error.
 */
export function auditFiltersFromSearchParams(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const name of TEXT_FILTERS) {
    const value = params.get(name)?.trim().slice(0, LONGEST_TEXT);
    if (value) filters[name] = value;
  }
  const action = params.get("action")?.trim();
  const known = AUDIT_ACTIONS.find((candidate) => candidate === action);
  if (known) filters.action = known;
  for (const edge of ["from", "to"] as const) {
    const value = params.get(edge)?.trim();
    const iso = value ? timeBound(value, edge) : undefined;
    if (iso) filters[edge] = iso;
  }
  return filters;
}

/** The query string for these filters, in a fixed order so equal filters give equal URLs. */
export function searchParamsFromAuditFilters(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of AUDIT_FILTER_NAMES) {
    const value = filters[name]?.trim();
    if (value) params.set(name, value);
  }
  return params;
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return AUDIT_FILTER_NAMES.some((name) => Boolean(filters[name]));
}
