import { formatDuration } from "@/components/run-result/durations";
import type { BulkAction, BulkRunStatus, BulkRunView } from "@/lib/api/contracts";
import { RETRY_CHOICES, retryCount, type RetryChoice } from "@/lib/bulk/counts";
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

export type BulkRunAction = Exclude<BulkAction, "retry-failed">;

/** The retry choices in the order the page offers them. */
export const RETRY_ACTIONS = Object.keys(RETRY_CHOICES) as RetryChoice[];

/** Which actions the run's state allows; the server has the last word (409 with its reason). */
export function allowedActions(view: Pick<BulkRunView, "status" | "counts">): Record<BulkRunAction, boolean> {
  const moving = isBulkRunMoving(view.status);
  const retry = (choice: RetryChoice) => retryCount(view.counts, choice) > 0;
  return {
    pause: moving,
    resume: view.status === "paused",
    cancel: moving || view.status === "paused",
    // Each retry re-sends only its own items, also from a cancelled run (the cancelled stay unsent).
    "retry-calls": retry("retry-calls"),
    "retry-failures": retry("retry-failures"),
    "retry-interrupted": retry("retry-interrupted"),
  };
}

type Progress = Pick<BulkRunView, "done" | "total" | "sent" | "counts">;

/** "3 of 10 done"; once items were cancelled, what was sent and what was not: "5 of 19 sent, 14 not sent (cancelled)". */
export function progressInWords(view: Progress): string {
  const n = (value: number) => value.toLocaleString("en-US");
  if (view.counts.cancelled === 0) return `${n(view.done)} of ${n(view.total)} done`;
  const waiting = view.counts.pending > 0 ? `, ${n(view.counts.pending)} waiting to be sent again` : "";
  return `${n(view.sent)} of ${n(view.total)} sent, ${n(view.counts.cancelled)} not sent (cancelled)${waiting}`;
}

/** How far the bar goes: the items answered (or given up on), never the cancelled ones. */
export function progressValue(view: Progress): number {
  return Math.max(0, Math.min(view.done - view.counts.cancelled, view.total));
}

/** "ETA ~ 1 min 20 s" in whole seconds, rounded up; null when the server gives none. */
export function etaInWords(etaMs: number | null): string | null {
  if (etaMs === null || !Number.isFinite(etaMs) || etaMs < 0) return null;
  return `ETA ~ ${formatDuration(Math.ceil(etaMs / 1000) * 1000)}`;
}

/**
 * What the live region says about the run. The page renews it when the status changes and every few
 * seconds while the run moves, so a screen reader keeps in step without hearing every tick.
 */
export function statusAnnouncement(
  view: Pick<BulkRunView, "status" | "done" | "total" | "sent" | "counts">,
): string {
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
      return `Bulk run cancelled: ${progress}. Of those sent: ${countsInWords({ ...view.counts, cancelled: 0 })}.`;
  }
}
