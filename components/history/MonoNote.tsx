"use client";
import Typography from "@mui/material/Typography";
import { IdText } from "@/components/IdText";

/** An id or code under a cell's main text: small and monospaced, cut short with an ellipsis when space is short. */
export function MonoNote({ children }: { children: string }) {
  return (
    <Typography variant="body2" sx={{ color: "text.secondary", fontSize: "0.75rem" }}>
      <IdText block>{children}</IdText>
    </Typography>
  );
}
