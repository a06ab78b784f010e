"use client";
import Stack from "@mui/material/Stack";
import DataObjectIcon from "@mui/icons-material/DataObject";
import TableChartOutlinedIcon from "@mui/icons-material/TableChartOutlined";
import { DownloadButton } from "@/components/api/DownloadButton";
import { runExportHref } from "./queries";

/** Downloads of one run: JSON (Graph's answer and the parsed result) and CSV (the run — app, job, object, times, outcome, reason — then its steps and modified properties). */
export function ExportRunButtons({ runId }: { runId: string }) {
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap" }}>
      <DownloadButton
        path={runExportHref(runId, "json")}
        fallbackName={`provisioning-run-${runId}.json`}
        variant="outlined"
        size="small"
        startIcon={<DataObjectIcon aria-hidden />}
      >
        Download JSON
      </DownloadButton>
      <DownloadButton
        path={runExportHref(runId, "csv")}
        fallbackName={`provisioning-run-${runId}.csv`}
        variant="outlined"
        size="small"
        startIcon={<TableChartOutlinedIcon aria-hidden />}
      >
        Download CSV
      </DownloadButton>
    </Stack>
  );
}
