"use client";
import { useEffect, useRef, useState } from "react";
import Box from "@mui/material/Box";
import LinearProgress from "@mui/material/LinearProgress";
import Typography from "@mui/material/Typography";
import { visuallyHidden } from "@/components/run-result/visually-hidden";
import type { BulkRunView } from "@/lib/api/contracts";
import {
  etaInWords,
  isBulkRunMoving,
  progressInWords,
  progressValue,
  statusAnnouncement,
} from "./bulk-status";
import { BulkStatusChip } from "./BulkChips";

/** While the run moves, the live region catches up with the screen this often (not every poll). */
export const ANNOUNCE_EVERY_MS = 5000;

/**
 * The live region's words: renewed at once when the status changes, and every few seconds while
 * the run moves, so what a screen reader hears keeps in step with the bar without every tick.
 */
function useStatusAnnouncement(view: BulkRunView): string {
  const text = statusAnnouncement(view);
  const [said, setSaid] = useState(() => ({ status: view.status, text }));
  if (said.status !== view.status) setSaid({ status: view.status, text });
  const latest = useRef(text);
  useEffect(() => {
    latest.current = text;
  });
  const moving = isBulkRunMoving(view.status);
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(
      () =>
        setSaid((before) => (before.text === latest.current ? before : { ...before, text: latest.current })),
      ANNOUNCE_EVERY_MS,
    );
    return () => clearInterval(timer);
  }, [moving]);
  return said.text;
}

/** Status, a bar of the items answered of total, and the time left at the measured pace. */
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
        value={progressValue(view)}
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
