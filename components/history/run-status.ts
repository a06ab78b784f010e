import type { RunStatus } from "@/lib/api/contracts";

const WORDS: Record<RunStatus, string> = {
  queued: "Queued",
  running: "Running",
  completed: "Completed",
  failed: "Call failed",
  interrupted: "Interrupted",
};

/** A run's lifecycle state in words; "failed" means the Graph call failed, not the provisioning. */
export function runStatusText(status: RunStatus): string {
  return WORDS[status] ?? status;
}
