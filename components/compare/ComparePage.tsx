"use client";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MuiLink from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import SwapHorizIcon from "@mui/icons-material/SwapHoriz";
import { useQuery } from "@tanstack/react-query";
import NextLink from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { dateTimeText } from "@/components/jobs/when";
import { runPageHref } from "@/components/history/queries";
import { LoadFailure, Loading } from "@/components/history/RequestStates";
import { WhenText } from "@/components/history/WhenText";
import { runTitleOf } from "@/components/run-result";
import type { RunComparison, RunView } from "@/lib/api/contracts";
import { AttributeDifferencesTable, OutcomeAndActionTable, StepDifferencesTable } from "./ComparisonTables";
import { compareHref, compareRequestFrom } from "./compare-request";
import { compareQueries } from "./queries";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section">
      <Typography variant="h5" component="h2" sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function RunCard({ side, run }: { side: "A" | "B"; run: RunView }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 0 }}>
      <Typography variant="overline" component="p" sx={{ color: "text.secondary", lineHeight: 1.5 }}>
        Run {side}
      </Typography>
      <Typography sx={{ fontWeight: 600, overflowWrap: "anywhere" }}>{runTitleOf(run)}</Typography>
      <Typography variant="body2" sx={{ color: "text.secondary" }}>
        <WhenText iso={run.createdAt} /> · {dateTimeText(run.createdAt)} · by {run.actor}
      </Typography>
      {run.labels.application && <Typography variant="body2">{run.labels.application}</Typography>}
      <MuiLink component={NextLink} href={runPageHref(run.id)} sx={{ display: "inline-block", mt: 1 }}>
        Open run {side}
      </MuiLink>
    </Paper>
  );
}

function ComparisonView({ comparison }: { comparison: RunComparison }) {
  const router = useRouter();
  const { a, b } = comparison;
  return (
    <Stack spacing={4}>
      <Stack spacing={2}>
        <Box
          sx={{
            display: "grid",
            gap: 2,
            gridTemplateColumns: { xs: "1fr", md: "1fr auto 1fr" },
            alignItems: "center",
          }}
        >
          <RunCard side="A" run={a} />
          <Button
            variant="outlined"
            startIcon={<SwapHorizIcon aria-hidden />}
            onClick={() => router.replace(compareHref(b.id, a.id), { scroll: false })}
            sx={{ justifySelf: "center" }}
          >
            Swap A and B
          </Button>
          <RunCard side="B" run={b} />
        </Box>
        {a.id === b.id && (
          <Alert severity="info">Run A and run B are the same run, so nothing differs.</Alert>
        )}
      </Stack>
      <Section title="Outcome and action">
        <OutcomeAndActionTable comparison={comparison} />
      </Section>
      <Section title="Steps that differ">
        <StepDifferencesTable steps={comparison.steps} />
      </Section>
      <Section title="Attributes whose values differ">
        <AttributeDifferencesTable attributes={comparison.attributes} />
      </Section>
    </Stack>
  );
}

function PairComparison({ a, b }: { a: string; b: string }) {
  const comparison = useQuery(compareQueries.pair(a, b));
  if (comparison.isPending) return <Loading text="Comparing the runs…" />;
  if (comparison.isError)
    return <LoadFailure title="The runs could not be compared" error={comparison.error} />;
  return <ComparisonView comparison={comparison.data} />;
}

/** One run named: find the run before it and compare the two, earlier as A. */
function WithPrevious({ runId }: { runId: string }) {
  const router = useRouter();
  const previous = useQuery(compareQueries.previous(runId));
  const found = previous.data ?? null;
  useEffect(() => {
    if (found) router.replace(compareHref(found, runId), { scroll: false });
  }, [found, runId, router]);

  if (previous.isPending || found) return <Loading text="Looking for the previous run of this object…" />;
  if (previous.isError)
    return <LoadFailure title="The previous run could not be looked up" error={previous.error} />;
  return (
    <Alert severity="info">
      <AlertTitle>No previous run</AlertTitle>
      Run <code>{runId}</code> is the first run of its object on its job, so there is nothing earlier to
      compare it with.{" "}
      <MuiLink component={NextLink} href={runPageHref(runId)}>
        Open the run
      </MuiLink>
      .
    </Alert>
  );
}

function PickRuns() {
  const router = useRouter();
  const [a, setA] = useState("");
  const [b, setB] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const first = a.trim() || b.trim();
    if (first) router.push(compareHref(first, a.trim() && b.trim() ? b.trim() : undefined));
  };
  return (
    <Box component="form" onSubmit={submit} aria-label="Runs to compare">
      <Typography sx={{ mb: 2 }}>
        Name two runs by id, or one to compare it with the run before it. A run’s page also has “Compare with
        the previous run”.
      </Typography>
      <Stack direction={{ xs: "column", sm: "row" }} spacing={2} sx={{ alignItems: { sm: "flex-start" } }}>
        <TextInput label="Run A" value={a} onChange={(event) => setA(event.target.value)} size="small" />
        <TextInput
          label="Run B (optional)"
          value={b}
          onChange={(event) => setB(event.target.value)}
          size="small"
        />
        <Button type="submit" variant="contained" disabled={!a.trim() && !b.trim()}>
          Compare
        </Button>
      </Stack>
    </Box>
  );
}

/** Two runs side by side: outcome, action, the steps and the attribute values that differ. */
export function ComparePage() {
  const request = compareRequestFrom(new URLSearchParams(useSearchParams().toString()));
  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h4" component="h1">
          Compare runs
        </Typography>
        <Typography sx={{ color: "text.secondary", mt: 0.5 }}>
          What changed from run A to run B: only what differs is listed.
        </Typography>
      </Box>
      {request.kind === "pair" && <PairComparison a={request.a} b={request.b} />}
      {request.kind === "with-previous" && <WithPrevious runId={request.runId} />}
      {request.kind === "none" && <PickRuns />}
    </Stack>
  );
}
