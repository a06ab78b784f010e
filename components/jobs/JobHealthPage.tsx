"use client";
import dynamic from "next/dynamic";
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import PlayArrow from "@mui/icons-material/PlayArrow";
import { provisionHref } from "@/components/apps/app-links";
import { LinkButton } from "@/components/LinkButton";
import { OutlinedSection } from "@/components/OutlinedSection";
import { useDemoMode } from "@/components/public-settings";
import { JobActionsPanel } from "./JobActionsPanel";
import { JobFacts } from "./JobCard";
import { JobPageHeader } from "./JobPageHeader";
import { JobStatusChip } from "./JobStatusChip";
import { JobTimeline } from "./JobTimeline";
import { QuarantineExplanation } from "./QuarantineExplanation";
import { jobStatusLook } from "./job-status";
import { useJobPage } from "./use-job-page";

// Only demo mode shows the app's side of the token, so Entra mode never downloads it.
const DemoAppTokenPanel = dynamic(() =>
  import("@/components/demo-panel/DemoAppTokenPanel").then((module) => module.DemoAppTokenPanel),
);

const ScenarioBanner = dynamic(() =>
  import("@/components/demo-scenarios/ScenarioBanner").then((module) => module.ScenarioBanner),
);

/** One job's health: its status and any quarantine explained, what an Administrator can do about it, and the timeline. */
export function JobHealthPage({ spId, jobId }: { spId: string; jobId: string }) {
  const page = useJobPage(spId, jobId);
  const { job, app } = page;
  const demoMode = useDemoMode();
  const appName = app.data?.displayName ?? "";

  return (
    <Stack spacing={3}>
      <JobPageHeader spId={spId} jobId={jobId} page={page} title="Job health" />
      {demoMode && <ScenarioBanner spId={spId} jobId={jobId} place="health" />}
      {job && (
        <>
          <OutlinedSection title="Status" id="job-status-heading">
            <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1 }}>
              <JobStatusChip code={job.status.code} />
              <Typography variant="body2" component="span" sx={{ color: "text.secondary" }}>
                {jobStatusLook(job.status.code).meaning}
              </Typography>
            </Box>
            <JobFacts job={job} />
            {job.quarantine && (
              <Box sx={{ mt: 2 }}>
                <QuarantineExplanation quarantine={job.quarantine} />
              </Box>
            )}
            <Box sx={{ mt: 2 }}>
              <LinkButton
                href={provisionHref(spId, jobId)}
                variant="outlined"
                startIcon={<PlayArrow aria-hidden />}
              >
                Provision on demand
              </LinkButton>
            </Box>
          </OutlinedSection>
          <JobActionsPanel spId={spId} job={job} appName={appName} />
        </>
      )}
      <JobTimeline spId={spId} jobId={jobId} />
      {demoMode && job && job.templateId !== "AD2AADProvisioning" && (
        <DemoAppTokenPanel spId={spId} jobId={jobId} appName={appName || "the app"} />
      )}
    </Stack>
  );
}
