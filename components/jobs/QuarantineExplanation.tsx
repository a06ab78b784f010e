"use client";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Typography from "@mui/material/Typography";
import type { JobSummary } from "@/lib/api/contracts";
import { explainCode } from "@/lib/provisioning/explain-code";
import { TimeText } from "./TimeText";

/** Why the job is in quarantine, since when, when it is tried again, and what to do about it. */
export function QuarantineExplanation({ quarantine }: { quarantine: NonNullable<JobSummary["quarantine"]> }) {
  const reason = quarantine.reason ? explainCode(quarantine.reason) : null;
  const error = quarantine.error?.code ? explainCode(quarantine.error.code) : null;
  return (
    <Alert severity="error" variant="outlined">
      <AlertTitle>
        In quarantine
        {reason?.known ? `: ${reason.title}` : quarantine.reason ? ` (${quarantine.reason})` : ""}
      </AlertTitle>
      <Typography variant="body2">
        {quarantine.currentBegan && (
          <>
            Since <TimeText iso={quarantine.currentBegan} />.{" "}
          </>
        )}
        {quarantine.nextAttempt && (
          <>
            Next attempt <TimeText iso={quarantine.nextAttempt} />.{" "}
          </>
        )}
        {quarantine.seriesCount !== null &&
          quarantine.seriesCount > 1 &&
          `Quarantined ${quarantine.seriesCount} times in a row.`}
      </Typography>
      {error ? (
        <>
          <Typography variant="body2" sx={{ mt: 1, overflowWrap: "anywhere" }}>
            <strong>{error.title}</strong> (<code>{error.code}</code>): {error.meaning}
          </Typography>
          {quarantine.error?.message && (
            <Typography variant="body2" sx={{ mt: 0.5, color: "text.secondary", overflowWrap: "anywhere" }}>
              The service said: {quarantine.error.message}
            </Typography>
          )}
          <Typography variant="body2" sx={{ mt: 1 }}>
            <strong>What to do:</strong> {error.action}
          </Typography>
        </>
      ) : (
        reason && (
          <Typography variant="body2" sx={{ mt: 1 }}>
            {reason.meaning} <strong>What to do:</strong> {reason.action}
          </Typography>
        )
      )}
    </Alert>
  );
}
