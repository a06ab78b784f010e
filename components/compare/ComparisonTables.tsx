"use client";
import Box from "@mui/material/Box";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import ChangeCircleOutlinedIcon from "@mui/icons-material/ChangeCircleOutlined";
import { OutcomeChip, StatusChip } from "@/components/run-result/OutcomeChip";
import type { RunComparison } from "@/lib/api/contracts";
import { normaliseOutcome } from "@/lib/provisioning/outcome";
import { CaptionedTable } from "@/components/CaptionedTable";
import { IdText } from "@/components/IdText";
import { looksLikeId } from "@/components/looks-like-id";

function Missing({ children }: { children: string }) {
  return (
    <Box component="span" sx={{ color: "text.secondary", fontStyle: "italic" }}>
      {children}
    </Box>
  );
}

function Value({ text }: { text: string | null }) {
  if (text === null) return <Missing>(no value)</Missing>;
  if (text === "") return <Missing>(empty)</Missing>;
  if (looksLikeId(text)) return <IdText>{text}</IdText>;
  return (
    <Box component="span" sx={{ fontFamily: "monospace", whiteSpace: "pre-wrap" }}>
      {text}
    </Box>
  );
}

// A changed row is shaded and says "Changed" in words, so the colour is never the only sign.
const changedRow = { bgcolor: "action.selected" } as const;

function Outcome({ text }: { text: string | null }) {
  return text ? <OutcomeChip outcome={normaliseOutcome(text)} label={text} /> : <Missing>(none)</Missing>;
}

function Action({ text }: { text: string | null }) {
  return text ? <>{text}</> : <Missing>(none)</Missing>;
}

export function OutcomeAndActionTable({ comparison }: { comparison: RunComparison }) {
  const rows = [
    {
      name: "Outcome",
      same: comparison.outcome.same,
      a: <Outcome text={comparison.outcome.a} />,
      b: <Outcome text={comparison.outcome.b} />,
    },
    {
      name: "Action",
      same: comparison.action.same,
      a: <Action text={comparison.action.a} />,
      b: <Action text={comparison.action.b} />,
    },
  ];
  return (
    <CaptionedTable
      caption="Outcome and action of run A and run B"
      headers={["", "Run A", "Run B", "Difference"]}
    >
      {rows.map((row) => (
        <TableRow key={row.name} sx={row.same ? undefined : changedRow}>
          <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
            {row.name}
          </TableCell>
          <TableCell>{row.a}</TableCell>
          <TableCell>{row.b}</TableCell>
          <TableCell>
            {row.same ? (
              "Same"
            ) : (
              <StatusChip tone="warning" icon={<ChangeCircleOutlinedIcon aria-hidden />} label="Changed" />
            )}
          </TableCell>
        </TableRow>
      ))}
    </CaptionedTable>
  );
}

function StepSide({ step }: { step: { status: string; description: string } | null }) {
  if (!step) return <Missing>(no such step)</Missing>;
  return (
    <>
      <OutcomeChip outcome={normaliseOutcome(step.status)} label={step.status} />
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {step.description}
      </Typography>
    </>
  );
}

export function StepDifferencesTable({ steps }: { steps: RunComparison["steps"] }) {
  if (steps.length === 0) return <Typography>The steps went the same way in both runs.</Typography>;
  return (
    <CaptionedTable
      caption={`${steps.length} step${steps.length === 1 ? "" : "s"} that differ`}
      headers={["Step", "Run A", "Run B"]}
    >
      {steps.map((step, index) => (
        <TableRow key={`${index}-${step.type}`}>
          <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
            {step.type}
          </TableCell>
          <TableCell sx={{ width: "42%" }}>
            <StepSide step={step.a} />
          </TableCell>
          <TableCell sx={{ width: "42%" }}>
            <StepSide step={step.b} />
          </TableCell>
        </TableRow>
      ))}
    </CaptionedTable>
  );
}

const WHERE = { source: "Source", target: "Target" } as const;

export function AttributeDifferencesTable({ attributes }: { attributes: RunComparison["attributes"] }) {
  if (attributes.length === 0) return <Typography>No attribute has a different value.</Typography>;
  return (
    <CaptionedTable
      caption={`${attributes.length} attribute value${attributes.length === 1 ? "" : "s"} that differ — as read from the source, and as sent to the target`}
      headers={["Attribute", "Where", "Run A", "Run B"]}
    >
      {attributes.map((attribute) => (
        <TableRow key={`${attribute.where}:${attribute.name}`}>
          <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
            {attribute.name}
          </TableCell>
          <TableCell>{WHERE[attribute.where]}</TableCell>
          <TableCell>
            <Value text={attribute.a} />
          </TableCell>
          <TableCell>
            <Value text={attribute.b} />
          </TableCell>
        </TableRow>
      ))}
    </CaptionedTable>
  );
}
