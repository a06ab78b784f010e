"use client";
import dynamic from "next/dynamic";
import { useQuery } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Skeleton from "@mui/material/Skeleton";
import { RunProgress } from "@/components/run-result/RunProgress";
import { describeProgress } from "@/components/run-result/progress-text";
import { visuallyHidden } from "@/components/run-result/visually-hidden";
import { isRunInProgress, runQueries } from "@/components/runs/queries";

// The result view (timeline, diff, scripts) loads after the first run, not with the form.
const RunResult = dynamic(
  () => import("@/components/run-result/RunResult").then((module) => module.RunResult),
  {
    loading: () => <Skeleton variant="rounded" height={160} />,
  },
);

/**
 * One run of this page: its progress while queued or running, then the full result. The live region
 * stays mounted so the end of the run is announced even though the progress panel goes away.
 */
export function ShownRun(props: {
  runId: string;
  onRunAgain: () => void;
  runAgainPending: boolean;
  provisionAnotherHref: string;
}) {
  const { runId, ...actions } = props;
  const run = useQuery(runQueries.detail(runId));
  // A finished run's announcement reads no clock, so the answer's arrival serves for both times.
  const finished =
    run.data && !isRunInProgress(run.data.status)
      ? describeProgress(run.data, run.dataUpdatedAt, run.dataUpdatedAt).announcement
      : "";
  return (
    <>
      <Box role="status" aria-live="polite" sx={visuallyHidden}>
        {finished}
      </Box>
      {run.isError ? (
        <Alert severity="error">The run&apos;s status could not be loaded: {run.error.message}</Alert>
      ) : !run.data ? (
        <Skeleton variant="rounded" height={96} />
      ) : isRunInProgress(run.data.status) ? (
        <RunProgress run={run.data} receivedAt={run.dataUpdatedAt} />
      ) : (
        <RunResult run={run.data} receivedAt={run.dataUpdatedAt} live {...actions} />
      )}
    </>
  );
}
