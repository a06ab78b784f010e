import type { ReactElement } from "react";
import Chip from "@mui/material/Chip";
import CheckCircleOutlinedIcon from "@mui/icons-material/CheckCircleOutlined";
import ErrorOutlinedIcon from "@mui/icons-material/ErrorOutlined";
import HelpOutlinedIcon from "@mui/icons-material/HelpOutlined";
import SkipNextIcon from "@mui/icons-material/SkipNext";
import WarningAmberIcon from "@mui/icons-material/WarningAmber";
import type { Outcome } from "@/lib/provisioning";

export type ChipTone = "success" | "error" | "warning" | "info" | "neutral";

const LOOK: Record<Outcome, { tone: ChipTone; icon: ReactElement; text: string }> = {
  Success: { tone: "success", icon: <CheckCircleOutlinedIcon />, text: "Success" },
  Skipped: { tone: "info", icon: <SkipNextIcon />, text: "Skipped" },
  Failure: { tone: "error", icon: <ErrorOutlinedIcon />, text: "Failure" },
  Warning: { tone: "warning", icon: <WarningAmberIcon />, text: "Warning" },
  Unknown: { tone: "neutral", icon: <HelpOutlinedIcon />, text: "Unknown" },
};

/**
 * A status in words with an icon; the colour only repeats what the text says. The label keeps the
 * theme's text colour because the palette's warning and info colours are too light for small text.
 */
export function StatusChip({ tone, icon, label }: { tone: ChipTone; icon?: ReactElement; label: string }) {
  const colour = tone === "neutral" ? "text.secondary" : `${tone}.main`;
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={icon}
      label={label}
      sx={{
        borderColor: colour,
        color: "text.primary",
        fontWeight: 600,
        "& .MuiChip-icon": { color: colour },
      }}
    />
  );
}

/** An outcome as a chip; `label` overrides the words (a step's status exactly as Graph spelled it). */
export function OutcomeChip({ outcome, label }: { outcome: Outcome; label?: string }) {
  const look = LOOK[outcome];
  return <StatusChip tone={look.tone} icon={look.icon} label={label ?? look.text} />;
}
