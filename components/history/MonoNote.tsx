"use client";
import Typography from "@mui/material/Typography";

/** An id or code under a cell's main text: small, monospaced, and wrapped anywhere. */
export function MonoNote({ children }: { children: string }) {
  return (
    <Typography
      variant="body2"
      sx={{ color: "text.secondary", fontFamily: "monospace", fontSize: "0.75rem", overflowWrap: "anywhere" }}
    >
      {children}
    </Typography>
  );
}
