"use client";
import Alert from "@mui/material/Alert";
import Skeleton from "@mui/material/Skeleton";
import Typography from "@mui/material/Typography";
import { appHref } from "@/components/apps/app-links";
import { ConsoleBreadcrumbs, type Crumb } from "@/components/apps/ConsoleBreadcrumbs";
import { CopyableId } from "./CopyableId";
import { templateLabel } from "./job-template";
import type { JobPage } from "./use-job-page";

/**
 * The top of a page about one job: where it sits, its title, the application and job it is for,
 * and why it cannot be shown when the application or job is missing.
 */
export function JobPageHeader({
  spId,
  jobId,
  page: { app, jobs, job },
  title,
  trail = [],
}: {
  spId: string;
  jobId: string;
  page: JobPage;
  title: string;
  /** Crumbs between the application and this page. */
  trail?: Crumb[];
}) {
  const loadError = app.error ?? jobs.error;
  return (
    <>
      <ConsoleBreadcrumbs
        crumbs={[
          { label: "Applications", href: "/" },
          { label: app.data?.displayName ?? "Application", href: appHref(spId) },
          ...trail,
          { label: title },
        ]}
      />
      <div>
        <Typography variant="h4" component="h1">
          {title}
        </Typography>
        <Typography sx={{ color: "text.secondary", mt: 0.5 }}>
          {app.data ? app.data.displayName : <Skeleton width={240} sx={{ display: "inline-block" }} />}
          {job && ` · ${templateLabel(job.templateId)}`}
        </Typography>
        <Typography variant="body2" component="div" sx={{ color: "text.secondary" }}>
          Job <CopyableId id={jobId} label="job id" />
        </Typography>
      </div>

      {loadError && (
        <Alert severity="error">The application or its jobs could not be loaded: {loadError.message}</Alert>
      )}
      {jobs.isSuccess && !job && (
        <Alert severity="warning">
          This application has no job with the id {jobId}. Go back to the application and pick one of its
          jobs.
        </Alert>
      )}
    </>
  );
}
