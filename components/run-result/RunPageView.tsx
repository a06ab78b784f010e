"use client";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import CircularProgress from "@mui/material/CircularProgress";
import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useMutation, useQuery } from "@tanstack/react-query";
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import { ApiClientError } from "@/components/api/api-fetch";
import { useCanRunProvisioning } from "@/components/auth";
import { CompareWithPreviousButton } from "@/components/compare";
import { ExportRunButtons } from "@/components/history";
import { ShareRunButton } from "@/components/share";
import { RunLogLink } from "@/components/users/RunLogLink";
import { LinkButton } from "@/components/LinkButton";
import { newIdempotencyKey } from "@/components/api/idempotency-key";
import { isRunInProgress, runQueries, startRun } from "@/components/runs/queries";
import type { RunRequest } from "@/lib/api/contracts";
import { RunProgress } from "./RunProgress";
import { RunResult } from "./RunResult";
import { runTitleOf } from "./summary-facts";

function Title({ children }: { children: string }) {
  return (
    <Typography variant="h4" component="h1" sx={{ overflowWrap: "anywhere" }}>
      {children}
    </Typography>
  );
}

/** The page of one run: polls while it is queued or running, then shows the result. */
export function RunPageView({ id }: { id: string }) {
  const router = useRouter();
  const run = useQuery(runQueries.detail(id));
  // Readers see the result; running it again needs the Operator role (the button is then left out).
  const permission = useCanRunProvisioning();
  const rerun = useMutation({
    mutationFn: (request: RunRequest) => startRun(request, newIdempotencyKey()),
    onSuccess: (accepted) => router.push(`/runs/${encodeURIComponent(accepted.id)}`),
  });

  if (run.isPending) {
    return (
      <Stack spacing={2}>
        <Title>Run</Title>
        <Box sx={{ display: "flex", alignItems: "center", gap: 1.5 }} role="status">
          <CircularProgress size={20} aria-hidden />
          <Typography>Loading the run…</Typography>
        </Box>
      </Stack>
    );
  }

  if (run.isError) {
    const error = run.error;
    const missing = error instanceof ApiClientError && error.status === 404;
    return (
      <Stack spacing={2} sx={{ alignItems: "flex-start" }}>
        <Title>{missing ? "No run with this id" : "Run"}</Title>
        {missing ? (
          <Typography>
            There is no run <code>{id}</code>. The link may be mistyped, or the run was removed from the
            history.
          </Typography>
        ) : (
          <Alert
            severity="error"
            action={
              <Button color="inherit" size="small" onClick={() => void run.refetch()}>
                Try again
              </Button>
            }
          >
            <AlertTitle>The run could not be loaded</AlertTitle>
            {error.message}
            {error instanceof ApiClientError && error.requestId && (
              <Box sx={{ mt: 0.5 }}>
                Request id <code>{error.requestId}</code>
              </Box>
            )}
          </Alert>
        )}
        <LinkButton href="/" variant="outlined">
          Back to applications
        </LinkButton>
      </Stack>
    );
  }

  const view = run.data;
  return (
    <Stack spacing={3}>
      <Box>
        <Title>{runTitleOf(view)}</Title>
        <Typography sx={{ color: "text.secondary", mt: 0.5, overflowWrap: "anywhere" }}>
          Provision on demand{view.labels.application ? ` in ${view.labels.application}` : ""}
          {view.labels.job ? ` · ${view.labels.job}` : ""} · rule <code>{view.request.ruleId}</code> · run{" "}
          <code>{view.id}</code>
          {view.bulkRunId && (
            <>
              {" "}
              · one item of{" "}
              <Link component={NextLink} href={`/bulk/${encodeURIComponent(view.bulkRunId)}`}>
                a bulk run
              </Link>
            </>
          )}
        </Typography>
      </Box>
      <RunLogLink run={view} />
      <Box sx={{ display: "flex", gap: 1.5, flexWrap: "wrap", alignItems: "flex-start" }}>
        <ShareRunButton runId={view.id} />
        <CompareWithPreviousButton runId={view.id} />
        <ExportRunButtons runId={view.id} />
      </Box>
      {rerun.isError && (
        <Alert severity="error">
          <AlertTitle>The run could not be started again</AlertTitle>
          {rerun.error.message}
        </Alert>
      )}
      {isRunInProgress(view.status) ? (
        <RunProgress run={view} receivedAt={run.dataUpdatedAt} />
      ) : (
        <RunResult
          run={view}
          receivedAt={run.dataUpdatedAt}
          live
          onRunAgain={permission.allowed ? () => rerun.mutate(view.request) : undefined}
          runAgainPending={rerun.isPending || rerun.isSuccess}
        />
      )}
    </Stack>
  );
}
