"use client";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import DataObjectIcon from "@mui/icons-material/DataObject";
import TableChartOutlinedIcon from "@mui/icons-material/TableChartOutlined";
import { runExportHref } from "./queries";

/** Downloads of one run: JSON (Graph's answer and the parsed result) and CSV (modified properties and steps). */
export function ExportRunButtons({ runId }: { runId: string }) {
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap" }}>
      <Button
        href={runExportHref(runId, "json")}
        download
        variant="outlined"
        size="small"
        startIcon={<DataObjectIcon aria-hidden />}
      >
        Download JSON
      </Button>
      <Button
        href={runExportHref(runId, "csv")}
        download
        variant="outlined"
        size="small"
        startIcon={<TableChartOutlinedIcon aria-hidden />}
      >
        Download CSV
      </Button>
    </Stack>
  );
}
