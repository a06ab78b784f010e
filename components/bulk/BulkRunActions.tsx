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
import { allowedActions, type BulkRunAction } from "./bulk-status";
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

/** Pause or resume, cancel (after a confirmation), retry the failed items, and the CSV of all items. */
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
  const toRetry = view.counts.failed + view.counts.interrupted;
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
        {permission.allowed && allowed["retry-failed"] && (
          <Button
            variant="outlined"
            startIcon={<Replay aria-hidden />}
            disabled={act.isPending}
            aria-describedby="bulk-retry-help"
            onClick={() => act.mutate("retry-failed")}
          >
            Retry failed
          </Button>
        )}
        <DownloadButton
          path={bulkExportPath(view.id)}
          fallbackName={`bulk-run-${view.id}.csv`}
          variant="outlined"
          startIcon={<Download aria-hidden />}
        >
          Export CSV
        </DownloadButton>
      </Box>
      {permission.allowed && allowed["retry-failed"] && (
        <Typography id="bulk-retry-help" variant="body2" sx={{ color: "text.secondary", mt: 1 }}>
          Retry failed sends the {toRetry.toLocaleString("en-US")} item{toRetry === 1 ? "" : "s"} whose call
          failed or was interrupted again, at the job&apos;s pace.
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
