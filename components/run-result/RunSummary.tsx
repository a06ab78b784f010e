"use client";
import type { ReactNode } from "react";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import ErrorOutlinedIcon from "@mui/icons-material/ErrorOutlined";
import WarningAmberIcon from "@mui/icons-material/WarningAmber";
import type { RunContent } from "@/lib/api/contracts";
import { CopyButton } from "./CopyButton";
import { formatDuration } from "./durations";
import { ID_CLASS } from "@/components/presenter/presenter-attribute";
import { FactList, type Fact } from "./FactList";
import { OutcomeChip, StatusChip } from "./OutcomeChip";
import { summaryFactsOf } from "./summary-facts";

function statusOf(run: RunContent): ReactNode {
  if (run.status === "failed")
    return <StatusChip tone="error" icon={<ErrorOutlinedIcon />} label="Call failed" />;
  if (run.status === "interrupted")
    return <StatusChip tone="warning" icon={<WarningAmberIcon />} label="Interrupted" />;
  if (!run.result) return <StatusChip tone="neutral" label="No result stored" />;
  const { outcome, resultText } = run.result;
  // Keep the service's own word when it is not one the console knows, so nothing is hidden.
  const label = outcome === "Unknown" && resultText ? `Unknown (“${resultText}”)` : undefined;
  return <OutcomeChip outcome={outcome} label={label} />;
}

function durationText(facts: ReturnType<typeof summaryFactsOf>): string | null {
  const parts: string[] = [];
  if (facts.serviceMs !== null) parts.push(`${formatDuration(facts.serviceMs)} in the provisioning service`);
  if (facts.callMs !== null) parts.push(`the call to Graph took ${formatDuration(facts.callMs)}`);
  if (facts.queuedMs !== null && facts.queuedMs >= 1000)
    parts.push(`waited ${formatDuration(facts.queuedMs)} behind the rate limit`);
  const text = parts.join("; ");
  return text === "" ? null : text.charAt(0).toUpperCase() + text.slice(1);
}

function Code({ children }: { children: ReactNode }) {
  return (
    <Box component="code" sx={{ fontFamily: "monospace", fontSize: "0.9em", overflowWrap: "anywhere" }}>
      {children}
    </Box>
  );
}

/** The facts of a finished run at a glance: outcome, action, object, systems, times and ids. */
export function RunSummary({ run }: { run: RunContent }) {
  const facts = summaryFactsOf(run);
  const graphRequestId = run.graphRequestId ?? run.error?.graphRequestId ?? null;
  const duration = durationText(facts);
  const created = new Date(run.createdAt);
  const rows: Fact[] = [
    ["Outcome", statusOf(run)],
    [
      "Action",
      facts.action ?? (
        <Typography component="span" sx={{ color: "text.secondary" }}>
          Not reported
        </Typography>
      ),
    ],
    [
      "Object",
      <>
        {facts.object}
        <Typography component="span" sx={{ color: "text.secondary" }}>
          {" "}
          · {facts.subjectKind}
        </Typography>
        {facts.objectId && (
          <Box className={ID_CLASS} sx={{ color: "text.secondary", fontSize: "0.875rem" }}>
            Source id <Code>{facts.objectId}</Code>
          </Box>
        )}
      </>,
    ],
    [
      "Source → target",
      facts.sourceSystem || facts.targetSystem ? (
        `${facts.sourceSystem ?? "not reported"} → ${facts.targetSystem ?? "not reported"}`
      ) : (
        <Typography component="span" sx={{ color: "text.secondary" }}>
          Not reported{run.labels.application ? ` (application: ${run.labels.application})` : ""}
        </Typography>
      ),
    ],
  ];
  if (duration) rows.push(["Duration", duration]);
  rows.push([
    "Graph request id",
    graphRequestId ? (
      <Box component="span" sx={{ display: "inline-flex", alignItems: "center", gap: 0.5, flexWrap: "wrap" }}>
        <Code>{graphRequestId}</Code>
        <CopyButton text={graphRequestId} label="Copy the Graph request id" compact />
      </Box>
    ) : (
      <Typography component="span" sx={{ color: "text.secondary" }}>
        Not available
      </Typography>
    ),
    ID_CLASS,
  ]);
  rows.push([
    "Requested",
    <>
      by {run.actor} at{" "}
      <time dateTime={run.createdAt}>
        {Number.isNaN(created.getTime()) ? run.createdAt : created.toLocaleString()}
      </time>
      {run.labels.application && ` in ${run.labels.application}`}
    </>,
  ]);
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
      <FactList facts={rows} />
    </Paper>
  );
}
