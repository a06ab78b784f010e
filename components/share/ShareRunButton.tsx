"use client";
import { useId, useState, type FormEvent } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormHelperText from "@mui/material/FormHelperText";
import Stack from "@mui/material/Stack";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import ShareIcon from "@mui/icons-material/Share";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { dateTimeText } from "@/components/jobs/when";
import { visuallyHidden } from "@/components/run-result/visually-hidden";
import { CreatedLinkField } from "./CreatedLinkField";
import { createShareLink, shareKeys } from "./queries";
import { SHARE_EXPIRY_CHOICES } from "./share-state";
import { ShareLinkList } from "./ShareLinkList";
import { useCanRunProvisioning } from "@/components/auth";

const DEFAULT_EXPIRY_DAYS = 7;

function ShareDialogBody({ runId, onClose }: { runId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const redactHelpId = useId();
  const [redact, setRedact] = useState(true);
  const [expiry, setExpiry] = useState<string>(String(DEFAULT_EXPIRY_DAYS));
  const [announcement, setAnnouncement] = useState("");
  const create = useMutation({
    mutationFn: () =>
      createShareLink(runId, { redact, expiresInDays: expiry === "never" ? null : Number(expiry) }),
    onSuccess: (share) => {
      setAnnouncement(
        `Link created${share.redact ? ", with sensitive values redacted" : ""}; ${
          share.expiresAt ? `it expires ${dateTimeText(share.expiresAt)}` : "it never expires"
        }.`,
      );
      void queryClient.invalidateQueries({ queryKey: shareKeys.ofRun(runId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <>
      <DialogContent>
        <Stack spacing={2.5}>
          <Typography>
            A link shows this run read-only to anyone who can reach this console. Values are hidden on the
            server before anything is sent, so a redacted link never carries them.
          </Typography>
          <Box component="form" onSubmit={submit} aria-label="New link">
            <Stack spacing={2}>
              <Box>
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={redact}
                      onChange={(event) => setRedact(event.target.checked)}
                      slotProps={{ input: { "aria-describedby": redactHelpId } }}
                    />
                  }
                  label="Redact sensitive attribute values"
                />
                <FormHelperText id={redactHelpId} sx={{ mt: 0, ml: 4 }}>
                  Replaces with “[redacted]” the values of security identifiers (objectSid, SID history),
                  password timestamps, mailbox GUIDs and hashes, immutable ids and source anchors,
                  certificates, photos and custom security attributes — in the steps, details, modified
                  properties and raw answer, and wherever else those values appear in any encoding (an
                  objectGUID also as the source&apos;s GUID in the summary, a SID also as S-1-5-…).
                </FormHelperText>
              </Box>
              <TextInput
                select
                label="Link expires after"
                value={expiry}
                onChange={(event) => setExpiry(event.target.value)}
                size="small"
                sx={{ maxWidth: 240 }}
              >
                {SHARE_EXPIRY_CHOICES.map((choice) => (
                  <option key={choice.label} value={choice.days === null ? "never" : String(choice.days)}>
                    {choice.label}
                  </option>
                ))}
              </TextInput>
              <Box>
                <Button type="submit" variant="contained" disabled={create.isPending}>
                  {create.isPending ? "Creating…" : "Create link"}
                </Button>
              </Box>
            </Stack>
          </Box>
          {create.isError && (
            <Alert severity="error">The link could not be created: {create.error.message}</Alert>
          )}
          {create.data && <CreatedLinkField url={create.data.url} onAnnounce={setAnnouncement} />}
          <Box component="section" aria-labelledby={`${redactHelpId}-links`}>
            <Typography variant="h6" component="h3" id={`${redactHelpId}-links`} sx={{ mb: 1 }}>
              Links to this run
            </Typography>
            <ShareLinkList runId={runId} onAnnounce={setAnnouncement} />
          </Box>
          <Box role="status" sx={visuallyHidden}>
            {announcement}
          </Box>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </>
  );
}

/** "Share": a dialog that makes a read-only link to the run (redacted or not, expiring or not) and lists the others. */
export function ShareRunButton({ runId }: { runId: string }) {
  const [open, setOpen] = useState(false);
  const titleId = useId();
  // Making links needs the Operator role, like running provisioning.
  const permission = useCanRunProvisioning();
  return (
    <>
      {/* Why it is disabled, on hover (a disabled button gets no pointer events of its own). */}
      <span title={permission.reason ?? undefined}>
        <Button
          variant="outlined"
          startIcon={<ShareIcon aria-hidden />}
          onClick={() => setOpen(true)}
          disabled={!permission.allowed}
        >
          Share
        </Button>
      </span>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="md">
        <DialogTitle id={titleId}>Share this run</DialogTitle>
        {/* Mounted only while open, so each opening starts from a fresh form. */}
        {open && <ShareDialogBody runId={runId} onClose={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}
