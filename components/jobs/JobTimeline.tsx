"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Skeleton from "@mui/material/Skeleton";
import Typography from "@mui/material/Typography";
import ArrowForward from "@mui/icons-material/ArrowForward";
import { OutlinedSection } from "@/components/OutlinedSection";
import { StatusChip } from "@/components/run-result/OutcomeChip";
import { ID_CLASS } from "@/components/presenter/presenter-attribute";
import type { JobAction } from "@/lib/api/contracts";
import { CopyableId } from "./CopyableId";
import { JobStatusChip } from "./JobStatusChip";
import { TimeText } from "./TimeText";
import { ACTION_COPY, resetScopeLabel } from "./job-actions";
import { jobQueries } from "./queries";

const OUTCOME_LOOK = {
  succeeded: { tone: "success", label: "Succeeded" },
  failed: { tone: "error", label: "Failed" },
  running: { tone: "info", label: "Running" },
  interrupted: { tone: "warning", label: "Interrupted" },
} as const;

/** What the console did to the job, newest first: who, when, the outcome and the job's status before and after. */
export function JobTimeline({ spId, jobId }: { spId: string; jobId: string }) {
  const timeline = useInfiniteQuery(jobQueries.timeline(spId, jobId));
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <OutlinedSection title="Timeline" id="job-timeline-heading">
      {timeline.isPending ? (
        <Box aria-hidden>
          <Skeleton height={56} />
          <Skeleton height={56} />
        </Box>
      ) : timeline.isError ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void timeline.refetch()}>
              Try again
            </Button>
          }
        >
          The timeline could not be loaded: {timeline.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Typography sx={{ color: "text.secondary" }}>
          Nothing has been done to this job from the console yet.
        </Typography>
      ) : (
        <Box
          component="ol"
          aria-label="Actions on this job, newest first"
          sx={{ listStyle: "none", p: 0, m: 0 }}
        >
          {items.map((item) => (
            <TimelineEntry key={item.id} item={item} />
          ))}
        </Box>
      )}
      {timeline.hasNextPage && (
        <Button
          sx={{ mt: 2 }}
          variant="outlined"
          loading={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          Show older
        </Button>
      )}
    </OutlinedSection>
  );
}

function TimelineEntry({ item }: { item: JobAction }) {
  const look = OUTCOME_LOOK[item.outcome];
  const scope = item.action === "restart" ? ` (${resetScopeLabel(item.resetScope)})` : "";
  return (
    <Box
      component="li"
      sx={{ py: 1.5, borderTop: 1, borderColor: "divider", "&:first-of-type": { borderTop: 0, pt: 0 } }}
    >
      <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1 }}>
        <Typography component="span" sx={{ fontWeight: 500 }}>
          {ACTION_COPY[item.action].label}
          {scope}
        </Typography>
        <StatusChip tone={look.tone} label={look.label} />
        <Typography component="span" variant="body2" sx={{ color: "text.secondary" }}>
          by {item.actorName ?? item.actor}, <TimeText iso={item.requestedAt} />
        </Typography>
      </Box>
      {(item.statusBefore || item.statusAfter) && (
        <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1, mt: 1 }}>
          <Typography component="span" variant="body2" sx={{ color: "text.secondary" }}>
            Job status
          </Typography>
          <JobStatusChip code={item.statusBefore} />
          <ArrowForward fontSize="small" aria-label="then" />
          {item.statusAfter ? (
            <JobStatusChip code={item.statusAfter} />
          ) : (
            <Typography component="span" variant="body2">
              not read after the action
            </Typography>
          )}
        </Box>
      )}
      {item.error && (
        <Typography variant="body2" sx={{ mt: 1, overflowWrap: "anywhere" }}>
          <strong>{item.error.explanation.title}</strong> (<code>{item.error.code}</code>):{" "}
          {item.error.message}
        </Typography>
      )}
      {item.graphRequestId && (
        <Typography
          variant="body2"
          component="div"
          className={ID_CLASS}
          sx={{ mt: 0.5, color: "text.secondary" }}
        >
          Graph request id <CopyableId id={item.graphRequestId} label="Graph request id" />
        </Typography>
      )}
    </Box>
  );
}
