import { formatDuration } from "@/components/run-result/durations";
import type { BulkRunStatus, BulkRunView } from "@/lib/api/contracts";
import { countsInWords } from "./bulk-outcomes";

export const BULK_STATUS_WORDS: Record<BulkRunStatus, string> = {
  queued: "Queued",
  running: "Running",
  paused: "Paused",
  completed: "Completed",
  cancelled: "Cancelled",
};

export function bulkStatusText(status: BulkRunStatus): string {
  return BULK_STATUS_WORDS[status] ?? status;
}

/** Queued or running: the page keeps asking for news; paused or finished runs change only when someone acts. */
export function isBulkRunMoving(status: BulkRunStatus | undefined): boolean {
  return status === "queued" || status === "running";
}

export type BulkRunAction = "pause" | "resume" | "cancel" | "retry-failed";

/** Which actions the run's state allows; the server has the last word (409 with its reason). */
export function allowedActions(view: Pick<BulkRunView, "status" | "counts">): Record<BulkRunAction, boolean> {
  const moving = isBulkRunMoving(view.status);
  return {
    pause: moving,
    resume: view.status === "paused",
    cancel: moving || view.status === "paused",
    // A cancelled run stays cancelled: its failed items go into a new bulk run instead.
    "retry-failed": view.status !== "cancelled" && view.counts.failed + view.counts.interrupted > 0,
  };
}

/** "3 of 10 done" */
export function progressInWords(view: Pick<BulkRunView, "done" | "total">): string {
  return `${view.done.toLocaleString("en-US")} of ${view.total.toLocaleString("en-US")} done`;
}

/** "ETA ~ 1 min 20 s" in whole seconds, rounded up; null when the server gives none. */
export function etaInWords(etaMs: number | null): string | null {
  if (etaMs === null || !Number.isFinite(etaMs) || etaMs < 0) return null;
  return `ETA ~ ${formatDuration(Math.ceil(etaMs / 1000) * 1000)}`;
}

/**
 * What the live region says about the run. The page renews it only when the status changes, so a
 * screen reader hears each change once and not every tick of the progress.
 */
export function statusAnnouncement(view: Pick<BulkRunView, "status" | "done" | "total" | "counts">): string {
  const progress = progressInWords(view);
  switch (view.status) {
    case "queued":
      return `Bulk run queued: ${progress}. It starts when the job's pace allows.`;
    case "running":
      return `Bulk run running: ${progress}.`;
    case "paused":
      return `Bulk run paused: ${progress}. Nothing more is sent until it is resumed.`;
    case "completed":
      return `Bulk run completed: ${progress} (${countsInWords(view.counts)}).`;
    case "cancelled":
      return `Bulk run cancelled: ${progress} (${countsInWords(view.counts)}).`;
  }
}
