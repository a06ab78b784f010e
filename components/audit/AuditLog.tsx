"use client";
import { useMemo, useState } from "react";
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
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { LoadFailure, Loading, LoadMore } from "@/components/history/RequestStates";
import { WhenText } from "@/components/history/WhenText";
import { isEmptyRange } from "@/components/history/history-filters";
import type { AuditEntry, AuditFilters } from "@/lib/api/contracts";
import { auditActionText, auditTargetHref, summariseAuditDetail } from "./audit-entry";
import { DownloadButton } from "@/components/api/DownloadButton";
import { auditCsvHref, auditQueries } from "./queries";
import { AuditFilterForm } from "./AuditFilterForm";
import { auditFiltersFromSearchParams, hasAuditFilters, searchParamsFromAuditFilters } from "./audit-filters";
import { CaptionedTable } from "@/components/CaptionedTable";
import { PageHeading } from "@/components/PageHeading";
import { IdText } from "@/components/IdText";

const mono = { fontFamily: "monospace", fontSize: "0.8125rem", overflowWrap: "break-word" } as const;

const OBJECT_KIND: Record<string, string> = {
  user: "User",
  group: "Group",
  onPremisesUser: "On-premises user",
};

function Target({ entry }: { entry: AuditEntry }) {
  if (!entry.target) return <>—</>;
  const href = auditTargetHref(entry);
  const object = entry.object;
  // A run's or a share's entry names the run: the object it provisioned says more, by name.
  if (object && href)
    return (
      <>
        <MuiLink component={NextLink} href={href} title={`${object.id} (run ${entry.target})`}>
          {object.name ?? object.id}
        </MuiLink>
        <Typography variant="body2" component="span" sx={{ color: "text.secondary", ml: 1 }}>
          {OBJECT_KIND[object.kind] ?? object.kind}
        </Typography>
      </>
    );
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
      headers={[
        "When",
        "Who",
        "Action",
        "Target",
        "Application",
        "Graph request id",
        { label: "Detail", width: "30%" },
      ]}
    >
      {entries.map((entry) => (
        <TableRow key={entry.id} sx={{ verticalAlign: "top" }}>
          <TableCell sx={{ whiteSpace: "nowrap" }}>
            <WhenText iso={entry.at} />
          </TableCell>
          <TableCell sx={{ overflowWrap: "break-word" }}>
            <Box component="span" title={entry.actor}>
              {entry.actorName ?? entry.actor}
            </Box>
          </TableCell>
          <TableCell>
            {auditActionText(entry.action)}
            <Typography variant="body2" sx={{ ...mono, color: "text.secondary" }}>
              {entry.action}
            </Typography>
          </TableCell>
          <TableCell sx={{ maxWidth: 220 }}>
            <Target entry={entry} />
          </TableCell>
          <TableCell sx={{ maxWidth: 200, overflowWrap: "break-word" }}>
            {entry.application ? (
              <Box component="span" title={entry.application.id}>
                {entry.application.name ?? entry.application.id}
              </Box>
            ) : (
              "—"
            )}
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
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const filters = useMemo(() => auditFiltersFromSearchParams(new URLSearchParams(query)), [query]);
  const emptyRange = isEmptyRange(filters);
  const log = useInfiniteQuery({ ...auditQueries.list(filters), enabled: !emptyRange });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = hasAuditFilters(filters);
  const apply = (next: AuditFilters) => {
    const text = searchParamsFromAuditFilters(next).toString();
    router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
  };

  return (
    <Stack spacing={3}>
      <PageHeading
        title="Audit log"
        action={
          <DownloadButton
            path={auditCsvHref(filters)}
            fallbackName="audit-log.csv"
            variant="outlined"
            startIcon={<DownloadIcon aria-hidden />}
            sx={{ flexShrink: 0, whiteSpace: "nowrap" }}
          >
            Download CSV
          </DownloadButton>
        }
      >
        Every run requested, every shared link made or revoked and every change to the demo tenant. Entries
        are never changed or deleted.
      </PageHeading>
      <AuditFilterForm filters={filters} onApply={apply} />
      {emptyRange ? (
        <Alert severity="warning">The “To” date is before the “From” date, so no entry can match.</Alert>
      ) : log.isPending ? (
        <Loading text="Loading the audit log…" />
      ) : log.isError && !log.data ? (
        <LoadFailure
          title="The audit log could not be loaded"
          error={log.error}
          onRetry={() => void log.refetch()}
        />
      ) : entries.length === 0 ? (
        <Alert
          severity="info"
          action={
            filtered ? (
              <Button color="inherit" size="small" onClick={() => apply({})}>
                Clear filters
              </Button>
            ) : undefined
          }
        >
          {filtered ? "No entry matches these filters." : "Nothing has been recorded yet."}
        </Alert>
      ) : (
        <Stack spacing={2} sx={{ alignItems: "flex-start" }}>
          <AuditTable
            entries={entries}
            caption={`${entries.length}${log.hasNextPage ? "+" : ""} entr${entries.length === 1 ? "y" : "ies"}${filtered ? " matching the filters" : ""}, newest first.`}
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
