"use client";
import { useRef, useState } from "react";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import ContentCopyIcon from "@mui/icons-material/ContentCopy";
import { copyText } from "@/components/run-result/clipboard";

/** The new link, read-only, with Copy; where copying is refused the text is selected for Ctrl+C. */
export function CreatedLinkField({
  url,
  onAnnounce,
}: {
  url: string;
  onAnnounce: (message: string) => void;
}) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  const selectAll = () => {
    field.current?.focus();
    field.current?.select();
  };
  const copy = () => {
    copyText(url).then(
      () => {
        setCopied(true);
        onAnnounce("The link was copied to the clipboard.");
      },
      () => {
        selectAll();
        onAnnounce("The browser refused to copy: the link is selected, press Ctrl+C (⌘C on a Mac).");
      },
    );
  };

  return (
    <Stack direction={{ xs: "column", sm: "row" }} spacing={1} sx={{ alignItems: { sm: "flex-start" } }}>
      <TextField
        label="Link to share"
        value={url}
        inputRef={field}
        fullWidth
        size="small"
        onFocus={selectAll}
        slotProps={{
          htmlInput: { readOnly: true, spellCheck: false },
          input: { sx: { fontFamily: "monospace" } },
        }}
      />
      <Button
        variant="contained"
        onClick={copy}
        startIcon={<ContentCopyIcon aria-hidden />}
        sx={{ flexShrink: 0, minHeight: 40 }}
      >
        {copied ? "Copied" : "Copy"}
      </Button>
    </Stack>
  );
}
