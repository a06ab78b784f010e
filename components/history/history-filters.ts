import type { RunHistoryFilters } from "@/lib/api/contracts";
import { OUTCOMES } from "@/lib/provisioning/result";
import type { Outcome } from "@/lib/provisioning";

/** The actions a provisioning report names; "Other" is what the service writes when none applies. */
export const RUN_ACTIONS = ["Create", "Update", "Disable", "Delete", "Other"] as const;

export const HISTORY_FILTER_NAMES = [
  "servicePrincipalId",
  "jobId",
  "subject",
  "outcome",
  "action",
  "actor",
  "reason",
  "from",
  "to",
] as const satisfies readonly (keyof RunHistoryFilters)[];

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// The BFF accepts only full date-times with a zone; anything vaguer is dropped rather than sent.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

// A date input reports "0002-11-28" while the year is still being typed; no run is that old.
const EARLIEST_YEAR = 1970;

/**
 * A `YYYY-MM-DD` in the reader's time zone, at the start (`from`) or the last millisecond (`to`) of
 * that day; undefined for a day that does not exist or a year still being typed.
 */
export function dateInputToIso(value: string, edge: "from" | "to"): string | undefined {
  const match = DATE_ONLY.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  if (year < EARLIEST_YEAR) return undefined;
  const date =
    edge === "from" ? new Date(year, month, day, 0, 0, 0, 0) : new Date(year, month, day, 23, 59, 59, 999);
  // new Date rolls 2026-02-31 over into March; such a day does not exist.
  if (date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== day) return undefined;
  return date.toISOString();
}

/** The local calendar day of an ISO time, as a date input wants it; "" when there is none. */
export function isoToDateInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A time bound a URL gives (a day or a full date-time with a zone) as ISO; undefined when it is neither. */
export function timeBound(value: string, edge: "from" | "to"): string | undefined {
  if (DATE_ONLY.test(value)) return dateInputToIso(value, edge);
  if (!DATE_TIME.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The outcome a select or a link names, or undefined for "any" and for values that are not one. */
export function outcomeOrAny(value: string | undefined): Outcome | undefined {
  return OUTCOMES.find((outcome) => outcome === value);
}

// The codes the BFF accepts as a reason filter (letters, digits, dots, dashes, underscores).
const REASON_CODE = /^[A-Za-z0-9._-]{1,200}$/;

/** Whether the text can be sent as a reason code; anything else would be refused by the BFF. */
export function isReasonCode(value: string): boolean {
  return REASON_CODE.test(value);
}

function isAction(value: string): boolean {
  return (RUN_ACTIONS as readonly string[]).includes(value);
}

/**
 * The history filters a URL asks for. Values the server would refuse (an unknown outcome, a date
 * that is not a date) are dropped so a hand-edited link still shows a page instead of an error.
 */
export function filtersFromSearchParams(params: URLSearchParams): RunHistoryFilters {
  const filters: RunHistoryFilters = {};
  const text = (name: (typeof HISTORY_FILTER_NAMES)[number]) => params.get(name)?.trim() || undefined;

  const servicePrincipalId = text("servicePrincipalId");
  if (servicePrincipalId) filters.servicePrincipalId = servicePrincipalId;
  const jobId = text("jobId");
  if (jobId) filters.jobId = jobId;
  const subject = text("subject");
  if (subject) filters.subject = subject;
  const actor = text("actor");
  if (actor) filters.actor = actor;
  const reason = text("reason");
  if (reason && isReasonCode(reason)) filters.reason = reason;

  const outcome = outcomeOrAny(text("outcome"));
  if (outcome) filters.outcome = outcome;
  const action = text("action");
  if (action && isAction(action)) filters.action = action;

  const fromText = text("from");
  const from = fromText ? timeBound(fromText, "from") : undefined;
  if (from) filters.from = from;
  const toText = text("to");
  const to = toText ? timeBound(toText, "to") : undefined;
  if (to) filters.to = to;
  return filters;
}

/** The query string for these filters, in a fixed order so equal filters give equal URLs. */
export function searchParamsFromFilters(filters: RunHistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of HISTORY_FILTER_NAMES) {
    const value = filters[name]?.trim();
    if (value) params.set(name, value);
  }
  return params;
}

export function hasFilters(filters: RunHistoryFilters): boolean {
  return HISTORY_FILTER_NAMES.some((name) => Boolean(filters[name]));
}

/** Whether the range ends before it starts: the server would answer nothing, so the page says why. */
export function isEmptyRange(filters: RunHistoryFilters): boolean {
  return Boolean(filters.from && filters.to && filters.from > filters.to);
}
