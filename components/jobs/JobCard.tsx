"use client";
import type { ReactNode } from "react";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import MonitorHeartOutlined from "@mui/icons-material/MonitorHeartOutlined";
import PlayArrow from "@mui/icons-material/PlayArrow";
import { LinkButton } from "@/components/LinkButton";
import { jobHealthHref, provisionHref } from "@/components/apps/app-links";
import type { JobSummary } from "@/lib/api/contracts";
import { CopyableId } from "./CopyableId";
import { JobStatusChip } from "./JobStatusChip";
import { QuarantineExplanation } from "./QuarantineExplanation";
import { TimeText } from "./TimeText";
import { jobStatusLook } from "./job-status";
import { templateLabel } from "@/lib/provisioning/job-label";
import { intervalInWords } from "@/lib/provisioning/schedule-interval";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" sx={{ color: "text.secondary" }}>
        {term}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, minWidth: 0 }}>
        {children}
      </Typography>
    </>
  );
}

function scheduleText(schedule: JobSummary["schedule"]): string {
  if (!schedule?.interval) return "No schedule";
  const words = intervalInWords(schedule.interval) ?? `interval ${schedule.interval}`;
  const state =
    schedule.state && schedule.state.toLowerCase() !== "active"
      ? ` (schedule ${schedule.state.toLowerCase()})`
      : "";
  return `Runs ${words}${state}`;
}

/** The job's id, template, status code, schedule and last execution, as a description list. */
export function JobFacts({ job }: { job: JobSummary }) {
  const last = job.status.lastExecution;
  return (
    <Box
      component="dl"
      sx={{
        display: "grid",
        gridTemplateColumns: { xs: "1fr", sm: "max-content 1fr" },
        columnGap: 3,
        rowGap: 1,
        alignItems: "baseline",
        mt: 2,
        mb: 0,
      }}
    >
      <Fact term="Job id">
        <CopyableId id={job.id} label="job id" />
      </Fact>
      <Fact term="Template">
        {templateLabel(job.templateId)} (<code>{job.templateId}</code>)
      </Fact>
      <Fact term="Directories">
        {job.schema
          ? `${job.schema.sourceDirectoryName ?? "unknown"} → ${job.schema.targetDirectoryName ?? "unknown"}${
              job.schema.objectTypes.length > 0 ? `; maps ${job.schema.objectTypes.join(", ")}` : ""
            }`
          : "The job's schema could not be read."}
      </Fact>
      <Fact term="Status code">{job.status.code}</Fact>
      <Fact term="Schedule">{scheduleText(job.schedule)}</Fact>
      <Fact term="Last execution">
        {last && (last.state || last.timeBegan) ? (
          <>
            {last.state ?? "Unknown state"}
            {(last.timeEnded ?? last.timeBegan) && (
              <>
                , {last.timeEnded ? "ended" : "began"} <TimeText iso={last.timeEnded ?? last.timeBegan} />
              </>
            )}
          </>
        ) : (
          "Never run"
        )}
      </Fact>
    </Box>
  );
}

/** A job's label as a heading: "Job 2 of 2 · SCIM → customappsso". */
export function jobHeading(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** One synchronization job: what it is, how it is doing, and the ways to provision on demand with it and act on it. */
export function JobCard({ spId, job }: { spId: string; job: JobSummary }) {
  return (
    <Paper component="article" variant="outlined" sx={{ p: 2.5 }} aria-labelledby={`job-${job.id}`}>
      <Stack
        direction={{ xs: "column", sm: "row" }}
        sx={{ gap: 2, justifyContent: "space-between", alignItems: { sm: "flex-start" } }}
      >
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h6" component="h2" id={`job-${job.id}`} sx={{ overflowWrap: "anywhere" }}>
            {jobHeading(job.label)}
          </Typography>
          <Box sx={{ mt: 0.5, display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: 1 }}>
            <JobStatusChip code={job.status.code} />
            <Typography variant="body2" component="span" sx={{ color: "text.secondary" }}>
              {jobStatusLook(job.status.code).meaning}
            </Typography>
          </Box>
        </Box>
        <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1, flexShrink: 0 }}>
          <LinkButton
            href={jobHealthHref(spId, job.id)}
            variant="outlined"
            startIcon={<MonitorHeartOutlined aria-hidden />}
            aria-label={`Job health and actions for job ${job.id}`}
          >
            Job health
          </LinkButton>
          <LinkButton
            href={provisionHref(spId, job.id)}
            variant="contained"
            startIcon={<PlayArrow aria-hidden />}
            aria-label={`Provision on demand with job ${job.id}`}
          >
            Provision on demand
          </LinkButton>
        </Box>
      </Stack>
      <JobFacts job={job} />
      {job.quarantine && (
        <Box sx={{ mt: 2 }}>
          <QuarantineExplanation quarantine={job.quarantine} />
        </Box>
      )}
    </Paper>
  );
}
