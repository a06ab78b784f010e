"use client";
import { useRef, useState, useSyncExternalStore } from "react";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import { TextInput } from "@/components/TextInput";
import ContentCopyIcon from "@mui/icons-material/ContentCopy";
import { copyText } from "@/components/run-result/clipboard";

const noSubscription = () => () => {};

/** The origin of a link, or null when it is not a URL. */
function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The new link, read-only, with Copy; where copying is refused the text is selected for Ctrl+C.
 * A link on another address than the one this page was reached at says so, with the setting that fixes it.
 */
export function CreatedLinkField({
  url,
  onAnnounce,
}: {
  url: string;
  onAnnounce: (message: string) => void;
}) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const reached = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => null,
  );
  const linkOrigin = originOf(url);

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
    <Stack spacing={1}>
      {reached && linkOrigin && linkOrigin !== reached && (
        <Alert severity="warning">
          This link starts with {linkOrigin}, the address the console&apos;s server knows itself by, while you
          reached it at {reached}. A colleague may not reach that address: ask the administrator to set
          PUBLIC_ORIGIN to the address users reach the console at (or TRUST_PROXY_HEADERS behind a reverse
          proxy that forwards it).
        </Alert>
      )}
      <Stack direction={{ xs: "column", sm: "row" }} spacing={1} sx={{ alignItems: { sm: "flex-start" } }}>
        <TextInput
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
    </Stack>
  );
}
