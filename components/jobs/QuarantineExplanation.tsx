"use client";
import type { ReactNode } from "react";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Typography from "@mui/material/Typography";
import type { JobSummary } from "@/lib/api/contracts";
import { explainCode } from "@/lib/provisioning/explain-code";
import { quarantineTiming } from "./quarantine-timing";
import { TimeText } from "./TimeText";

/** Why the job is in quarantine, since when, when it is tried again, and what to do about it. */
export function QuarantineExplanation({
  quarantine,
  onDemand,
  action,
}: {
  quarantine: NonNullable<JobSummary["quarantine"]>;
  /** What the quarantine means for provisioning on demand, where the operator is about to. */
  onDemand?: string;
  /** Where to fix it (the job's health page), beside the title. */
  action?: ReactNode;
}) {
  const reason = quarantine.reason ? explainCode(quarantine.reason) : null;
  const error = quarantine.error?.code ? explainCode(quarantine.error.code) : null;
  const timing = quarantineTiming(quarantine);
  return (
    <Alert severity="error" variant="outlined" action={action}>
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
        {timing.kind === "next" && (
          <>
            Next attempt <TimeText iso={timing.at} />.{" "}
          </>
        )}
        {timing.kind === "overdue" && (
          <>
            The next attempt was due <TimeText iso={timing.at} />, and the job is still in quarantine: the
            service has not run it successfully since.{" "}
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
      {onDemand && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <strong>For provision on demand:</strong> {onDemand}
        </Typography>
      )}
    </Alert>
  );
}
