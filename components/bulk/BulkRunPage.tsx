"use client";
import { useEffect, useRef } from "react";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import MuiLink from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { ApiClientError } from "@/components/api/api-fetch";
import { ConsoleBreadcrumbs } from "@/components/apps/ConsoleBreadcrumbs";
import { LoadFailure, Loading, LoadMore } from "@/components/history/RequestStates";
import { WhenText } from "@/components/history/WhenText";
import { CopyableId } from "@/components/jobs/CopyableId";
import { OutlinedSection } from "@/components/OutlinedSection";
import type { BulkItemFilter, BulkRunView } from "@/lib/api/contracts";
import { BULK_RUNS_HREF, bulkRunHref, itemFilterFromSearch, newBulkRunHref } from "./bulk-links";
import { filterLabel } from "./bulk-outcomes";
import { BulkCountFilter } from "./BulkCountFilter";
import { BulkItemsTable } from "./BulkItemsTable";
import { BulkProgress } from "./BulkProgress";
import { BulkRunActions } from "./BulkRunActions";
import { bulkKeys, bulkQueries } from "./queries";

const INTERRUPTED_NOTE =
  "An interrupted item's call was in flight when a console instance stopped, so whether Graph provisioned it is not known. It is not sent again by itself; “Retry interrupted items” sends it again.";

function bulkRunTitle(view: Pick<BulkRunView, "labels" | "servicePrincipalId">): string {
  const job = view.labels.job ? ` · ${view.labels.job}` : "";
  return `Bulk run · ${view.labels.application ?? view.servicePrincipalId}${job}`;
}

/** The items table follows the run: when a count or the status changes, the loaded pages are read again. */
function useItemsFollowRun(view: BulkRunView | undefined) {
  const queryClient = useQueryClient();
  const signature = view ? `${view.status}|${JSON.stringify(view.counts)}` : null;
  const seen = useRef(signature);
  useEffect(() => {
    if (!view || seen.current === signature) return;
    const first = seen.current === null;
    seen.current = signature;
    if (!first) void queryClient.invalidateQueries({ queryKey: bulkKeys.allItems(view.id) });
  }, [queryClient, signature, view]);
}

function Items({ view, filter }: { view: BulkRunView; filter: BulkItemFilter | null }) {
  const items = useInfiniteQuery(bulkQueries.items(view.id, filter));
  const rows = items.data?.pages.flatMap((page) => page.items) ?? [];
  const which = filter ? ` with status ${filterLabel(filter)}` : "";
  if (items.isPending) return <Loading text="Loading the items…" />;
  if (items.isError && !items.data) {
    return (
      <LoadFailure
        title="The items could not be loaded"
        error={items.error}
        onRetry={() => void items.refetch()}
      />
    );
  }
  if (rows.length === 0) return <Typography>No item{which}.</Typography>;
  return (
    <Stack spacing={2} sx={{ alignItems: "flex-start" }}>
      <BulkItemsTable
        items={rows}
        caption={`${rows.length.toLocaleString("en-US")}${items.hasNextPage ? "+" : ""} item${rows.length === 1 ? "" : "s"}${which}, by position.`}
      />
      {items.isFetchNextPageError && items.error && (
        <LoadFailure
          title="More items could not be loaded"
          error={items.error}
          onRetry={() => void items.fetchNextPage()}
        />
      )}
      <LoadMore
        hasMore={items.hasNextPage}
        loading={items.isFetchingNextPage}
        onLoadMore={() => void items.fetchNextPage()}
        shown={`${rows.length} items shown.`}
      />
    </Stack>
  );
}

/** One bulk run: progress while it runs (polled every second), its counts, actions and items. */
export function BulkRunPage({ id }: { id: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { filter, notice } = itemFilterFromSearch(new URLSearchParams(searchParams.toString()));
  const run = useQuery(bulkQueries.detail(id));
  useItemsFollowRun(run.data);

  const choose = (next: BulkItemFilter | null) => {
    // Replace, not push: trying filters one after another should not fill the back button.
    router.replace(next ? bulkRunHref(id, next) : pathname, { scroll: false });
  };

  const crumbs = (title: string) => (
    <ConsoleBreadcrumbs crumbs={[{ label: "Bulk runs", href: BULK_RUNS_HREF }, { label: title }]} />
  );

  if (run.isPending) {
    return (
      <Stack spacing={2}>
        {crumbs("Bulk run")}
        <Typography variant="h4" component="h1">
          Bulk run
        </Typography>
        <Loading text="Loading the bulk run…" />
      </Stack>
    );
  }
  const view = run.data;
  if (!view) {
    const error = run.error ?? new Error("The server gave no answer.");
    const missing = error instanceof ApiClientError && error.status === 404;
    return (
      <Stack spacing={2} sx={{ alignItems: "flex-start" }}>
        {crumbs("Bulk run")}
        <Typography variant="h4" component="h1">
          {missing ? "No bulk run with this id" : "Bulk run"}
        </Typography>
        {missing ? (
          <Typography>
            There is no bulk run <code>{id}</code>. The link may be mistyped.{" "}
            <MuiLink component={NextLink} href={BULK_RUNS_HREF}>
              See the recent bulk runs
            </MuiLink>
            .
          </Typography>
        ) : (
          <LoadFailure
            title="The bulk run could not be loaded"
            error={error}
            onRetry={() => void run.refetch()}
          />
        )}
      </Stack>
    );
  }

  const title = bulkRunTitle(view);
  return (
    <Stack spacing={3}>
      {crumbs(title)}
      <Box>
        <Typography variant="h4" component="h1" sx={{ overflowWrap: "anywhere" }}>
          {title}
        </Typography>
        <Typography variant="body2" component="div" sx={{ color: "text.secondary", mt: 0.5 }}>
          Job <CopyableId id={view.jobId} label="job id" /> · rule{" "}
          <CopyableId id={view.ruleId} label="rule id" />
        </Typography>
        <Typography variant="body2" sx={{ color: "text.secondary" }}>
          Started by {view.actor}, <WhenText iso={view.createdAt} /> ·{" "}
          <MuiLink
            component={NextLink}
            href={newBulkRunHref(view.servicePrincipalId, view.jobId, view.ruleId)}
          >
            New bulk run on this job
          </MuiLink>
        </Typography>
      </Box>
      {run.isRefetchError && (
        <Alert severity="warning">
          The latest progress could not be fetched ({run.error?.message}); the page keeps trying.
        </Alert>
      )}

      <OutlinedSection title="Progress" id="bulk-progress-heading">
        <Stack spacing={2}>
          <BulkProgress view={view} />
          <BulkRunActions view={view} />
        </Stack>
      </OutlinedSection>

      <OutlinedSection title="Items" id="bulk-items-heading">
        <Stack spacing={2}>
          {notice && <Alert severity="info">{notice}</Alert>}
          <BulkCountFilter
            counts={view.counts}
            total={view.total}
            skippedBy={view.skippedBy}
            selected={filter}
            onSelect={choose}
          />
          {view.counts.interrupted > 0 ? (
            <Alert severity="warning">{INTERRUPTED_NOTE}</Alert>
          ) : (
            <Typography variant="body2" sx={{ color: "text.secondary" }}>
              {INTERRUPTED_NOTE}
            </Typography>
          )}
          <Items key={filter ?? "all"} view={view} filter={filter} />
        </Stack>
      </OutlinedSection>
    </Stack>
  );
}
