"use client";
import Box from "@mui/material/Box";
import TableCell from "@mui/material/TableCell";
import Typography from "@mui/material/Typography";
import { CaptionedTable } from "@/components/CaptionedTable";
import { LinkedTableRow, RowLink } from "@/components/LinkedTableRow";
import { OutcomeChip } from "@/components/run-result/OutcomeChip";
import type { RunListItem } from "@/lib/api/contracts";
import { codeInWords } from "@/lib/provisioning/explain-code";
import { normaliseOutcome } from "@/lib/provisioning/outcome";
import { MonoNote } from "./MonoNote";
import { runPageHref } from "./queries";
import { runStatusText } from "./run-status";
import { WhenText } from "./WhenText";

const SUBJECT_KIND: Record<RunListItem["subjectKind"], string> = {
  user: "User",
  group: "Group",
  onPremisesUser: "On-premises user",
};

/** Why the run was skipped or failed, in a few words with the code beneath; empty for a success. */
function RunReason({ code }: { code: string | null }) {
  if (!code) return null;
  const words = codeInWords(code);
  return words ? (
    <>
      {words}
      <MonoNote>{code}</MonoNote>
    </>
  ) : (
    <MonoNote>{code}</MonoNote>
  );
}

function HistoryRow({ run }: { run: RunListItem }) {
  const label = run.labels.subject?.trim() || run.subjectKey;
  return (
    <LinkedTableRow>
      <TableCell sx={{ whiteSpace: "nowrap" }}>
        <WhenText iso={run.createdAt} />
      </TableCell>
      <TableCell sx={{ maxWidth: 280 }}>
        {run.labels.application ?? <MonoNote>{run.servicePrincipalId}</MonoNote>}
        {/* Which of the application's jobs: runs stored before job labels show the job id. */}
        {run.labels.job ? (
          <Typography variant="body2" sx={{ color: "text.secondary", overflowWrap: "anywhere" }}>
            {run.labels.job}
          </Typography>
        ) : (
          <MonoNote>{run.jobId}</MonoNote>
        )}
      </TableCell>
      <TableCell sx={{ maxWidth: 320 }}>
        <RowLink href={runPageHref(run.id)}>{label}</RowLink>
        <Typography variant="body2" component="span" sx={{ color: "text.secondary", ml: 1 }}>
          {SUBJECT_KIND[run.subjectKind]}
        </Typography>
        {label !== run.subjectKey && <MonoNote>{run.subjectKey}</MonoNote>}
      </TableCell>
      <TableCell>{run.outcome ? <OutcomeChip outcome={normaliseOutcome(run.outcome)} /> : "—"}</TableCell>
      <TableCell sx={{ maxWidth: 240 }}>
        <RunReason code={run.reasonCode} />
      </TableCell>
      <TableCell>{run.action ?? "—"}</TableCell>
      <TableCell sx={{ overflowWrap: "anywhere" }}>
        <Box component="span" title={run.actor}>
          {run.actorName ?? run.actor}
        </Box>
      </TableCell>
      <TableCell>{runStatusText(run.status)}</TableCell>
    </LinkedTableRow>
  );
}

/** The runs as a table, one row per run; each row opens the run. */
export function HistoryTable({ runs, caption }: { runs: readonly RunListItem[]; caption: string }) {
  return (
    <CaptionedTable
      caption={caption}
      headers={["When", "Application", "Object", "Outcome", "Reason", "Action", "Who", "Status"]}
    >
      {runs.map((run) => (
        <HistoryRow key={run.id} run={run} />
      ))}
    </CaptionedTable>
  );
}
