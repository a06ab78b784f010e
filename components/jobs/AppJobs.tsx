"use client";
import { useQuery } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { ApiClientError } from "@/components/api/api-fetch";
import { ConsoleBreadcrumbs } from "@/components/apps/ConsoleBreadcrumbs";
import { appQueries } from "@/components/apps/queries";
import { visuallyHidden } from "@/components/run-result/visually-hidden";
import { LinkButton } from "@/components/LinkButton";
import { JobCard } from "./JobCard";
import { jobQueries } from "./queries";

/** An application's synchronization jobs, each with its health and a way to provision on demand. */
export function AppJobs({ spId }: { spId: string }) {
  const app = useQuery(appQueries.detail(spId));
  const jobs = useQuery(jobQueries.list(spId));
  const name = app.data?.displayName ?? (app.isError ? "Application" : null);

  if (app.error instanceof ApiClientError && app.error.status === 404) {
    return (
      <Stack spacing={2} sx={{ alignItems: "flex-start" }}>
        <Typography variant="h4" component="h1">
          Application not found
        </Typography>
        <Alert severity="warning">{app.error.message}</Alert>
        <LinkButton href="/" variant="contained">
          Back to applications
        </LinkButton>
      </Stack>
    );
  }

  return (
    <Stack spacing={3}>
      <ConsoleBreadcrumbs crumbs={[{ label: "Applications", href: "/" }, { label: name ?? "Application" }]} />
      <div>
        <Typography variant="h4" component="h1">
          {name ?? <Skeleton width="40%" />}
        </Typography>
        {app.data && (
          <Typography variant="body2" sx={{ color: "text.secondary" }}>
            App id <code>{app.data.appId}</code> · service principal <code>{app.data.id}</code>
          </Typography>
        )}
      </div>
      <Box role="status" aria-live="polite" sx={visuallyHidden}>
        {jobs.isPending
          ? "Loading jobs"
          : jobs.isSuccess
            ? `${jobs.data.length} synchronization job${jobs.data.length === 1 ? "" : "s"}`
            : ""}
      </Box>
      {jobs.isError ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void jobs.refetch()}>
              Try again
            </Button>
          }
        >
          The jobs could not be loaded: {jobs.error.message}
        </Alert>
      ) : jobs.isPending ? (
        <JobListSkeleton />
      ) : jobs.data.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography>
            This application has no synchronization jobs, so there is nothing to provision.
          </Typography>
        </Paper>
      ) : (
        jobs.data.map((job) => <JobCard key={job.id} spId={spId} job={job} />)
      )}
    </Stack>
  );
}

export function JobListSkeleton() {
  return (
    <Stack spacing={2} aria-hidden>
      <Skeleton variant="rounded" height={180} />
      <Skeleton variant="rounded" height={180} />
    </Stack>
  );
}
