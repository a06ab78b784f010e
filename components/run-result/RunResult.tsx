"use client";
import type { ReactNode } from "react";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import MuiLink from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import type { RunContent } from "@/lib/api/contracts";
import { OutcomeAlert } from "./OutcomeAlert";
import { ID_CLASS } from "@/components/presenter/presenter-attribute";
import { RawAnswer } from "./RawAnswer";
import { ReportSections } from "./ReportSections";
import { RequestSnippets } from "./RequestSnippets";
import { RunActions, type RunActionsProps } from "./RunActions";
import { RunFailure } from "./RunFailure";
import { RunProgress } from "./RunProgress";
import { RunSummary } from "./RunSummary";
import { RunContext, type RunContextValue } from "./run-context";
import { useExplanationExtras } from "./explanation-extras";

export interface RunResultProps extends RunActionsProps {
  /** A run, or a shared link's view of one (no id). */
  run: RunContent & { id?: string };
  /** When the answer holding `run` arrived (the query's dataUpdatedAt): a queued run counts down from it. */
  receivedAt: number;
  /**
   * Whether the result may ask the API for more than the run (the application, the members' runs);
   * left off on a shared link, whose reader may not be signed in.
   */
  live?: boolean;
}

function Section({
  title,
  id,
  className,
  children,
}: {
  title: string;
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Box component="section" id={id} className={className} sx={{ scrollMarginTop: 16 }}>
      <Typography variant="h5" component="h2" sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function WarningsAlert({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>Parts of the answer could not be read</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {warnings.map((warning, index) => (
          <li key={index}>{warning}</li>
        ))}
      </Box>
      <Box sx={{ mt: 1 }}>
        The <MuiLink href="#raw-answer">raw answer</MuiLink> below shows everything Graph sent.
      </Box>
    </Alert>
  );
}

/**
 * Everything about one run: while it is queued or running, its progress; once finished, the summary,
 * the explanation, the steps, the modified properties, the raw answer and the same request as a script.
 */
export function RunResult({ run, receivedAt, live = false, ...actions }: RunResultProps) {
  const extras = useExplanationExtras(run, live);
  if (run.status === "queued" || run.status === "running")
    return <RunProgress run={run} receivedAt={receivedAt} />;
  const result = run.status === "completed" ? run.result : null;
  const context: RunContextValue = {
    runId: run.id ?? null,
    servicePrincipalId: run.request.servicePrincipalId,
    jobId: run.request.jobId,
    applicationName: run.labels.application,
    live,
  };

  return (
    <RunContext.Provider value={context}>
      {/* MUI marks keyboard focus with a faint ripple; an outline makes it plain in both schemes. */}
      <Stack
        spacing={4}
        sx={{
          "& .Mui-focusVisible": { outline: "2px solid", outlineColor: "primary.main", outlineOffset: 2 },
        }}
      >
        <Section title="Summary">
          <Stack spacing={2}>
            <RunSummary run={run} />
            {run.status === "completed" && !result && (
              <Alert severity="warning">The run completed, but no result was stored for it.</Alert>
            )}
            {result && <OutcomeAlert result={result} />}
            {result && <WarningsAlert warnings={result.warnings} />}
            {run.status !== "completed" && <RunFailure run={run} />}
            <RunActions request={run.request} {...actions} />
          </Stack>
        </Section>
        {result && <ReportSections result={result} request={run.request} extras={extras} />}
        {result && (
          // Made of ids (objects, rule, job, change): presenter mode leaves the raw answer and the script out.
          <Section title="Raw answer" id="raw-answer" className={ID_CLASS}>
            <RawAnswer
              result={result}
              runId={run.id ?? "shared-run"}
              initiallyOpen={result.warnings.length > 0}
            />
          </Section>
        )}
        <Section title="The same request as a script" className={ID_CLASS}>
          <RequestSnippets request={run.request} />
        </Section>
      </Stack>
    </RunContext.Provider>
  );
}
