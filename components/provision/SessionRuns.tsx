"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import CircularProgress from "@mui/material/CircularProgress";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import MuiLink from "@mui/material/Link";
import Typography from "@mui/material/Typography";
import { runHref } from "@/components/apps/app-links";
import { dateTimeText } from "@/components/jobs/when";
import { runTitleOf } from "@/components/run-result/summary-facts";
import { runQueries } from "@/components/runs/queries";
import { RunStatusChip } from "./RunStatusChip";
import type { SessionRun } from "./use-session-runs";

function SessionRunItem({ entry, shown, onShow }: { entry: SessionRun; shown: boolean; onShow: () => void }) {
  const run = useQuery(runQueries.detail(entry.id));
  // The server names the subject (it looks the name up while the run waits); its id until then.
  const title = runTitleOf(
    run.data ?? { labels: { application: null, subject: null }, request: entry.request },
  );
  return (
    <ListItem
      divider
      sx={{ gap: 2, flexWrap: "wrap", alignItems: "center", bgcolor: shown ? "action.selected" : undefined }}
      aria-current={shown ? "true" : undefined}
    >
      <Box sx={{ minWidth: 150 }}>
        {run.data ? (
          <RunStatusChip run={run.data} />
        ) : run.isError ? (
          <Typography variant="body2" sx={{ color: "error.main" }}>
            Status unknown: {run.error.message}
          </Typography>
        ) : (
          <CircularProgress size={16} aria-label="Loading the run's status" />
        )}
      </Box>
      <Box sx={{ flex: "1 1 200px", minWidth: 0 }}>
        <MuiLink component={Link} href={runHref(entry.id)} sx={{ fontWeight: 600, overflowWrap: "anywhere" }}>
          {title}
        </MuiLink>
        <Typography variant="body2" sx={{ color: "text.secondary" }}>
          Started {dateTimeText(entry.requestedAt)}
        </Typography>
      </Box>
      {!shown && (
        <Button size="small" onClick={onShow} aria-label={`Show the run for ${title} on this page`}>
          Show here
        </Button>
      )}
    </ListItem>
  );
}

/** The runs started from this page, newest first, each with its live status and a link to its own page. */
export function SessionRuns({
  runs,
  shownId,
  onShow,
}: {
  runs: SessionRun[];
  shownId: string | null;
  onShow: (id: string) => void;
}) {
  return (
    <List disablePadding aria-label="Runs started on this page, newest first">
      {runs.map((entry) => (
        <SessionRunItem
          key={entry.id}
          entry={entry}
          shown={entry.id === shownId}
          onShow={() => onShow(entry.id)}
        />
      ))}
    </List>
  );
}
