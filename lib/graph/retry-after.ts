import "server-only";

const SECONDS = /^\s*(\d+(?:\.\d+)?)\s*$/;

/**
 * `Retry-After` in milliseconds: whole seconds ("10"), fractional seconds as Graph sends for
 * provisionOnDemand ("2.128"), or an HTTP date. Null when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  const seconds = SECONDS.exec(value);
  if (seconds) return Math.ceil(Number(seconds[1]) * 1000);
  // An HTTP date names its day and month; Date.parse alone would take "-5" as a year.
  const at = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
