"use client";
import Box from "@mui/material/Box";
import LinearProgress from "@mui/material/LinearProgress";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import type { RunContent } from "@/lib/api/contracts";
import { describeProgress } from "./progress-text";
import { useNow } from "./use-now";

export interface RunProgressProps {
  run: RunContent;
  /** When the answer holding `run` arrived (TanStack Query's dataUpdatedAt); the countdown runs from it. */
  receivedAt: number;
}

/** Where a run stands: queued behind the rate limit (with a countdown), running (elapsed time), or done. */
export function RunProgress({ run, receivedAt }: RunProgressProps) {
  const active = run.status === "queued" || run.status === "running";
  const now = useNow(active);
  const text = describeProgress(run, now, receivedAt);
  const label = text.phase === "queued" ? "Queued" : text.phase === "running" ? "Running" : "Done";

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Box role="status" aria-live="polite" aria-atomic="true">
        <Typography sx={{ fontWeight: 600 }}>{text.announcement}</Typography>
      </Box>
      {text.detail && (
        <Typography variant="body2" sx={{ color: "text.secondary", mt: 0.5 }}>
          {text.detail}
        </Typography>
      )}
      <LinearProgress
        sx={{ mt: 1.5 }}
        aria-label={label}
        color={text.phase === "queued" ? "secondary" : "primary"}
        {...(text.phase === "done" ? { variant: "determinate" as const, value: 100 } : {})}
      />
    </Paper>
  );
}
