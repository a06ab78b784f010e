import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import type { RunContent } from "@/lib/api/contracts";
import { explainCode } from "@/lib/provisioning/explain-code";
import { CodeExplanationAlert } from "./CodeExplanationAlert";

/** Why a run has no provisioning result: the call failed, or the console stopped while it was in flight. */
export function RunFailure({ run }: { run: RunContent }) {
  if (run.status === "interrupted") {
    return (
      <Alert severity="warning">
        <AlertTitle>Interrupted</AlertTitle>
        The console stopped while this call to Graph was in flight. It was not sent again, so the console does
        not know whether the object was provisioned. Run it again to find out: if the first call got through,
        the rerun is skipped as already in sync.
      </Alert>
    );
  }
  const error = run.error;
  const known = error ? explainCode(error.code).known : false;
  return (
    <Stack spacing={2}>
      <Alert severity="error">
        <AlertTitle>The call to Graph failed</AlertTitle>
        <Typography variant="body2" sx={{ overflowWrap: "anywhere" }}>
          {error?.message ?? "The console recorded no error message for this run."}
        </Typography>
        {error?.code && (
          <Typography variant="body2" sx={{ mt: 1 }}>
            Error code{" "}
            <Box component="code" sx={{ overflowWrap: "anywhere" }}>
              {error.code}
            </Box>
          </Typography>
        )}
        <Typography variant="body2" sx={{ mt: 1 }}>
          Nothing was provisioned by this call. Keep the Graph request id from the summary for a support
          ticket.
        </Typography>
      </Alert>
      {error && known && <CodeExplanationAlert code={error.code} />}
    </Stack>
  );
}
