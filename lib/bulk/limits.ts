import { MAX_GROUP_MEMBERS } from "@/lib/provisioning/limits";

// What a bulk run may hold, stated in the UI and enforced by the server.

export { MAX_BULK_OBJECTS } from "@/lib/api/contracts/bulk-limits";
/** Bulk runs active (queued, running or paused) on one job at once: at 5 calls per 10 s, a second would only halve the first's pace. */
export const ACTIVE_BULK_RUNS_PER_JOB = 1;
/** Graph takes a group with at most this many members in one call. */
export const GROUP_MEMBERS_PER_CALL = MAX_GROUP_MEMBERS;

/** The least time `calls` take at the pace: the last group of `limit` starts this long after the first. */
export function leastDurationMs(calls: number, pace: { limit: number; windowMs: number }): number {
  return calls <= 0 ? 0 : Math.floor((calls - 1) / pace.limit) * pace.windowMs;
}
