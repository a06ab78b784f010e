"use client";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { ApiClientError } from "@/components/api/api-fetch";
import { Loading } from "@/components/history/RequestStates";
import { dateTimeText } from "@/components/jobs/when";
// Not the run-result index: it holds the run page, which offers sharing (this folder) in turn.
import { RunResult } from "@/components/run-result/RunResult";
import { runTitleOf } from "@/components/run-result/summary-facts";
import type { SharedRun } from "@/lib/api/contracts";
import { shareQueries } from "./queries";

function Title({ children }: { children: string }) {
  return (
    <Typography variant="h4" component="h1" sx={{ overflowWrap: "anywhere" }}>
      {children}
    </Typography>
  );
}

function SharedBanner({ share }: { share: SharedRun["share"] }) {
  const expires = share.expiresAt
    ? `expires ${dateTimeText(share.expiresAt) ?? share.expiresAt}`
    : "never expires";
  return (
    <Alert severity="info">
      Shared by <strong>{share.createdBy}</strong> on {dateTimeText(share.createdAt) ?? share.createdAt}; this
      link {expires}.{share.redact && " Values of sensitive attributes are redacted."}
    </Alert>
  );
}

function LinkProblem({ error }: { error: Error }) {
  const status = error instanceof ApiClientError ? error.status : null;
  if (status === 404) {
    return (
      <Stack spacing={2}>
        <Title>This link does not exist</Title>
        <Alert severity="error">
          No shared run has this address. Check that the whole link was copied, or ask whoever sent it for a
          new one.
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack spacing={2}>
      <Title>{status === 410 ? "This link no longer opens" : "Shared run"}</Title>
      <Alert severity={status === 410 ? "warning" : "error"}>
        <AlertTitle>
          {status === 410 ? "Link expired or revoked" : "The shared run could not be loaded"}
        </AlertTitle>
        {error.message}
        {error instanceof ApiClientError && error.requestId && (
          <Box sx={{ mt: 0.5 }}>
            Request id <code>{error.requestId}</code>
          </Box>
        )}
      </Alert>
    </Stack>
  );
}

/**
 * A run opened through a shared link: read-only, redacted by the server when the link says so.
 * The link shows this view only; it does not name the run, so it opens nothing else.
 */
export function SharedRunView({ shareId }: { shareId: string }) {
  const shared = useQuery(shareQueries.shared(shareId));

  if (shared.isPending) {
    return (
      <Stack spacing={2}>
        <Title>Shared run</Title>
        <Loading text="Opening the shared run…" />
      </Stack>
    );
  }
  if (shared.isError) return <LinkProblem error={shared.error} />;

  const { share, run } = shared.data;
  return (
    <Stack spacing={3}>
      <Box>
        <Title>{`Shared run: ${runTitleOf(run)}`}</Title>
        <Typography sx={{ color: "text.secondary", mt: 0.5, overflowWrap: "anywhere" }}>
          Provision on demand{run.labels.application ? ` in ${run.labels.application}` : ""}
        </Typography>
      </Box>
      <SharedBanner share={share} />
      <RunResult run={run} receivedAt={shared.dataUpdatedAt} />
    </Stack>
  );
}
