"use client";
import { useEffect, useRef, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import Link from "next/link";
import { useInfiniteQuery } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import InputAdornment from "@mui/material/InputAdornment";
import MuiLink from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import Search from "@mui/icons-material/Search";
import { useDebouncedValue } from "@/components/directory/use-debounced-value";
import { JobStatusChip } from "@/components/jobs/JobStatusChip";
import { IdText } from "@/components/IdText";
import { ID_CLASS } from "@/components/presenter/presenter-attribute";
import { TableScroller } from "@/components/TableScroller";
import { tallyJobStatuses } from "@/components/jobs/job-status";
import type { ServicePrincipalSummary } from "@/lib/api/contracts";
import { appHref } from "./app-links";
import { appQueries } from "./queries";
import { visuallyHidden } from "@/components/run-result/visually-hidden";

/** The applications with provisioning: a search kept in `?q=`, a table, and "Load more" by cursor. */
export function AppCatalog() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const search = searchParams.get("q")?.trim() ?? "";
  const [typed, setTyped] = useState(search);
  const settled = useDebouncedValue(typed.trim(), 300);

  // Typing moves the URL; a URL changed from outside (a link, Back) moves the box.
  const lastSettled = useRef(settled);
  useEffect(() => {
    if (settled === lastSettled.current) return;
    lastSettled.current = settled;
    // Once the user has followed a link the search must not pull them back to this page.
    if (settled === search || window.location.pathname !== pathname) return;
    window.history.replaceState(
      null,
      "",
      settled ? `${pathname}?q=${encodeURIComponent(settled)}` : pathname,
    );
  }, [settled, search, pathname]);
  useEffect(() => {
    if (search !== lastSettled.current) setTyped(search);
  }, [search]);

  const query = useInfiniteQuery(appQueries.list(search));
  const apps = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack spacing={2}>
      <TextInput
        type="search"
        label="Search applications"
        placeholder="Name of the application"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <Search aria-hidden />
              </InputAdornment>
            ),
          },
        }}
        sx={{ maxWidth: 480 }}
      />
      <Box role="status" aria-live="polite" sx={visuallyHidden}>
        {query.isPending
          ? "Loading applications"
          : query.isSuccess
            ? countText(apps.length, query.hasNextPage, search)
            : ""}
      </Box>
      {query.isError ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void query.refetch()}>
              Try again
            </Button>
          }
        >
          The applications could not be loaded: {query.error.message}
        </Alert>
      ) : query.isPending ? (
        <AppTableSkeleton />
      ) : apps.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography>
            {search
              ? `No application with provisioning matches "${search}". Check the spelling or search for part of the name.`
              : "No application in this tenant has provisioning set up yet."}
          </Typography>
        </Paper>
      ) : (
        <AppTable apps={apps} />
      )}
      {query.hasNextPage && (
        <Box>
          <Button
            variant="outlined"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
          >
            Load more
          </Button>
        </Box>
      )}
      {query.isFetchNextPageError && (
        <Alert severity="error">More applications could not be loaded: {query.error?.message}</Alert>
      )}
    </Stack>
  );
}

function countText(count: number, more: boolean, search: string): string {
  const one = count === 1 && !more;
  const apps = `${count}${more ? " or more" : ""} application${one ? "" : "s"}`;
  return search ? `${apps} ${one ? "matches" : "match"} "${search}"` : `${apps} with provisioning`;
}

function AppTable({ apps }: { apps: ServicePrincipalSummary[] }) {
  return (
    <TableScroller label="Applications" outlined>
      <Table size="small">
        <Box component="caption" sx={visuallyHidden}>
          Applications with provisioning, their jobs and the jobs&apos; status
        </Box>
        <TableHead>
          <TableRow>
            <TableCell scope="col">Application</TableCell>
            <TableCell scope="col" align="right">
              Jobs
            </TableCell>
            <TableCell scope="col">Job health</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {apps.map((app) => (
            <TableRow key={app.id} hover>
              <TableCell component="th" scope="row">
                <MuiLink component={Link} href={appHref(app.id)} sx={{ fontWeight: 600 }}>
                  {app.displayName || app.appId}
                </MuiLink>
                <Typography
                  variant="body2"
                  className={ID_CLASS}
                  sx={{ color: "text.secondary", fontFamily: "monospace", fontSize: "0.75rem" }}
                >
                  App id <IdText>{app.appId}</IdText>
                </Typography>
              </TableCell>
              <TableCell align="right">{app.jobCount}</TableCell>
              <TableCell>
                <Stack direction="row" sx={{ gap: 1, flexWrap: "wrap" }}>
                  {tallyJobStatuses(app.jobStatuses ?? []).map(({ code, count }) => (
                    <JobStatusChip key={code} code={code} count={count} />
                  ))}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroller>
  );
}

export function AppTableSkeleton() {
  return (
    <Stack spacing={1} aria-hidden>
      {Array.from({ length: 5 }, (_, index) => (
        <Skeleton key={index} variant="rounded" height={48} />
      ))}
    </Stack>
  );
}
