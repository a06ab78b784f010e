"use client";
import Box from "@mui/material/Box";
import { ID_CLASS } from "@/components/presenter/presenter-attribute";
import { CopyButton } from "@/components/run-result/CopyButton";

/** An opaque id in monospace with a copy button. */
export function CopyableId({ id, label }: { id: string; label: string }) {
  return (
    <Box
      component="span"
      className={ID_CLASS}
      sx={{ display: "inline-flex", alignItems: "center", gap: 0.5, maxWidth: "100%" }}
    >
      <Box component="code" sx={{ fontFamily: "monospace", fontSize: "0.875rem", overflowWrap: "anywhere" }}>
        {id}
      </Box>
      <CopyButton text={id} label={`Copy ${label}`} compact />
    </Box>
  );
}
