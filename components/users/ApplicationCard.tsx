"use client";
import type { ReactNode } from "react";
import NextLink from "next/link";
import Box from "@mui/material/Box";
import MuiLink from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { appHref, provisionHref, runHref } from "@/components/apps/app-links";
import { WhenText } from "@/components/history/WhenText";
import { JobStatusChip } from "@/components/jobs/JobStatusChip";
import { templateLabel } from "@/lib/provisioning/job-label";
import { OutcomeChip } from "@/components/run-result/OutcomeChip";
import { explainCode } from "@/lib/provisioning/explain-code";
import { normaliseOutcome } from "@/lib/provisioning/outcome";
import type { EventSummary, RunListItem, UserApplication, UserJob } from "@/lib/api/contracts";
import { originText, reachText } from "./event-text";
import { FailuresWaitingPanel } from "./FailuresWaitingPanel";
import { ProvisionUserButton } from "./ProvisionUserButton";
import { eventHref } from "./user-links";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" sx={{ color: "text.secondary", fontWeight: 600 }}>
        {term}
      </Typography>
      <Box component="dd" sx={{ m: 0, minWidth: 0, typography: "body2" }}>
        {children}
      </Box>
    </>
  );
}

function LatestEvent({
  event,
  userId,
  logAvailable,
}: {
  event: EventSummary | null;
  userId: string;
  logAvailable: boolean;
}) {
  if (!logAvailable) return <>The provisioning logs cannot be read (see above).</>;
  if (!event)
    return <>No event for this user in the provisioning logs (they keep 30 days, 7 on free tenants).</>;
  const explanation = event.errorCode ? explainCode(event.errorCode) : null;
  return (
    <Stack spacing={0.5}>
      <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1 }}>
        <OutcomeChip outcome={normaliseOutcome(event.outcome)} />
        <span>
          {event.action ?? "No action"} · {originText(event.origin)} ·{" "}
          <WhenText iso={event.activityDateTime} />
        </span>
      </Box>
      {explanation && (
        <Box>
          <strong>{explanation.title}</strong> <code>({explanation.code})</code>: {explanation.meaning}
        </Box>
      )}
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2 }}>
        <MuiLink component={NextLink} href={eventHref(userId, event.id)}>
          Open the event
        </MuiLink>
        {event.runId && (
          <MuiLink component={NextLink} href={runHref(event.runId)}>
            The console run of this change
          </MuiLink>
        )}
      </Box>
    </Stack>
  );
}

function LatestRun({ run }: { run: RunListItem | null }) {
  if (!run) return <>No run of this console yet.</>;
  return (
    <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1 }}>
      {run.outcome ? <OutcomeChip outcome={normaliseOutcome(run.outcome)} /> : <span>{run.status}</span>}
      <MuiLink component={NextLink} href={runHref(run.id)}>
        {run.action ?? "Run"} by {run.actor}
      </MuiLink>
      <WhenText iso={run.finishedAt ?? run.createdAt} />
    </Box>
  );
}

function JobPanel({
  app,
  job,
  userId,
  logAvailable,
}: {
  app: UserApplication;
  job: UserJob;
  userId: string;
  logAvailable: boolean;
}) {
  const label = `${templateLabel(job.templateId)} in ${app.displayName}`;
  const provision = "ruleId" in job.provision ? job.provision : null;
  return (
    <Box
      component="section"
      aria-label={`Job ${job.jobId}`}
      sx={{ borderTop: 1, borderColor: "divider", pt: 2 }}
    >
      <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1, mb: 1.5 }}>
        <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
          {templateLabel(job.templateId)}
        </Typography>
        <JobStatusChip code={job.statusCode} />
        <MuiLink component={NextLink} href={provisionHref(app.servicePrincipalId, job.jobId)} variant="body2">
          Open the job
        </MuiLink>
        {app.jobs.length > 1 && (
          // Two jobs of one template look alike: their ids tell them apart.
          <Box
            component="code"
            sx={{ color: "text.secondary", fontSize: "0.8rem", overflowWrap: "anywhere" }}
          >
            {job.jobId}
          </Box>
        )}
      </Box>
      <Box
        component="dl"
        sx={{
          display: "grid",
          gridTemplateColumns: { xs: "1fr", md: "11rem 1fr" },
          columnGap: 3,
          rowGap: 1.5,
          m: 0,
        }}
      >
        <Fact term="Latest provisioning event">
          <LatestEvent event={job.latestEvent} userId={userId} logAvailable={logAvailable} />
        </Fact>
        <Fact term="Latest console run">
          <LatestRun run={job.latestRun} />
        </Fact>
        <Fact term="Provision on demand">
          <ProvisionUserButton
            userId={userId}
            jobLabel={label}
            disabledReason={"problem" in job.provision ? job.provision.problem : null}
            request={{
              servicePrincipalId: app.servicePrincipalId,
              jobId: job.jobId,
              ruleId: provision?.ruleId ?? "",
              subject: provision?.subject ?? { kind: "user", objectId: userId },
            }}
          />
        </Fact>
        {logAvailable && (
          <Fact term="Failures waiting">
            <FailuresWaitingPanel spId={app.servicePrincipalId} jobId={job.jobId} jobLabel={label} />
          </Fact>
        )}
      </Box>
    </Box>
  );
}

/** One application with provisioning that reaches the user: how, and each of its jobs. */
export function ApplicationCard({
  app,
  userId,
  logAvailable,
}: {
  app: UserApplication;
  userId: string;
  logAvailable: boolean;
}) {
  const headingId = `app-${app.servicePrincipalId}`;
  return (
    <Paper component="article" variant="outlined" sx={{ p: { xs: 2, sm: 2.5 } }} aria-labelledby={headingId}>
      <Typography variant="h6" component="h3" id={headingId}>
        <MuiLink
          component={NextLink}
          href={appHref(app.servicePrincipalId)}
          color="inherit"
          underline="hover"
        >
          {app.displayName}
        </MuiLink>
      </Typography>
      <Typography variant="body2" sx={{ color: "text.secondary", mb: 2 }}>
        {reachText(app)}
      </Typography>
      <Stack spacing={2}>
        {app.jobs.map((job) => (
          <JobPanel key={job.jobId} app={app} job={job} userId={userId} logAvailable={logAvailable} />
        ))}
      </Stack>
    </Paper>
  );
}
