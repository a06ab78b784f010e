"use client";
import CheckCircleOutlined from "@mui/icons-material/CheckCircleOutlined";
import HelpOutlined from "@mui/icons-material/HelpOutlined";
import PauseCircleOutlined from "@mui/icons-material/PauseCircleOutlined";
import ReportOutlined from "@mui/icons-material/ReportOutlined";
import ScheduleOutlined from "@mui/icons-material/ScheduleOutlined";
import { StatusChip } from "@/components/run-result/OutcomeChip";
import { jobStatusLook, type StatusTone } from "./job-status";

const ICONS: Record<StatusTone, typeof HelpOutlined> = {
  success: CheckCircleOutlined,
  error: ReportOutlined,
  warning: PauseCircleOutlined,
  info: ScheduleOutlined,
  neutral: HelpOutlined,
};

/** A job status as icon and words (never colour alone), with an optional count: "2 × Active". */
export function JobStatusChip({ code, count }: { code: string | null; count?: number }) {
  const look = jobStatusLook(code);
  const Icon = ICONS[look.tone];
  return (
    <StatusChip
      tone={look.tone}
      icon={<Icon aria-hidden />}
      label={count === undefined ? look.label : `${count} × ${look.label}`}
    />
  );
}
