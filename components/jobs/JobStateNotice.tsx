"use client";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Typography from "@mui/material/Typography";
import { jobHealthHref } from "@/components/apps/app-links";
import { LinkButton } from "@/components/LinkButton";
import type { JobSummary } from "@/lib/api/contracts";
import { QuarantineExplanation } from "./QuarantineExplanation";

const ON_DEMAND_IN_QUARANTINE =
  "Provision on demand still sends the one object you pick to the application now, so it is likely to fail with the same error until that is fixed; a run that succeeds shows the fix works. The job's regular cycle stays in quarantine until the service retries it successfully or the job is restarted. On the job's health page an Administrator can test the connection, update the secret token and restart the job.";

/**
 * A quarantined or paused job's state where the operator is about to provision with it, with what
 * that means for provisioning on demand and a way to the job's health page. Nothing for a job that
 * runs normally.
 */
export function JobStateNotice({ spId, job }: { spId: string; job: JobSummary }) {
  const code = job.status.code.toLowerCase();
  const health = (
    <LinkButton href={jobHealthHref(spId, job.id)} color="inherit" size="small">
      Job health
    </LinkButton>
  );
  if (code === "quarantine") {
    return job.quarantine ? (
      <QuarantineExplanation quarantine={job.quarantine} onDemand={ON_DEMAND_IN_QUARANTINE} action={health} />
    ) : (
      <Alert severity="error" variant="outlined" action={health}>
        <AlertTitle>In quarantine</AlertTitle>
        <Typography variant="body2">
          The provisioning service stopped running this job normally because of repeated errors; Graph gave no
          details. {ON_DEMAND_IN_QUARANTINE}
        </Typography>
      </Alert>
    );
  }
  if (code === "paused") {
    return (
      <Alert severity="warning" variant="outlined" action={health}>
        <AlertTitle>This job is paused</AlertTitle>
        <Typography variant="body2">
          Someone stopped it: its regular provisioning cycle does not run until the job is started again.
          Provisioning on demand still works here: it provisions the one object you pick, now; every other
          change waits for the job to be started.
        </Typography>
      </Alert>
    );
  }
  return null;
}
