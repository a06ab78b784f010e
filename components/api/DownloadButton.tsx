"use client";
import { useState, type ReactNode } from "react";
import Box from "@mui/material/Box";
import Button, { type ButtonProps } from "@mui/material/Button";
import Typography from "@mui/material/Typography";
import { apiDownload } from "./api-fetch";

/** Downloads an /api file with the signed-in user's token (a plain link cannot carry it); a failure is said, not lost. */
export function DownloadButton({
  path,
  fallbackName,
  children,
  ...button
}: { path: string; fallbackName: string; children: ReactNode } & Omit<ButtonProps, "onClick" | "href">) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await apiDownload(path, fallbackName);
    } catch (error) {
      setProblem(`The download failed: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ display: "inline-flex", flexDirection: "column", gap: 0.5, flexShrink: 0 }}>
      <Button {...button} onClick={() => void download()} disabled={busy || button.disabled}>
        {children}
      </Button>
      {problem && (
        <Typography role="alert" variant="body2" sx={{ color: "error.main" }}>
          {problem}
        </Typography>
      )}
    </Box>
  );
}
