"use client";
import { useState } from "react";
import Box from "@mui/material/Box";
import LinearProgress from "@mui/material/LinearProgress";
import Typography from "@mui/material/Typography";
import { visuallyHidden } from "@/components/run-result/visually-hidden";
import type { BulkRunView } from "@/lib/api/contracts";
import { etaInWords, isBulkRunMoving, progressInWords, statusAnnouncement } from "./bulk-status";
import { BulkStatusChip } from "./BulkChips";

/** The announcement as of the last status change: the live region speaks on a change, not on every poll. */
function useStatusAnnouncement(view: BulkRunView): string {
  const [said, setSaid] = useState(() => ({ status: view.status, text: statusAnnouncement(view) }));
  if (said.status !== view.status) setSaid({ status: view.status, text: statusAnnouncement(view) });
  return said.text;
}

/** Status, a bar of done of total, and the time left at the measured pace. */
export function BulkProgress({ view }: { view: BulkRunView }) {
  const announcement = useStatusAnnouncement(view);
  const progress = progressInWords(view);
  const eta = isBulkRunMoving(view.status) ? etaInWords(view.etaMs) : null;
  return (
    <Box>
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1.5, alignItems: "center" }}>
        <BulkStatusChip status={view.status} />
        <Typography sx={{ fontWeight: 600 }}>{progress}</Typography>
        {eta && <Typography sx={{ color: "text.secondary" }}>{eta}</Typography>}
      </Box>
      <LinearProgress
        variant="determinate"
        value={Math.min(view.done, view.total)}
        min={0}
        max={Math.max(view.total, 1)}
        aria-label="Bulk run progress"
        aria-valuetext={progress}
        color={view.status === "paused" ? "warning" : view.status === "cancelled" ? "inherit" : "primary"}
        sx={{ mt: 1.5, height: 8, borderRadius: 1 }}
      />
      <Box role="status" aria-live="polite" aria-atomic="true" sx={visuallyHidden}>
        {announcement}
      </Box>
    </Box>
  );
}
