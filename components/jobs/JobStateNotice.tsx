"use client";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Typography from "@mui/material/Typography";
import type { JobSummary } from "@/lib/api/contracts";
import { QuarantineExplanation } from "./QuarantineExplanation";

const ON_DEMAND_IN_QUARANTINE =
  "Provision on demand still sends the one object you pick to the application now, so it is likely to fail with the same error until that is fixed; a run that succeeds shows the fix works. The job's regular cycle stays in quarantine until the service retries it successfully or the job is restarted.";

/**
 * A quarantined or paused job's state where the operator is about to provision with it, with what
 * that means for provisioning on demand. Nothing for a job that runs normally.
 */
export function JobStateNotice({ job }: { job: JobSummary }) {
  const code = job.status.code.toLowerCase();
  if (code === "quarantine") {
    return job.quarantine ? (
      <QuarantineExplanation quarantine={job.quarantine} onDemand={ON_DEMAND_IN_QUARANTINE} />
    ) : (
      <Alert severity="error" variant="outlined">
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
      <Alert severity="warning" variant="outlined">
        <AlertTitle>This job is paused</AlertTitle>
        <Typography variant="body2">
          Someone stopped it: its regular provisioning cycle does not run until the job is started again.
          Provision on demand still provisions the one object you pick, now; every other change waits for the
          job to be started.
        </Typography>
      </Alert>
    );
  }
  return null;
}
