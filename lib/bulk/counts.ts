import type { BulkCounts } from "@/lib/api/contracts";

/** A bulk run's counts before anything is counted (pure: the pages use it too). */
export function emptyBulkCounts(): BulkCounts {
  return {
    Success: 0,
    Skipped: 0,
    Failure: 0,
    Warning: 0,
    Unknown: 0,
    failed: 0,
    interrupted: 0,
    cancelled: 0,
    pending: 0,
    sending: 0,
  };
}
