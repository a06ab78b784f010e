"use client";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import DownloadIcon from "@mui/icons-material/Download";
import { DownloadButton } from "@/components/api/DownloadButton";
import { LinkButton } from "@/components/LinkButton";
import { PageHeading } from "@/components/PageHeading";
import type { RunHistoryFilters } from "@/lib/api/contracts";
import { HistoryFilterForm } from "./HistoryFilterForm";
import {
  filtersFromSearchParams,
  hasFilters,
  isEmptyRange,
  searchParamsFromFilters,
} from "./history-filters";
import { HistoryTable } from "./HistoryTable";
import { LoadFailure, Loading, LoadMore } from "./RequestStates";
import { historyCsvHref, historyQueries } from "./queries";

/** Every run, newest first, filtered by what the URL says; "Load more" follows the keyset cursor. */
export function HistoryPage() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const filters = useMemo(() => filtersFromSearchParams(new URLSearchParams(query)), [query]);
  const history = useInfiniteQuery({ ...historyQueries.list(filters), enabled: !isEmptyRange(filters) });

  const apply = (next: RunHistoryFilters) => {
    const text = searchParamsFromFilters(next).toString();
    // Replace, not push: a date typed digit by digit would otherwise leave a trail of entries.
    router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
  };

  const runs = history.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = hasFilters(filters);

  return (
    <Stack spacing={3}>
      <PageHeading
        title="History"
        action={
          <DownloadButton
            path={historyCsvHref(filters)}
            fallbackName="provisioning-history.csv"
            variant="outlined"
            startIcon={<DownloadIcon aria-hidden />}
            sx={{ flexShrink: 0, whiteSpace: "nowrap" }}
          >
            Download CSV
          </DownloadButton>
        }
      >
        Every provision-on-demand run made from this console, newest first. Open a run to see its steps, share
        it or compare it with the run before.
      </PageHeading>
      <HistoryFilterForm filters={filters} onApply={apply} />
      {isEmptyRange(filters) ? (
        <Alert severity="warning">The “To” date is before the “From” date, so no run can match.</Alert>
      ) : history.isPending ? (
        <Loading text="Loading the history…" />
      ) : history.isError && !history.data ? (
        <LoadFailure
          title="The history could not be loaded"
          error={history.error}
          onRetry={() => void history.refetch()}
        />
      ) : runs.length === 0 ? (
        <Alert
          severity="info"
          action={
            filtered ? (
              <Button color="inherit" size="small" onClick={() => apply({})}>
                Clear filters
              </Button>
            ) : (
              <LinkButton color="inherit" size="small" href="/">
                Run one
              </LinkButton>
            )
          }
        >
          {filtered ? "No run matches these filters." : "No run has been made yet."}
        </Alert>
      ) : (
        <Stack spacing={2} sx={{ alignItems: "flex-start" }}>
          <HistoryTable
            runs={runs}
            caption={`${runs.length}${history.hasNextPage ? "+" : ""} run${runs.length === 1 ? "" : "s"}${filtered ? " matching the filters" : ""}, newest first. Select a row to open the run.`}
          />
          {history.isFetchNextPageError && history.error && (
            <LoadFailure
              title="More runs could not be loaded"
              error={history.error}
              onRetry={() => void history.fetchNextPage()}
            />
          )}
          <LoadMore
            hasMore={history.hasNextPage}
            loading={history.isFetchingNextPage}
            onLoadMore={() => void history.fetchNextPage()}
            shown={`${runs.length} runs shown.`}
          />
        </Stack>
      )}
    </Stack>
  );
}
