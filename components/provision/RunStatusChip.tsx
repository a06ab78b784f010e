"use client";
import HourglassEmpty from "@mui/icons-material/HourglassEmpty";
import Sync from "@mui/icons-material/Sync";
import ErrorOutlined from "@mui/icons-material/ErrorOutlined";
import WarningAmber from "@mui/icons-material/WarningAmber";
import { OutcomeChip, StatusChip } from "@/components/run-result/OutcomeChip";
import type { RunView } from "@/lib/api/contracts";

/** A run's state in one chip: queued (with its place in line), running, the outcome, or why it failed. */
export function RunStatusChip({ run }: { run: RunView }) {
  switch (run.status) {
    case "queued":
      return (
        <StatusChip
          tone="info"
          icon={<HourglassEmpty aria-hidden />}
          label={run.queue ? `Queued, #${run.queue.position} in line` : "Queued"}
        />
      );
    case "running":
      return <StatusChip tone="info" icon={<Sync aria-hidden />} label="Running" />;
    case "completed":
      return run.result ? (
        <OutcomeChip outcome={run.result.outcome} />
      ) : (
        <StatusChip tone="warning" icon={<WarningAmber aria-hidden />} label="No result" />
      );
    case "failed":
      return <StatusChip tone="error" icon={<ErrorOutlined aria-hidden />} label="Call failed" />;
    case "interrupted":
      return <StatusChip tone="warning" icon={<WarningAmber aria-hidden />} label="Interrupted" />;
  }
}
