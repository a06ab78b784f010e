"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import MuiLink from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import TableCell from "@mui/material/TableCell";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { CaptionedTable } from "@/components/CaptionedTable";
import { MonoNote } from "@/components/history/MonoNote";
import { LoadFailure, Loading, LoadMore } from "@/components/history/RequestStates";
import { WhenText } from "@/components/history/WhenText";
import { LinkedTableRow, RowLink } from "@/components/LinkedTableRow";
import type { BulkRunView } from "@/lib/api/contracts";
import { bulkRunHref, bulkRunsHref } from "./bulk-links";
import { countsInWords } from "./bulk-outcomes";
import { isBulkRunMoving, progressInWords } from "./bulk-status";
import { StartBulkRunButton } from "./StartBulkRunDialog";
import { BulkStatusChip } from "./BulkChips";
import { bulkQueries, type BulkRunListFilters } from "./queries";

/** While a listed run moves, the list is read again this often. */
const LIST_POLL_INTERVAL_MS = 3000;

function BulkRunRow({ run }: { run: BulkRunView }) {
  return (
    <LinkedTableRow>
      <TableCell sx={{ whiteSpace: "nowrap" }}>
        <WhenText iso={run.createdAt} />
      </TableCell>
      <TableCell sx={{ maxWidth: 320 }}>
        <RowLink href={bulkRunHref(run.id)}>{run.labels.application ?? run.servicePrincipalId}</RowLink>
        {run.labels.job ? (
          <Typography variant="body2" sx={{ color: "text.secondary" }}>
            {run.labels.job}
          </Typography>
        ) : (
          <MonoNote>{run.jobId}</MonoNote>
        )}
      </TableCell>
      <TableCell>
        <BulkStatusChip status={run.status} />
      </TableCell>
      <TableCell sx={{ minWidth: "8rem" }}>{progressInWords(run)}</TableCell>
      <TableCell sx={{ minWidth: "10rem" }}>{countsInWords(run.counts)}</TableCell>
      <TableCell>{run.actor}</TableCell>
    </LinkedTableRow>
  );
}

/** Recent bulk runs, newest first; each row opens the bulk run. */
export function BulkRunList({ filters = {} }: { filters?: BulkRunListFilters }) {
  const list = useInfiniteQuery({
    ...bulkQueries.list(filters),
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((run) => isBulkRunMoving(run.status)))
        ? LIST_POLL_INTERVAL_MS
        : false,
  });
  const runs = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h4" component="h1">
          Bulk runs
        </Typography>
        <Typography sx={{ color: "text.secondary", mt: 0.5, mb: 2 }}>
          Provisioning of many objects at a job&apos;s pace, newest first. Start one here, or from a
          job&apos;s provision page with “Bulk run…”.
        </Typography>
        <StartBulkRunButton />
      </Box>
      {(filters.servicePrincipalId || filters.jobId) && (
        <Alert
          severity="info"
          action={
            <MuiLink component={NextLink} href={bulkRunsHref()} color="inherit">
              Show all
            </MuiLink>
          }
        >
          Only the bulk runs of {filters.jobId ? <code>{filters.jobId}</code> : "one application"} are shown.
        </Alert>
      )}
      {list.isPending ? (
        <Loading text="Loading the bulk runs…" />
      ) : list.isError && !list.data ? (
        <LoadFailure
          title="The bulk runs could not be loaded"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : runs.length === 0 ? (
        <Alert severity="info">
          No bulk run yet. Start one with “Start a bulk run”, or from a job&apos;s provision page.
        </Alert>
      ) : (
        <Stack spacing={2} sx={{ alignItems: "flex-start" }}>
          <CaptionedTable
            caption={`${runs.length}${list.hasNextPage ? "+" : ""} bulk run${runs.length === 1 ? "" : "s"}, newest first. Select a row to open it.`}
            headers={["Created", "Application", "Status", "Progress", "Outcomes", "Who"]}
          >
            {runs.map((run) => (
              <BulkRunRow key={run.id} run={run} />
            ))}
          </CaptionedTable>
          {list.isFetchNextPageError && list.error && (
            <LoadFailure
              title="More bulk runs could not be loaded"
              error={list.error}
              onRetry={() => void list.fetchNextPage()}
            />
          )}
          <LoadMore
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
            shown={`${runs.length} bulk runs shown.`}
          />
        </Stack>
      )}
    </Stack>
  );
}
