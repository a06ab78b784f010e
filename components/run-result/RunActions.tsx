"use client";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import AddIcon from "@mui/icons-material/Add";
import ReplayIcon from "@mui/icons-material/Replay";
import { LinkButton } from "@/components/LinkButton";
import type { RunRequest } from "@/lib/api/contracts";
import { provisionAnotherHrefOf } from "./provision-another";

export interface RunActionsProps {
  /** Starts the same request again; the button is left out when not given. */
  onRunAgain?: () => void;
  /** True while a rerun is being requested, so a second click cannot start a second run. */
  runAgainPending?: boolean;
  /** Where "Provision another" leads; by default the provision page of the same job with the same rule. */
  provisionAnotherHref?: string;
}

export function RunActions({
  request,
  onRunAgain,
  runAgainPending = false,
  provisionAnotherHref,
}: RunActionsProps & { request: RunRequest }) {
  return (
    <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1.5 }}>
      {onRunAgain && (
        <Button
          variant="contained"
          startIcon={<ReplayIcon />}
          onClick={onRunAgain}
          disabled={runAgainPending}
        >
          {runAgainPending ? "Starting…" : "Run again"}
        </Button>
      )}
      <LinkButton
        variant="outlined"
        startIcon={<AddIcon />}
        href={provisionAnotherHref ?? provisionAnotherHrefOf(request)}
      >
        Provision another
      </LinkButton>
    </Box>
  );
}
