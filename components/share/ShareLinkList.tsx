"use client";
import { useId, useState } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import MuiLink from "@mui/material/Link";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import BlockIcon from "@mui/icons-material/Block";
import CheckCircleOutlinedIcon from "@mui/icons-material/CheckCircleOutlined";
import EventBusyIcon from "@mui/icons-material/EventBusy";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { dateTimeText } from "@/components/jobs/when";
import { StatusChip } from "@/components/run-result/OutcomeChip";
import { visuallyHidden } from "@/components/run-result/visually-hidden";
import { TableScroller } from "@/components/TableScroller";
import { revokeShareLink, shareKeys, shareQueries, sharedRunHref } from "./queries";
import { shareLinkStateOf, shareLinkStateText, type ShareLink, type ShareLinkState } from "./share-state";

const STATE_LOOK = {
  active: { tone: "success", icon: <CheckCircleOutlinedIcon aria-hidden />, label: "Active" },
  expired: { tone: "neutral", icon: <EventBusyIcon aria-hidden />, label: "Expired" },
  revoked: { tone: "error", icon: <BlockIcon aria-hidden />, label: "Revoked" },
} as const satisfies Record<ShareLinkState, unknown>;

const dateOf = (iso: string) => dateTimeText(iso) ?? iso;

/** How a person tells one link from the others: when and by whom it was made, how it shows values, how it ends. */
function linkName(link: ShareLink): string {
  return `the link made ${dateOf(link.createdAt)} by ${link.createdBy} (${link.redact ? "redacted" : "full values"}, ending …${link.id.slice(-6)})`;
}

/** Revoking cannot be undone, so it is asked for twice, naming the link; Cancel is the default. */
function RevokeDialog({
  link,
  onCancel,
  onConfirm,
}: {
  link: ShareLink | null;
  onCancel: () => void;
  onConfirm: (link: ShareLink) => void;
}) {
  const titleId = useId();
  const textId = useId();
  return (
    <Dialog open={link !== null} onClose={onCancel} aria-labelledby={titleId} aria-describedby={textId}>
      <DialogTitle id={titleId}>Revoke this link?</DialogTitle>
      <DialogContent>
        <DialogContentText id={textId}>
          {link && `Revoke ${linkName(link)}? `}
          Anyone who opens it from now on is told it was revoked. This cannot be undone; a new link can be
          made instead.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button color="error" variant="contained" onClick={() => link && onConfirm(link)}>
          Revoke link
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function ShareLinkRow({
  link,
  onRevoke,
  revoking,
}: {
  link: ShareLink;
  onRevoke: () => void;
  revoking: boolean;
}) {
  const now = new Date();
  const state = shareLinkStateOf(link, now);
  const look = STATE_LOOK[state];
  return (
    <TableRow>
      <TableCell>
        <StatusChip tone={look.tone} icon={look.icon} label={look.label} />
        <Typography variant="body2" sx={{ color: "text.secondary", mt: 0.5 }}>
          {shareLinkStateText(link, now, dateOf)}
        </Typography>
      </TableCell>
      <TableCell>
        {dateOf(link.createdAt)}
        <Typography variant="body2" sx={{ color: "text.secondary", overflowWrap: "anywhere" }}>
          by {link.createdBy}
        </Typography>
      </TableCell>
      <TableCell>{link.redact ? "Redacted" : "Full values"}</TableCell>
      <TableCell sx={{ whiteSpace: "nowrap" }}>
        {state === "active" ? (
          <>
            <MuiLink href={sharedRunHref(link.id)} target="_blank" rel="noopener" sx={{ mr: 1.5 }}>
              Open
              <Box component="span" sx={visuallyHidden}>
                {" "}
                the link made {dateOf(link.createdAt)} (new tab)
              </Box>
            </MuiLink>
            <Button size="small" color="error" variant="outlined" onClick={onRevoke} disabled={revoking}>
              {revoking ? "Revoking…" : "Revoke"}
              <Box component="span" sx={visuallyHidden}>
                {" "}
                the link made {dateOf(link.createdAt)}
              </Box>
            </Button>
          </>
        ) : (
          "—"
        )}
      </TableCell>
    </TableRow>
  );
}

/** The links already made for a run, with their state and a way to revoke the ones still open. */
export function ShareLinkList({
  runId,
  onAnnounce,
}: {
  runId: string;
  onAnnounce: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const links = useQuery(shareQueries.ofRun(runId));
  const [confirming, setConfirming] = useState<ShareLink | null>(null);
  const revoke = useMutation({
    mutationFn: revokeShareLink,
    onSuccess: () => onAnnounce("The link was revoked: it no longer opens."),
    onError: (error) => onAnnounce(`The link could not be revoked: ${error.message}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shareKeys.ofRun(runId) }),
  });

  if (links.isPending) return <Typography role="status">Loading the links…</Typography>;
  if (links.isError)
    return <Alert severity="error">The links could not be loaded: {links.error.message}</Alert>;
  if (links.data.length === 0)
    return <Typography sx={{ color: "text.secondary" }}>No link has been made for this run.</Typography>;

  return (
    <>
      {revoke.isError && (
        <Alert severity="error">The link could not be revoked: {revoke.error.message}</Alert>
      )}
      <TableScroller label="Links made for this run">
        <Table size="small">
          <Box component="caption" sx={visuallyHidden}>
            Links made for this run, newest first
          </Box>
          <TableHead>
            <TableRow>
              <TableCell scope="col">State</TableCell>
              <TableCell scope="col">Made</TableCell>
              <TableCell scope="col">Values</TableCell>
              <TableCell scope="col">
                <Box component="span" sx={visuallyHidden}>
                  Actions
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {links.data.map((link) => (
              <ShareLinkRow
                key={link.id}
                link={link}
                onRevoke={() => setConfirming(link)}
                revoking={revoke.isPending && revoke.variables === link.id}
              />
            ))}
          </TableBody>
        </Table>
      </TableScroller>
      <RevokeDialog
        link={confirming}
        onCancel={() => setConfirming(null)}
        onConfirm={(link) => {
          setConfirming(null);
          revoke.mutate(link.id);
        }}
      />
    </>
  );
}
