"use client";
import { useEffect, useRef, useState } from "react";
import NextLink from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MuiLink from "@mui/material/Link";
import Typography from "@mui/material/Typography";
import PlayArrow from "@mui/icons-material/PlayArrow";
import { newIdempotencyKey } from "@/components/api/idempotency-key";
import { runHref } from "@/components/apps/app-links";
import { useCanRunProvisioning } from "@/components/auth";
import { RunStatusChip } from "@/components/provision/RunStatusChip";
import { isRunInProgress, runQueries, startRun } from "@/components/runs/queries";
import type { RunRequest } from "@/lib/api/contracts";
import { eventKeys, eventQueries, userKeys } from "./queries";
import { eventHref } from "./user-links";

/** The log entry of the run's change, once the provisioning service has written it. */
function JoinedLogEntry({ changeId, userId }: { changeId: string; userId: string }) {
  const entry = useQuery(eventQueries.ofChange(changeId));
  if (entry.isError) return null;
  if (!entry.data)
    return (
      <Typography variant="body2" component="span" sx={{ color: "text.secondary" }}>
        Waiting for its provisioning-log entry…
      </Typography>
    );
  return (
    <MuiLink component={NextLink} href={eventHref(userId, entry.data.event.id ?? "")}>
      Its provisioning-log entry
    </MuiLink>
  );
}

/**
 * One click of provision on demand for this user on one job, paced like every run (a queued run
 * shows its place in line); the run's result and its log entry appear beside the button.
 */
export function ProvisionUserButton({
  request,
  userId,
  jobLabel,
  disabledReason,
}: {
  request: RunRequest;
  userId: string;
  jobLabel: string;
  /** Why a click cannot work here (no rule, no DN); the permission is checked too. */
  disabledReason: string | null;
}) {
  const queryClient = useQueryClient();
  const permission = useCanRunProvisioning();
  const [runId, setRunId] = useState<string | null>(null);
  const sending = useRef(false);
  const start = useMutation({
    mutationFn: () => startRun(request, newIdempotencyKey()),
    onSuccess: (accepted) => setRunId(accepted.id),
    onSettled: () => {
      sending.current = false;
    },
  });
  const run = useQuery({ ...runQueries.detail(runId ?? ""), enabled: runId !== null });
  const finished = run.data !== undefined && !isRunInProgress(run.data.status);

  // A finished run changes what the page shows as the latest run and event: read them again.
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: userKeys.detail(userId) });
    void queryClient.invalidateQueries({ queryKey: eventKeys.all });
  }, [finished, queryClient, userId]);

  const reason = disabledReason ?? permission.reason;
  const busy = start.isPending || (run.data !== undefined && isRunInProgress(run.data.status));
  return (
    <Box sx={{ display: "grid", gap: 1, justifyItems: "start" }}>
      <Button
        variant="contained"
        size="small"
        startIcon={<PlayArrow aria-hidden />}
        disabled={reason !== null || busy}
        onClick={() => {
          if (sending.current) return;
          sending.current = true;
          setRunId(null);
          start.mutate();
        }}
        aria-label={`Provision on demand with ${jobLabel}`}
      >
        {busy ? "Provisioning…" : "Provision on demand"}
      </Button>
      {reason && (
        <Typography variant="body2" sx={{ color: "text.secondary" }}>
          {reason}
        </Typography>
      )}
      {start.isError && <Alert severity="error">The run could not be started: {start.error.message}</Alert>}
      {run.data && (
        <Box role="status" sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1 }}>
          <RunStatusChip run={run.data} />
          {finished && (
            <>
              <MuiLink component={NextLink} href={runHref(run.data.id)}>
                Open the run
              </MuiLink>
              {run.data.changeId && <JoinedLogEntry changeId={run.data.changeId} userId={userId} />}
            </>
          )}
        </Box>
      )}
    </Box>
  );
}
