"use client";
import Alert from "@mui/material/Alert";
import Skeleton from "@mui/material/Skeleton";
import Typography from "@mui/material/Typography";
import { appHref } from "@/components/apps/app-links";
import { ConsoleBreadcrumbs, type Crumb } from "@/components/apps/ConsoleBreadcrumbs";
import { LinkButton } from "@/components/LinkButton";
import { ID_CLASS } from "@/components/presenter/presenter-attribute";
import { CopyableId } from "./CopyableId";
import type { JobPage } from "./use-job-page";

/**
 * The top of a page about one job: where it sits, its title, the application and the job it is for
 * (by the label that tells it from the application's other jobs), and why nothing below can be
 * shown when the application or the job does not exist.
 */
export function JobPageHeader({
  spId,
  jobId,
  page: { app, jobs, job, appMissing, jobMissing },
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
  const loadError = appMissing ? null : (app.error ?? jobs.error);
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
        {!appMissing && (
          <Typography sx={{ color: "text.secondary", mt: 0.5, overflowWrap: "anywhere" }}>
            {app.data ? app.data.displayName : <Skeleton width={240} sx={{ display: "inline-block" }} />}
            {job && ` · ${job.label}`}
          </Typography>
        )}
        <Typography variant="body2" component="div" className={ID_CLASS} sx={{ color: "text.secondary" }}>
          Job <CopyableId id={jobId} label="job id" />
        </Typography>
      </div>

      {appMissing && (
        <Alert
          severity="warning"
          action={
            <LinkButton href="/" color="inherit" size="small">
              Applications
            </LinkButton>
          }
        >
          {app.error?.message ?? `No application has the id ${spId}.`} The link may be stale or mistyped: pick
          the application from the list.
        </Alert>
      )}
      {jobMissing && (
        <Alert
          severity="warning"
          action={
            <LinkButton href={appHref(spId)} color="inherit" size="small">
              Its jobs
            </LinkButton>
          }
        >
          {app.data?.displayName ?? "This application"} has no job with the id {jobId}. The link may be stale
          or mistyped: pick one of the application&apos;s jobs.
        </Alert>
      )}
      {loadError && (
        <Alert severity="error">The application or its jobs could not be loaded: {loadError.message}</Alert>
      )}
    </>
  );
}
