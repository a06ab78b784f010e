"use client";
import type { ReactElement } from "react";
import Block from "@mui/icons-material/Block";
import CheckCircleOutlined from "@mui/icons-material/CheckCircleOutlined";
import ErrorOutlined from "@mui/icons-material/ErrorOutlined";
import HourglassEmpty from "@mui/icons-material/HourglassEmpty";
import PauseCircleOutlined from "@mui/icons-material/PauseCircleOutlined";
import Sync from "@mui/icons-material/Sync";
import WarningAmber from "@mui/icons-material/WarningAmber";
import { OutcomeChip, StatusChip, type ChipTone } from "@/components/run-result/OutcomeChip";
import type { BulkItemStatus, BulkItemView, BulkRunStatus } from "@/lib/api/contracts";
import { itemLook } from "./bulk-outcomes";
import { bulkStatusText } from "./bulk-status";

const RUN_LOOK: Record<BulkRunStatus, { tone: ChipTone; icon: ReactElement }> = {
  queued: { tone: "info", icon: <HourglassEmpty aria-hidden /> },
  running: { tone: "info", icon: <Sync aria-hidden /> },
  paused: { tone: "warning", icon: <PauseCircleOutlined aria-hidden /> },
  completed: { tone: "success", icon: <CheckCircleOutlined aria-hidden /> },
  cancelled: { tone: "neutral", icon: <Block aria-hidden /> },
};

/** A bulk run's state in one chip. */
export function BulkStatusChip({ status }: { status: BulkRunStatus }) {
  const look = RUN_LOOK[status] ?? { tone: "neutral" as const, icon: undefined };
  return <StatusChip tone={look.tone} icon={look.icon} label={bulkStatusText(status)} />;
}

const ITEM_ICONS: Record<Exclude<BulkItemStatus, "done">, ReactElement> = {
  pending: <HourglassEmpty aria-hidden />,
  sending: <Sync aria-hidden />,
  failed: <ErrorOutlined aria-hidden />,
  interrupted: <WarningAmber aria-hidden />,
  cancelled: <Block aria-hidden />,
};

/** An item's chip: Graph's outcome once it answered, else where it stands (pending, call failed, …). */
export function BulkItemChip({ item }: { item: Pick<BulkItemView, "status" | "outcome"> }) {
  const look = itemLook(item);
  if (look.outcome) return <OutcomeChip outcome={look.outcome} label={look.label} />;
  const icon = item.status === "done" ? undefined : ITEM_ICONS[item.status];
  return <StatusChip tone={look.tone} icon={icon} label={look.label} />;
}
