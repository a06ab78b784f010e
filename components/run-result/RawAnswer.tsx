"use client";
import { useId, useMemo, useState } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import DownloadIcon from "@mui/icons-material/Download";
import type { ProvisioningResult } from "@/lib/provisioning";
import { downloadText } from "./clipboard";
import { CodeBlock } from "./CodeBlock";
import { CopyButton } from "./CopyButton";

/** The answer exactly as decoded from Graph, pretty-printed, to copy, download or read. */
export function RawAnswer({
  result,
  runId,
  initiallyOpen = false,
}: {
  result: ProvisioningResult;
  runId: string;
  /** Open from the start when parts of the answer could not be read, so nothing stays hidden. */
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const blockId = useId();
  const json = useMemo(() => JSON.stringify(result.raw, null, 2) ?? "null", [result.raw]);
  const fileName = `provision-on-demand-${runId.replace(/[^\w.-]+/g, "_")}.json`;

  return (
    <Box>
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1 }}>
        <Button
          size="small"
          variant="outlined"
          onClick={() => setOpen((shown) => !shown)}
          aria-expanded={open}
          aria-controls={blockId}
        >
          {open ? "Hide raw JSON" : "Show raw JSON"}
        </Button>
        <CopyButton text={json} label="Copy JSON" />
        <Button
          size="small"
          variant="outlined"
          startIcon={<DownloadIcon />}
          onClick={() => downloadText(json, fileName)}
        >
          Download JSON
        </Button>
      </Box>
      <Box id={blockId} hidden={!open} sx={{ mt: 1.5 }}>
        {open && <CodeBlock text={json} label="Raw answer from Graph, as JSON" />}
      </Box>
    </Box>
  );
}
