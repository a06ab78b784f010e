"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import ExpandLess from "@mui/icons-material/ExpandLess";
import ExpandMore from "@mui/icons-material/ExpandMore";
import Replay from "@mui/icons-material/Replay";
import { useCanRunProvisioning } from "@/components/auth";
import { bulkRunHref } from "@/components/bulk/bulk-links";
import { startBulkRun } from "@/components/bulk/queries";
import { CaptionedTable } from "@/components/CaptionedTable";
import { LoadFailure, Loading } from "@/components/history/RequestStates";
import { WhenText } from "@/components/history/WhenText";
import { explainCode } from "@/lib/provisioning/explain-code";
import type { BulkRunRequest } from "@/lib/api/contracts";
import { retryRequest } from "./failure-retry";
import { eventQueries } from "./queries";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The objects whose latest event on this job failed (the job's escrows), and one action that
 * retries exactly those through a paced bulk run.
 */
export function FailuresWaitingPanel({
  spId,
  jobId,
  jobLabel,
}: {
  spId: string;
  jobId: string;
  jobLabel: string;
}) {
  const router = useRouter();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const permission = useCanRunProvisioning();
  const failures = useQuery(eventQueries.failures(spId, jobId));
  const retry = useMutation({
    mutationFn: (request: BulkRunRequest) => startBulkRun(request),
    onSuccess: ({ id }) => router.push(bulkRunHref(id)),
  });

  if (failures.isPending) return <Loading text="Looking for failures waiting on this job…" />;
  if (failures.isError)
    return <LoadFailure title="The failures waiting on this job could not be read" error={failures.error} />;
  const waiting = failures.data;
  if (waiting.items.length === 0)
    return (
      <Typography variant="body2" sx={{ color: "text.secondary" }}>
        No failures waiting on this job in the last 7 days.
      </Typography>
    );
  const request = retryRequest(spId, jobId, waiting);
  const retryable = request?.subjects.length ?? 0;
  return (
    <Box sx={{ display: "grid", gap: 1.5 }}>
      <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1.5 }}>
        <Button
          size="small"
          onClick={() => setOpen((shown) => !shown)}
          aria-expanded={open}
          aria-controls={listId}
          endIcon={open ? <ExpandLess /> : <ExpandMore />}
          color="warning"
        >
          {plural(waiting.items.length, "failure")} waiting on this job
        </Button>
        <Button
          size="small"
          variant="outlined"
          startIcon={<Replay aria-hidden />}
          disabled={!request || !permission.allowed || retry.isPending || retry.isSuccess}
          onClick={() => request && retry.mutate(request)}
          aria-label={`Retry the ${plural(retryable, "failure")} waiting on ${jobLabel} in one bulk run`}
        >
          {retry.isPending || retry.isSuccess
            ? "Starting the bulk run…"
            : `Retry ${plural(retryable, "object")} in one bulk run`}
        </Button>
      </Box>
      {!permission.allowed && permission.reason && (
        <Typography variant="body2" sx={{ color: "text.secondary" }}>
          {permission.reason}
        </Typography>
      )}
      {!waiting.rule && (
        <Typography variant="body2" sx={{ color: "text.secondary" }}>
          No rule of this job supports provisioning on demand, so the failures cannot be retried from here.
        </Typography>
      )}
      {retry.isError && (
        <Alert severity="error">The bulk run could not be started: {retry.error.message}</Alert>
      )}
      <Box id={listId} hidden={!open}>
        {open && (
          <CaptionedTable
            caption={`Objects whose latest event on this job failed, since ${new Date(waiting.since).toLocaleDateString()}${waiting.truncated ? " (the newest only: there were more events than the console reads at once)" : ""}`}
            headers={["Object", "Last failure", "Why", "Failures"]}
          >
            {waiting.items.map((item) => (
              <TableRow key={item.key}>
                <TableCell>
                  {item.label}
                  {item.problem && (
                    <Typography variant="body2" sx={{ color: "text.secondary" }}>
                      Not retried: {item.problem}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <WhenText iso={item.lastFailure.activityDateTime} />
                </TableCell>
                <TableCell>
                  {item.lastFailure.errorCode ? (
                    <>
                      {explainCode(item.lastFailure.errorCode).title}{" "}
                      <code>({item.lastFailure.errorCode})</code>
                    </>
                  ) : (
                    "No error code"
                  )}
                </TableCell>
                <TableCell>{item.failures}</TableCell>
              </TableRow>
            ))}
          </CaptionedTable>
        )}
      </Box>
    </Box>
  );
}
