"use client";
import { useId, useMemo, useState, type ReactNode } from "react";
import NextLink from "next/link";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MuiLink from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { runHref } from "@/components/apps/app-links";
import { CopyableId } from "@/components/jobs/CopyableId";
import { TimeText } from "@/components/jobs/TimeText";
import { CodeBlock } from "@/components/run-result/CodeBlock";
import { CopyButton } from "@/components/run-result/CopyButton";
import { OutcomeAlert } from "@/components/run-result/OutcomeAlert";
import { ReportSections } from "@/components/run-result/ReportSections";
import type { ProvisioningEventView } from "@/lib/api/contracts";
import { durationText, originText } from "./event-text";

// A provisioning-log event in the very view of a run (outcome, steps, modified properties): the
// run-result components take the ProvisioningResult lib/provisioning reads from the entry.

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" sx={{ color: "text.secondary" }}>
        {term}
      </Typography>
      <Box component="dd" sx={{ m: 0, minWidth: 0, typography: "body2", overflowWrap: "anywhere" }}>
        {children}
      </Box>
    </>
  );
}

function RawEntry({ entry, initiallyOpen }: { entry: unknown; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const blockId = useId();
  const json = useMemo(() => JSON.stringify(entry, null, 2) ?? "null", [entry]);
  return (
    <Box>
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1 }}>
        <Button
          size="small"
          variant="outlined"
          onClick={() => setOpen((shown) => !shown)}
          aria-expanded={open}
          aria-controls={blockId}
        >
          {open ? "Hide raw JSON" : "Show raw JSON"}
        </Button>
        <CopyButton text={json} label="Copy JSON" />
      </Box>
      <Box id={blockId} hidden={!open} sx={{ mt: 1.5 }}>
        {open && <CodeBlock text={json} label="The log entry as Graph returned it, as JSON" />}
      </Box>
    </Box>
  );
}

function JoinedRun({ view }: { view: ProvisioningEventView }) {
  if (view.run)
    return (
      <MuiLink component={NextLink} href={runHref(view.run.id)}>
        The console run of this change ({view.run.outcome ?? view.run.status})
      </MuiLink>
    );
  return (
    <>
      {view.event.origin === "onDemand"
        ? "None: provisioned on demand outside this console, or before it kept the run."
        : "None: the provisioning service's own cycle made this change."}
    </>
  );
}

export function LogEventView({ view }: { view: ProvisioningEventView }) {
  const { event } = view;
  const { result } = event;
  return (
    <Stack
      spacing={4}
      sx={{ "& .Mui-focusVisible": { outline: "2px solid", outlineColor: "primary.main", outlineOffset: 2 } }}
    >
      <Box component="section" aria-labelledby="event-summary">
        <Typography variant="h5" component="h2" id="event-summary" sx={{ mb: 1.5 }}>
          Summary
        </Typography>
        <Stack spacing={2}>
          <Box
            component="dl"
            sx={{
              display: "grid",
              gridTemplateColumns: { xs: "1fr", sm: "max-content 1fr" },
              columnGap: 3,
              rowGap: 1,
              m: 0,
            }}
          >
            <Fact term="When">
              <TimeText iso={event.activityDateTime} />
            </Fact>
            <Fact term="Application">
              {event.servicePrincipal.displayName ?? event.servicePrincipal.id ?? "Not named"}
            </Fact>
            <Fact term="Started by">
              {originText(event.origin)}
              {event.initiatedBy.displayName && event.initiatedBy.displayName !== originText(event.origin)
                ? ` (${event.initiatedBy.displayName})`
                : ""}
            </Fact>
            <Fact term="Action">{event.action ?? "None given"}</Fact>
            {durationText(event.durationMs) && <Fact term="Took">{durationText(event.durationMs)}</Fact>}
            <Fact term="Console run">
              <JoinedRun view={view} />
            </Fact>
            {event.changeId && (
              <Fact term="Change id">
                <CopyableId id={event.changeId} label="change id" />
              </Fact>
            )}
            {event.cycleId && (
              <Fact term="Cycle id">
                <CopyableId id={event.cycleId} label="cycle id" />
              </Fact>
            )}
            {event.jobId && (
              <Fact term="Job id">
                <CopyableId id={event.jobId} label="job id" />
              </Fact>
            )}
          </Box>
          <OutcomeAlert result={result} />
          {result.warnings.length > 0 && (
            <Alert severity="warning">
              <AlertTitle>Parts of this log entry could not be read</AlertTitle>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {result.warnings.map((warning, index) => (
                  <li key={index}>{warning}</li>
                ))}
              </Box>
              <Box sx={{ mt: 1 }}>
                The <MuiLink href="#raw-entry">raw entry</MuiLink> below shows everything Graph sent.
              </Box>
            </Alert>
          )}
        </Stack>
      </Box>
      <ReportSections result={result} groupEvent={event.source.type?.toLowerCase() === "group"} />
      <Box component="section" id="raw-entry" aria-labelledby="raw-entry-title" sx={{ scrollMarginTop: 16 }}>
        <Typography variant="h5" component="h2" id="raw-entry-title" sx={{ mb: 1.5 }}>
          Raw entry
        </Typography>
        <RawEntry entry={result.raw.value} initiallyOpen={result.warnings.length > 0} />
      </Box>
    </Stack>
  );
}
