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

/** Items whose call left: answered, failed, interrupted, or in flight now. */
export function sentOf(counts: BulkCounts): number {
  return (
    counts.Success +
    counts.Skipped +
    counts.Failure +
    counts.Warning +
    counts.Unknown +
    counts.failed +
    counts.interrupted +
    counts.sending
  );
}

/** Items never sent: waiting their turn, or cancelled before it came. */
export function notSentOf(counts: BulkCounts): number {
  return counts.pending + counts.cancelled;
}

/** The items each retry choice sends again. */
export const RETRY_CHOICES = {
  "retry-calls": "failed calls",
  "retry-failures": "provisioning Failures",
  "retry-interrupted": "interrupted items",
} as const;
export type RetryChoice = keyof typeof RETRY_CHOICES;

export function retryCount(counts: BulkCounts, choice: RetryChoice | "retry-failed"): number {
  switch (choice) {
    case "retry-calls":
      return counts.failed;
    case "retry-failures":
      return counts.Failure;
    case "retry-interrupted":
      return counts.interrupted;
    case "retry-failed":
      return counts.failed + counts.interrupted;
  }
}
