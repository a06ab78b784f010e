import type { RunView } from "@/lib/api/contracts";
import { formatDuration, millisecondsBetween, secondsUntil } from "./durations";

export type ProgressPhase = "queued" | "running" | "done";

export interface ProgressText {
  phase: ProgressPhase;
  /** For the live region: changes only when the phase or queue position does, so screen readers are not flooded. */
  announcement: string;
  /** The ticking part (countdown, elapsed time), shown but not announced. */
  detail: string;
}

const OUTCOME_WORDS: Record<string, string> = {
  Success: "succeeded",
  Skipped: "skipped",
  Failure: "failed",
  Warning: "finished with a warning",
  Unknown: "finished with an answer that could not be fully read",
};

type ProgressInput = Pick<RunView, "status" | "queue" | "createdAt" | "startedAt" | "finishedAt" | "result">;

/**
 * What a run is doing now, in words. `receivedAtMs` is when the answer holding `queue.startsInMs`
 * arrived, so the countdown is measured on this browser's clock, not the server's.
 */
export function describeProgress(run: ProgressInput, nowMs: number, receivedAtMs: number): ProgressText {
  switch (run.status) {
    case "queued": {
      if (run.queue === null) {
        return { phase: "queued", announcement: "Queued: waiting to start.", detail: "Starting shortly." };
      }
      const left = secondsUntil(receivedAtMs + run.queue.startsInMs, nowMs);
      return {
        phase: "queued",
        announcement: `Queued behind the rate limit: number ${run.queue.position} in line for this job.`,
        detail:
          left > 0
            ? `Graph accepts 5 provisioning calls per 10 seconds for a job; this one starts in about ${left} s.`
            : "Graph accepts 5 provisioning calls per 10 seconds for a job; this one starts any moment now.",
      };
    }
    case "running": {
      const since = Date.parse(run.startedAt ?? run.createdAt);
      const elapsed = Number.isNaN(since) ? null : Math.max(0, Math.floor((nowMs - since) / 1000));
      return {
        phase: "running",
        announcement: "Running: Graph is provisioning the object.",
        detail: `${elapsed === null ? "Running" : `Running for ${elapsed} s`}. A call often takes longer than 30 seconds.`,
      };
    }
    case "completed": {
      const took = millisecondsBetween(run.startedAt ?? run.createdAt, run.finishedAt);
      const outcome = run.result ? (OUTCOME_WORDS[run.result.outcome] ?? "finished") : "finished";
      return {
        phase: "done",
        announcement: `Done: provisioning ${outcome}.`,
        detail: took === null ? "" : `Graph answered after ${formatDuration(took)}.`,
      };
    }
    case "failed":
      return { phase: "done", announcement: "Done: the call to Graph failed.", detail: "" };
    case "interrupted":
      return {
        phase: "done",
        announcement: "Interrupted: the console stopped while the call was in flight.",
        detail: "",
      };
  }
}
