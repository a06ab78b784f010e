"use client";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import { jobHealthHref } from "@/components/apps/app-links";
import { LinkButton } from "@/components/LinkButton";
import type { JobSummary } from "@/lib/api/contracts";
import { explainCode } from "@/lib/provisioning/explain-code";

/** On the provision page: the job is quarantined or paused, what that means for a run here, and where to fix it. */
export function JobHealthNotice({ spId, job }: { spId: string; job: JobSummary }) {
  const code = job.status.code.toLowerCase();
  if (code !== "quarantine" && code !== "paused") return null;
  const action = (
    <LinkButton href={jobHealthHref(spId, job.id)} color="inherit" size="small">
      Job health
    </LinkButton>
  );
  if (code === "paused")
    return (
      <Alert severity="info" action={action}>
        <AlertTitle>This job is paused</AlertTitle>
        Its scheduled cycles do not run until it is started again. Provisioning on demand still works here.
      </Alert>
    );
  const cause = job.quarantine?.error?.code ? explainCode(job.quarantine.error.code) : null;
  return (
    <Alert severity="warning" action={action}>
      <AlertTitle>This job is in quarantine{cause?.known ? `: ${cause.title}` : ""}</AlertTitle>
      Provisioning on demand still runs, but it may fail for the same reason. On the job&apos;s health page an
      Administrator can test the connection, update the secret token and restart the job.
    </Alert>
  );
}
