"use client";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Typography from "@mui/material/Typography";
import CompareArrowsIcon from "@mui/icons-material/CompareArrows";
import { useId } from "react";
import { useQuery } from "@tanstack/react-query";
import { LinkButton } from "@/components/LinkButton";
import { compareHref } from "./compare-request";
import { compareQueries } from "./queries";

const LABEL = "Compare with the previous run";

/** Opens the comparison of this run with the run before it of the same object; disabled, with the reason, when there is none. */
export function CompareWithPreviousButton({ runId }: { runId: string }) {
  const previous = useQuery(compareQueries.previous(runId));
  const reasonId = useId();
  const icon = <CompareArrowsIcon aria-hidden />;

  if (previous.isSuccess && previous.data) {
    return (
      <LinkButton variant="outlined" startIcon={icon} href={compareHref(previous.data, runId)}>
        {LABEL}
      </LinkButton>
    );
  }
  const reason = previous.isPending
    ? "Looking for an earlier run…"
    : previous.isError
      ? `The earlier run could not be looked up: ${previous.error.message}`
      : "This is the first run of this object on this job.";
  return (
    <Box sx={{ display: "inline-flex", flexDirection: "column", alignItems: "flex-start" }}>
      <Button variant="outlined" startIcon={icon} disabled aria-describedby={reasonId}>
        {LABEL}
      </Button>
      <Typography id={reasonId} variant="caption" sx={{ color: "text.secondary", mt: 0.5 }}>
        {reason}
      </Typography>
    </Box>
  );
}
