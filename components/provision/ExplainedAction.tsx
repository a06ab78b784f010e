"use client";
import type { ReactNode } from "react";
import Box from "@mui/material/Box";
import Button, { type ButtonProps } from "@mui/material/Button";
import type { SxProps, Theme } from "@mui/material/styles";
import Typography from "@mui/material/Typography";
import { useCanRunProvisioning } from "@/components/auth";

/**
 * A button that calls the job for the operator, with a line beside it that says why it is disabled
 * (no permission, then what is missing) or, when it is not, what it does.
 */
export function ExplainedAction({
  explanationId,
  problem,
  hint,
  done = false,
  after,
  sx,
  ...button
}: Omit<ButtonProps, "disabled" | "aria-describedby" | "sx"> & {
  explanationId: string;
  /** What is still missing; null when the form is ready. */
  problem: string | null;
  hint: string;
  /** True once pressed for good, so it cannot be pressed twice. */
  done?: boolean;
  /** More controls after the explanation. */
  after?: ReactNode;
  sx?: SxProps<Theme>;
}) {
  const permission = useCanRunProvisioning();
  return (
    <Box
      sx={[
        { display: "flex", flexWrap: "wrap", gap: 2, alignItems: "center" },
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
    >
      <Button
        {...button}
        disabled={problem !== null || !permission.allowed || done}
        aria-describedby={explanationId}
      />
      <Typography id={explanationId} variant="body2" sx={{ color: "text.secondary", flex: "1 1 240px" }}>
        {permission.reason ?? problem ?? hint}
      </Typography>
      {after}
    </Box>
  );
}
