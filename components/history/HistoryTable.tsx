"use client";
import MuiLink from "@mui/material/Link";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { OutcomeChip } from "@/components/run-result/OutcomeChip";
import type { RunListItem } from "@/lib/api/contracts";
import { normaliseOutcome } from "@/lib/provisioning";
import { runPageHref } from "./queries";
import { runStatusText } from "./run-status";
import { WhenText } from "./WhenText";
import { CaptionedTable } from "@/components/CaptionedTable";

const SUBJECT_KIND: Record<RunListItem["subjectKind"], string> = {
  user: "User",
  group: "Group",
  onPremisesUser: "On-premises user",
};

function Muted({ children }: { children: string }) {
  return (
    <Typography
      variant="body2"
      sx={{ color: "text.secondary", fontFamily: "monospace", fontSize: "0.75rem", overflowWrap: "anywhere" }}
    >
      {children}
    </Typography>
  );
}

function HistoryRow({ run }: { run: RunListItem }) {
  const label = run.labels.subject?.trim() || run.subjectKey;
  return (
    <TableRow
      hover
      // The subject link is stretched over the whole row, so a click anywhere opens the run.
      sx={{
        position: "relative",
        "&:has(a:focus-visible)": { outline: "2px solid", outlineColor: "primary.main", outlineOffset: -2 },
      }}
    >
      <TableCell sx={{ whiteSpace: "nowrap" }}>
        <WhenText iso={run.createdAt} />
      </TableCell>
      <TableCell>{run.labels.application ?? <Muted>{run.servicePrincipalId}</Muted>}</TableCell>
      <TableCell sx={{ maxWidth: 320 }}>
        <MuiLink
          component={NextLink}
          href={runPageHref(run.id)}
          sx={{
            fontWeight: 600,
            overflowWrap: "anywhere",
            "&::after": { content: '""', position: "absolute", inset: 0 },
            "&:focus-visible": { outline: "none" },
          }}
        >
          {label}
        </MuiLink>
        <Typography variant="body2" component="span" sx={{ color: "text.secondary", ml: 1 }}>
          {SUBJECT_KIND[run.subjectKind]}
        </Typography>
        {label !== run.subjectKey && <Muted>{run.subjectKey}</Muted>}
      </TableCell>
      <TableCell>{run.outcome ? <OutcomeChip outcome={normaliseOutcome(run.outcome)} /> : "—"}</TableCell>
      <TableCell>{run.action ?? "—"}</TableCell>
      <TableCell sx={{ overflowWrap: "anywhere" }}>{run.actor}</TableCell>
      <TableCell>
        {runStatusText(run.status)}
        {run.errorCode && <Muted>{run.errorCode}</Muted>}
      </TableCell>
    </TableRow>
  );
}

/** The runs as a table, one row per run; each row opens the run. */
export function HistoryTable({ runs, caption }: { runs: readonly RunListItem[]; caption: string }) {
  return (
    <CaptionedTable
      caption={caption}
      headers={["When", "Application", "Object", "Outcome", "Action", "Who", "Status"]}
    >
      {runs.map((run) => (
        <HistoryRow key={run.id} run={run} />
      ))}
    </CaptionedTable>
  );
}
