import { formatDuration } from "@/components/run-result/durations";
import type { BulkLimits } from "@/lib/api/contracts";
import { leastDurationMs } from "@/lib/bulk/limits";

type Pace = BulkLimits["pace"];

/** A length of time in whole units when it has one ("10 seconds", "1 minute"), else as a duration. */
function windowInWords(ms: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;
  if (ms > 0 && ms % 60_000 === 0) return plural(ms / 60_000, "minute");
  if (ms > 0 && ms % 1000 === 0) return plural(ms / 1000, "second");
  return formatDuration(ms);
}

/** "5 calls per 10 seconds" */
export function paceInWords(pace: Pace): string {
  // "per minute", not "per 1 minute".
  return `${pace.limit} call${pace.limit === 1 ? "" : "s"} per ${windowInWords(pace.windowMs).replace(/^1 /, "")}`;
}

function countInWords(count: number): string {
  return count === 1 ? "one" : count.toLocaleString("en-US");
}

/** Calls whose least time shows the pace: past a few windows, so the example is not trivially "0 s". */
const EXAMPLE_CALLS = 40;

/**
 * The server's limits as the operator reads them: "At most 10,000 objects per bulk run; one bulk
 * run at a time per job; Graph allows 5 calls per 10 seconds per job, so 40 users take at least 1 min 10 s."
 */
export function limitsInWords(limits: BulkLimits): string {
  const active =
    limits.activePerJob === 1 ? "one bulk run" : `up to ${countInWords(limits.activePerJob)} bulk runs`;
  const example = formatDuration(leastDurationMs(EXAMPLE_CALLS, limits.pace));
  return (
    `At most ${limits.maxObjects.toLocaleString("en-US")} objects per bulk run; ${active} at a time per job; ` +
    `Graph allows ${paceInWords(limits.pace)} per job, so ${EXAMPLE_CALLS} users take at least ${example}.`
  );
}

/** How long the previewed calls take at the least, in words. */
export function estimateInWords(estimatedMs: number, calls: number, pace: Pace): string {
  const callWord = `${calls.toLocaleString("en-US")} call${calls === 1 ? "" : "s"}`;
  if (calls === 0) return "Nothing to send.";
  if (estimatedMs <= 0)
    return `${callWord}: all fit in the first window of ${windowInWords(pace.windowMs)}, so they start at once.`;
  return `${callWord} at ${paceInWords(pace)}: at least ${formatDuration(estimatedMs)}, plus the time Graph takes to answer the last ones.`;
}
