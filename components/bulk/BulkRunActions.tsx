"use client";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import Typography from "@mui/material/Typography";
import Cancel from "@mui/icons-material/Cancel";
import Download from "@mui/icons-material/Download";
import Pause from "@mui/icons-material/Pause";
import PlayArrow from "@mui/icons-material/PlayArrow";
import Replay from "@mui/icons-material/Replay";
import { DownloadButton } from "@/components/api/DownloadButton";
import { useCanRunProvisioning } from "@/components/auth";
import type { BulkRunView } from "@/lib/api/contracts";
import { retryCount, type RetryChoice } from "@/lib/bulk/counts";
import { allowedActions, RETRY_ACTIONS, type BulkRunAction } from "./bulk-status";
import { actOnBulkRun, bulkExportPath, bulkKeys } from "./queries";

function CancelDialog({
  open,
  pending,
  onClose,
  onConfirm,
}: {
  open: boolean;
  pending: number;
  onClose: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby="cancel-bulk-title"
      aria-describedby="cancel-bulk-text"
    >
      <DialogTitle id="cancel-bulk-title">Cancel this bulk run?</DialogTitle>
      <DialogContent>
        <DialogContentText id="cancel-bulk-text">
          The {pending.toLocaleString("en-US")} item{pending === 1 ? "" : "s"} not sent yet will be marked
          cancelled and never sent. Items already answered stay as they are, with their runs in history. This
          cannot be undone.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          Keep it
        </Button>
        <Button onClick={onConfirm} color="error" variant="contained">
          Cancel bulk run
        </Button>
      </DialogActions>
    </Dialog>
  );
}

const RETRY_WORDS: Record<RetryChoice, [string, string]> = {
  "retry-calls": ["failed call", "failed calls"],
  "retry-failures": ["Failure", "Failures"],
  "retry-interrupted": ["interrupted item", "interrupted items"],
};

/** "Retry 2 failed calls" */
function retryLabel(choice: RetryChoice, count: number): string {
  const [one, many] = RETRY_WORDS[choice];
  return `Retry ${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** Pause or resume, cancel (after a confirmation), a retry per kind of miss, and the CSV of all items. */
export function BulkRunActions({ view }: { view: BulkRunView }) {
  const queryClient = useQueryClient();
  const permission = useCanRunProvisioning();
  const [confirming, setConfirming] = useState(false);
  const act = useMutation({
    mutationFn: (action: BulkRunAction) => actOnBulkRun(view.id, action),
    onSuccess: (next) => {
      queryClient.setQueryData(bulkKeys.detail(view.id), next);
      void queryClient.invalidateQueries({ queryKey: bulkKeys.allItems(view.id) });
    },
  });
  const allowed = allowedActions(view);
  const retries = RETRY_ACTIONS.filter((choice) => allowed[choice]);
  // One button that turns from Pause into Resume, so the keyboard focus stays where it was.
  const toggle: "pause" | "resume" | null = allowed.pause ? "pause" : allowed.resume ? "resume" : null;

  return (
    <Box>
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1.5, alignItems: "flex-start" }}>
        {permission.allowed && toggle && (
          <Button
            variant="outlined"
            startIcon={toggle === "pause" ? <Pause aria-hidden /> : <PlayArrow aria-hidden />}
            // Not disabled while the answer is awaited: a disabled button would drop the focus.
            onClick={() => !act.isPending && act.mutate(toggle)}
          >
            {toggle === "pause" ? "Pause" : "Resume"}
          </Button>
        )}
        {permission.allowed && allowed.cancel && (
          <Button
            variant="outlined"
            color="error"
            startIcon={<Cancel aria-hidden />}
            disabled={act.isPending}
            onClick={() => setConfirming(true)}
          >
            Cancel
          </Button>
        )}
        {permission.allowed &&
          retries.map((choice) => (
            <Button
              key={choice}
              variant="outlined"
              startIcon={<Replay aria-hidden />}
              disabled={act.isPending}
              aria-describedby="bulk-retry-help"
              onClick={() => act.mutate(choice)}
            >
              {retryLabel(choice, retryCount(view.counts, choice))}
            </Button>
          ))}
        <DownloadButton
          path={bulkExportPath(view.id)}
          fallbackName={`bulk-run-${view.id}.csv`}
          variant="outlined"
          startIcon={<Download aria-hidden />}
        >
          Export CSV
        </DownloadButton>
      </Box>
      {permission.allowed && retries.length > 0 && (
        <Typography id="bulk-retry-help" variant="body2" sx={{ color: "text.secondary", mt: 1 }}>
          Each retry sends exactly its items again, at the job&apos;s pace, as new runs in the history: the
          calls that failed (Graph or the network refused them), the objects Graph answered with a
          provisioning Failure, or the calls interrupted when a console stopped.
          {view.counts.cancelled > 0 && " Items not sent because of the cancel stay unsent."}
        </Typography>
      )}
      {!permission.allowed && permission.reason && (
        <Typography variant="body2" sx={{ color: "text.secondary", mt: 1 }}>
          {permission.reason}
        </Typography>
      )}
      {act.isError && (
        <Alert severity="error" sx={{ mt: 2 }} onClose={() => act.reset()}>
          <AlertTitle>That did not work</AlertTitle>
          {act.error.message}
        </Alert>
      )}
      <CancelDialog
        open={confirming}
        pending={view.counts.pending}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          act.mutate("cancel");
        }}
      />
    </Box>
  );
}
