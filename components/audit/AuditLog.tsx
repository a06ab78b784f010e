"use client";
import { useState } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Collapse from "@mui/material/Collapse";
import MuiLink from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import DownloadIcon from "@mui/icons-material/Download";
import ExpandLessIcon from "@mui/icons-material/ExpandLess";
import ExpandMoreIcon from "@mui/icons-material/ExpandMore";
import { useInfiniteQuery } from "@tanstack/react-query";
import NextLink from "next/link";
import { LoadFailure, Loading, LoadMore } from "@/components/history/RequestStates";
import { WhenText } from "@/components/history/WhenText";
import type { AuditEntry } from "@/lib/api/contracts";
import { auditActionText, auditTargetHref, summariseAuditDetail } from "./audit-entry";
import { DownloadButton } from "@/components/api/DownloadButton";
import { auditCsvHref, auditQueries } from "./queries";
import { CaptionedTable } from "@/components/CaptionedTable";
import { IdText } from "@/components/IdText";

const mono = { fontFamily: "monospace", fontSize: "0.8125rem", overflowWrap: "break-word" } as const;

function Target({ entry }: { entry: AuditEntry }) {
  if (!entry.target) return <>—</>;
  const href = auditTargetHref(entry);
  return href ? (
    <MuiLink component={NextLink} href={href} sx={mono}>
      <IdText>{entry.target}</IdText>
    </MuiLink>
  ) : (
    <Box component="span" sx={mono}>
      <IdText>{entry.target}</IdText>
    </Box>
  );
}

function Detail({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  if (!entry.detail) return <>—</>;
  const panelId = `audit-detail-${entry.id}`;
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" sx={{ overflowWrap: "anywhere" }}>
        {summariseAuditDetail(entry)}
      </Typography>
      <Button
        size="small"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-controls={panelId}
        endIcon={open ? <ExpandLessIcon aria-hidden /> : <ExpandMoreIcon aria-hidden />}
        sx={{ px: 0.5, minWidth: 0 }}
      >
        {open ? "Hide JSON" : "Show JSON"}
      </Button>
      <Collapse in={open} id={panelId}>
        <Box
          component="pre"
          sx={{
            ...mono,
            overflowWrap: "anywhere",
            m: 0,
            p: 1,
            bgcolor: "action.hover",
            borderRadius: 1,
            whiteSpace: "pre-wrap",
            maxHeight: 320,
            overflow: "auto",
          }}
        >
          {JSON.stringify(entry.detail, null, 2)}
        </Box>
      </Collapse>
    </Box>
  );
}

function AuditTable({ entries, caption }: { entries: readonly AuditEntry[]; caption: string }) {
  return (
    <CaptionedTable
      caption={caption}
      headers={["When", "Who", "Action", "Target", "Graph request id", { label: "Detail", width: "34%" }]}
    >
      {entries.map((entry) => (
        <TableRow key={entry.id} sx={{ verticalAlign: "top" }}>
          <TableCell sx={{ whiteSpace: "nowrap" }}>
            <WhenText iso={entry.at} />
          </TableCell>
          <TableCell sx={{ overflowWrap: "break-word" }}>{entry.actor}</TableCell>
          <TableCell>
            {auditActionText(entry.action)}
            <Typography variant="body2" sx={{ ...mono, color: "text.secondary" }}>
              {entry.action}
            </Typography>
          </TableCell>
          <TableCell sx={{ maxWidth: 220 }}>
            <Target entry={entry} />
          </TableCell>
          <TableCell sx={mono}>
            {entry.graphRequestId ? <IdText>{entry.graphRequestId}</IdText> : "—"}
          </TableCell>
          <TableCell>
            <Detail entry={entry} />
          </TableCell>
        </TableRow>
      ))}
    </CaptionedTable>
  );
}

/** The append-only audit log, newest first: runs requested and finished, links made and revoked, demo changes. */
export function AuditLog() {
  const log = useInfiniteQuery(auditQueries.list());
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack spacing={3}>
      <Stack
        direction={{ xs: "column", sm: "row" }}
        spacing={2}
        sx={{ justifyContent: "space-between", alignItems: { sm: "flex-start" } }}
      >
        <Box>
          <Typography variant="h4" component="h1">
            Audit log
          </Typography>
          <Typography sx={{ color: "text.secondary", mt: 0.5 }}>
            Every run requested, every shared link made or revoked and every change to the demo tenant.
            Entries are never changed or deleted.
          </Typography>
        </Box>
        <DownloadButton
          path={auditCsvHref()}
          fallbackName="audit-log.csv"
          variant="outlined"
          startIcon={<DownloadIcon aria-hidden />}
          sx={{ flexShrink: 0 }}
        >
          Download CSV
        </DownloadButton>
      </Stack>
      {log.isPending ? (
        <Loading text="Loading the audit log…" />
      ) : log.isError && !log.data ? (
        <LoadFailure
          title="The audit log could not be loaded"
          error={log.error}
          onRetry={() => void log.refetch()}
        />
      ) : entries.length === 0 ? (
        <Alert severity="info">Nothing has been recorded yet.</Alert>
      ) : (
        <Stack spacing={2} sx={{ alignItems: "flex-start" }}>
          <AuditTable
            entries={entries}
            caption={`${entries.length}${log.hasNextPage ? "+" : ""} entr${entries.length === 1 ? "y" : "ies"}, newest first.`}
          />
          {log.isFetchNextPageError && log.error && (
            <LoadFailure
              title="More entries could not be loaded"
              error={log.error}
              onRetry={() => void log.fetchNextPage()}
            />
          )}
          <LoadMore
            hasMore={log.hasNextPage}
            loading={log.isFetchingNextPage}
            onLoadMore={() => void log.fetchNextPage()}
            shown={`${entries.length} entries shown.`}
          />
        </Stack>
      )}
    </Stack>
  );
}
