"use client";
import { useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import LinearProgress from "@mui/material/LinearProgress";
import Typography from "@mui/material/Typography";
import KeyOutlined from "@mui/icons-material/KeyOutlined";
import NetworkCheck from "@mui/icons-material/NetworkCheck";
import Pause from "@mui/icons-material/Pause";
import PlayArrow from "@mui/icons-material/PlayArrow";
import RestartAlt from "@mui/icons-material/RestartAlt";
import { useCanActOnJobs } from "@/components/auth";
import { appKeys } from "@/components/apps/queries";
import { OutlinedSection } from "@/components/OutlinedSection";
import { ID_CLASS } from "@/components/presenter/presenter-attribute";
import type { JobActionAnswer, JobActionKind, JobSummary } from "@/lib/api/contracts";
import { CopyableId } from "./CopyableId";
import { JobActionDialog } from "./JobActionDialog";
import { ACTION_COPY, actionResultText, offeredToggles } from "./job-actions";
import { actOnJob, jobKeys, type JobActionBody } from "./queries";

const ICONS: Record<JobActionKind, typeof Pause> = {
  "test-connection": NetworkCheck,
  "secret-token": KeyOutlined,
  restart: RestartAlt,
  pause: Pause,
  start: PlayArrow,
};

const WORKING: Record<JobActionKind, string> = {
  "test-connection": "Testing the connection…",
  "secret-token": "Saving the secret token and testing it…",
  restart: "Restarting the job…",
  pause: "Pausing the job…",
  start: "Starting the job…",
};

/**
 * Test connection, the secret token, restart, pause and start, each confirmed in a dialog first;
 * for anyone but an Administrator the buttons are disabled and say why.
 */
export function JobActionsPanel({ spId, job, appName }: { spId: string; job: JobSummary; appName: string }) {
  const queryClient = useQueryClient();
  const permission = useCanActOnJobs();
  const [confirming, setConfirming] = useState<JobActionKind | null>(null);
  const sending = useRef(false);
  const act = useMutation({
    mutationFn: ({ body, key }: { body: JobActionBody; key: string }) => actOnJob(spId, job.id, body, key),
    onSettled: () => {
      sending.current = false;
      void queryClient.invalidateQueries({ queryKey: jobKeys.all(spId) });
      void queryClient.invalidateQueries({ queryKey: appKeys.lists() });
    },
  });
  const toggles = offeredToggles(job.status.code);
  const offered: JobActionKind[] = [
    "test-connection",
    "secret-token",
    "restart",
    ...(toggles.pause ? (["pause"] as const) : []),
    ...(toggles.start ? (["start"] as const) : []),
  ];
  const confirm = (body: JobActionBody, key: string) => {
    setConfirming(null);
    if (sending.current) return; // a second click on the way out of the dialog
    sending.current = true;
    act.mutate({ body, key });
  };
  const busy = act.isPending;

  return (
    <OutlinedSection title="Actions" id="job-actions-heading">
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1.5 }}>
        {offered.map((action, index) => {
          const Icon = ICONS[action];
          return (
            <Button
              // Pause and Start share a slot, so the button keeps the keyboard focus when one becomes the other.
              key={index < 3 ? action : `toggle-${index}`}
              variant={action === "test-connection" ? "contained" : "outlined"}
              startIcon={<Icon aria-hidden />}
              disabled={!permission.allowed}
              // Not disabled while an action runs: a disabled button would drop the focus.
              aria-disabled={busy || undefined}
              aria-describedby="job-actions-why"
              onClick={() => !busy && setConfirming(action)}
            >
              {ACTION_COPY[action].label}
              {action === "secret-token" || action === "restart" ? "…" : ""}
            </Button>
          );
        })}
      </Box>
      <Typography id="job-actions-why" variant="body2" sx={{ color: "text.secondary", mt: 1.5 }}>
        {permission.reason ??
          "Each action asks you to confirm first, is recorded on the timeline below and in the audit log."}
      </Typography>

      <Box role="status" aria-live="polite" sx={{ mt: busy || act.data || act.error ? 2 : 0 }}>
        {busy && act.variables && (
          <Box>
            <Typography variant="body2">{WORKING[act.variables.body.action]}</Typography>
            <LinearProgress aria-label={WORKING[act.variables.body.action]} sx={{ mt: 1 }} />
          </Box>
        )}
        {!busy && act.data && <ActionResult answer={act.data} onClose={() => act.reset()} />}
        {!busy && act.error && (
          <Alert severity="error" onClose={() => act.reset()}>
            <AlertTitle>The action was not carried out</AlertTitle>
            {act.error.message}
          </Alert>
        )}
      </Box>

      <JobActionDialog
        action={confirming}
        appName={appName}
        onClose={() => setConfirming(null)}
        onConfirm={confirm}
      />
    </OutlinedSection>
  );
}

/** What an action did: success, or Graph's error with what it means and what to do. */
function ActionResult({ answer, onClose }: { answer: JobActionAnswer; onClose: () => void }) {
  const { error } = answer;
  return (
    <Alert severity={answer.outcome === "succeeded" ? "success" : "error"} onClose={onClose}>
      <AlertTitle>{actionResultText(answer)}</AlertTitle>
      {error && (
        <>
          <Typography variant="body2">{error.explanation.meaning}</Typography>
          <Typography variant="body2" sx={{ mt: 1 }}>
            <strong>What to do:</strong> {error.explanation.action}
          </Typography>
          <Typography variant="body2" sx={{ mt: 1, color: "text.secondary", overflowWrap: "anywhere" }}>
            Microsoft Graph said (<code>{error.code}</code>): {error.message}
          </Typography>
          {error.raw !== null && (
            <Alert severity="warning" variant="outlined" sx={{ mt: 1 }}>
              The answer was not in a shape the console knows; here it is as it came:
              <Box component="pre" sx={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", m: 0, mt: 1 }}>
                {error.raw}
              </Box>
            </Alert>
          )}
        </>
      )}
      {answer.graphRequestId && (
        <Typography variant="body2" component="div" className={ID_CLASS} sx={{ mt: 1 }}>
          Graph request id <CopyableId id={answer.graphRequestId} label="Graph request id" />
        </Typography>
      )}
    </Alert>
  );
}
