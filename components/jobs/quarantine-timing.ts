import type { JobSummary } from "@/lib/api/contracts";

export type QuarantineTiming =
  | { kind: "next"; at: string }
  | { kind: "overdue"; at: string }
  | { kind: "unknown" };

/**
 * When the service will try the quarantined job again. A next attempt already in the past while the
 * job is still quarantined is not "next": it was due then, and the job is still in quarantine.
 */
export function quarantineTiming(
  quarantine: Pick<NonNullable<JobSummary["quarantine"]>, "nextAttempt">,
  now: Date = new Date(),
): QuarantineTiming {
  const at = quarantine.nextAttempt;
  const time = at ? Date.parse(at) : Number.NaN;
  if (!at || Number.isNaN(time)) return { kind: "unknown" };
  return time > now.getTime() ? { kind: "next", at } : { kind: "overdue", at };
}
