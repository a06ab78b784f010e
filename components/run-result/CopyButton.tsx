"use client";
import { useEffect, useState } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import IconButton from "@mui/material/IconButton";
import CheckIcon from "@mui/icons-material/Check";
import ContentCopyIcon from "@mui/icons-material/ContentCopy";
import { copyText } from "./clipboard";
import { visuallyHidden } from "./visually-hidden";

type CopyState = "idle" | "copied" | "failed";

const ANNOUNCEMENT: Record<CopyState, string> = {
  idle: "",
  copied: "Copied to the clipboard.",
  failed: "Copying failed: select the text and press Ctrl+C.",
};

/**
 * Copies `text` and says so, visibly and to screen readers. `label` names what is copied
 * ("Copy PowerShell"); `compact` shows only an icon, with the label as its accessible name.
 */
export function CopyButton({
  text,
  label,
  compact = false,
}: {
  text: string;
  label: string;
  compact?: boolean;
}) {
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = () => {
    copyText(text).then(
      () => setState("copied"),
      () => setState("failed"),
    );
  };
  const icon = state === "copied" ? <CheckIcon fontSize="small" /> : <ContentCopyIcon fontSize="small" />;
  return (
    <>
      {compact ? (
        // The browser's tooltip (title): MUI's would bring its popper to every page with a copy button.
        <IconButton
          size="small"
          onClick={copy}
          aria-label={label}
          title={state === "copied" ? "Copied" : label}
        >
          {icon}
        </IconButton>
      ) : (
        <Button size="small" variant="outlined" startIcon={icon} onClick={copy}>
          {state === "copied" ? "Copied" : label}
        </Button>
      )}
      <Box component="span" role="status" sx={visuallyHidden}>
        {ANNOUNCEMENT[state]}
      </Box>
    </>
  );
}
