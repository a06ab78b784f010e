"use client";
import { useId, useState, type ReactElement, type ReactNode } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Collapse from "@mui/material/Collapse";
import Typography from "@mui/material/Typography";
import AccountTreeIcon from "@mui/icons-material/AccountTree";
import CloudDownloadIcon from "@mui/icons-material/CloudDownload";
import CloudUploadIcon from "@mui/icons-material/CloudUpload";
import CompareArrowsIcon from "@mui/icons-material/CompareArrows";
import ExpandLessIcon from "@mui/icons-material/ExpandLess";
import ExpandMoreIcon from "@mui/icons-material/ExpandMore";
import FilterAltIcon from "@mui/icons-material/FilterAlt";
import MoreHorizIcon from "@mui/icons-material/MoreHoriz";
import SettingsIcon from "@mui/icons-material/Settings";
import type { ProvisioningStep, StepKind, StepVerdict } from "@/lib/provisioning";
import { deltasBetween, formatDelta } from "./durations";
import { OutcomeChip } from "./OutcomeChip";
import { StepDetails } from "./StepDetails";
import { visuallyHidden } from "./visually-hidden";

const KIND_LOOK: Record<StepKind, { icon: ReactElement; text: string }> = {
  Import: { icon: <CloudDownloadIcon fontSize="small" />, text: "Import" },
  Scoping: { icon: <FilterAltIcon fontSize="small" />, text: "Scoping" },
  Matching: { icon: <CompareArrowsIcon fontSize="small" />, text: "Matching" },
  Processing: { icon: <SettingsIcon fontSize="small" />, text: "Processing" },
  ReferenceResolution: { icon: <AccountTreeIcon fontSize="small" />, text: "Reference resolution" },
  Export: { icon: <CloudUploadIcon fontSize="small" />, text: "Export" },
  Other: { icon: <MoreHorizIcon fontSize="small" />, text: "Other" },
};

function clockTime(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return date.toLocaleTimeString(undefined, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    fractionalSecondDigits: 3,
  });
}

function StepItem({
  step,
  index,
  delta,
  verdict,
  extra,
}: {
  step: ProvisioningStep;
  index: number;
  delta: number | null;
  verdict: StepVerdict | null;
  /** Shown under the description, e.g. the Scoping step's checks as a table. */
  extra: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const look = KIND_LOOK[step.kind];
  const kindText = step.kind === "Other" && step.type.trim() !== "" ? step.type : look.text;
  const detailCount = Object.keys(step.details).length;
  const accent =
    step.outcome === "Failure" ? "error.main" : step.outcome === "Warning" ? "warning.main" : "divider";

  return (
    <Box
      component="li"
      sx={{
        position: "relative",
        pl: 3,
        pb: 2.5,
        borderLeft: 2,
        borderColor: accent,
        ml: 1.5,
        "&:last-child": { pb: 0 },
      }}
    >
      <Box
        aria-hidden
        sx={{
          position: "absolute",
          left: -13,
          top: 0,
          width: 24,
          height: 24,
          borderRadius: "50%",
          bgcolor: "background.paper",
          border: 2,
          borderColor: accent === "divider" ? "text.secondary" : accent,
          display: "grid",
          placeItems: "center",
          fontSize: 12,
          fontWeight: 700,
        }}
      >
        {index + 1}
      </Box>
      <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: 1.5, rowGap: 0.5 }}>
        <Box
          component="span"
          sx={{ display: "inline-flex", alignItems: "center", gap: 0.75, fontWeight: 700 }}
        >
          <Box component="span" sx={{ display: "inline-flex", color: "text.secondary" }}>
            {look.icon}
          </Box>
          <span>
            <Box component="span" sx={visuallyHidden}>
              Step {index + 1}:{" "}
            </Box>
            {kindText}
          </span>
        </Box>
        {verdict ? (
          <OutcomeChip outcome={verdict.outcome} label={verdict.label} />
        ) : (
          <OutcomeChip outcome={step.outcome} label={step.status.trim() || undefined} />
        )}
        {verdict?.contradicts && (
          <Typography variant="body2" component="span" sx={{ color: "text.secondary" }}>
            (the service wrote “{step.status}”, but its details put the object out of scope)
          </Typography>
        )}
        {step.name && (
          <Box component="code" sx={{ color: "text.secondary", fontSize: "0.8rem" }}>
            {step.name}
          </Box>
        )}
        {step.timestamp && (
          <Typography variant="body2" component="span" sx={{ color: "text.secondary", ml: { sm: "auto" } }}>
            <time dateTime={step.timestamp}>{clockTime(step.timestamp)}</time>
            {delta !== null && (
              <Box component="span" sx={{ ml: 1 }} title="Time since the previous step">
                ({formatDelta(delta)})
              </Box>
            )}
          </Typography>
        )}
      </Box>
      {step.description && (
        <Typography variant="body2" sx={{ mt: 0.75, overflowWrap: "anywhere" }}>
          {step.description}
        </Typography>
      )}
      {extra}
      {detailCount > 0 && (
        <>
          <Button
            size="small"
            sx={{ mt: 0.5, ml: -1 }}
            onClick={() => setOpen((shown) => !shown)}
            aria-expanded={open}
            aria-controls={detailsId}
            endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          >
            {open ? "Hide details" : `Details (${detailCount})`}
            <Box component="span" sx={visuallyHidden}>
              {" "}
              of step {index + 1}, {kindText}
            </Box>
          </Button>
          <Collapse in={open} id={detailsId} unmountOnExit>
            <StepDetails details={step.details} caption={`Details of step ${index + 1}, ${kindText}`} />
          </Collapse>
        </>
      )}
    </Box>
  );
}

/** The provisioning steps in the order the service took them, each with its time and the gap before it. */
export function StepTimeline({
  steps,
  startTime,
  verdictOf,
  extraOf,
}: {
  steps: readonly ProvisioningStep[];
  startTime: string | null;
  /** How to show a step's status when the console reads its details differently from its word. */
  verdictOf?: (step: ProvisioningStep) => StepVerdict | null;
  extraOf?: (step: ProvisioningStep) => ReactNode;
}) {
  if (steps.length === 0) {
    return (
      <Typography sx={{ color: "text.secondary" }}>
        The answer lists no provisioning steps for this object.
      </Typography>
    );
  }
  const deltas = deltasBetween(
    steps.map((step) => step.timestamp),
    startTime,
  );
  return (
    <Box component="ol" sx={{ listStyle: "none", m: 0, p: 0, pt: 0.5 }}>
      {steps.map((step, index) => (
        <StepItem
          key={index}
          step={step}
          index={index}
          delta={deltas[index] ?? null}
          verdict={verdictOf?.(step) ?? null}
          extra={extraOf?.(step) ?? null}
        />
      ))}
    </Box>
  );
}
