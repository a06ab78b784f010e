"use client";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import CircularProgress from "@mui/material/CircularProgress";
import Typography from "@mui/material/Typography";
import { ApiClientError } from "@/components/api/api-fetch";
import { visuallyHidden } from "@/components/run-result/visually-hidden";

// Loading, failure and "Load more": the states every list and lookup on these pages goes through.

export function Loading({ text }: { text: string }) {
  return (
    <Box role="status" sx={{ display: "flex", alignItems: "center", gap: 1.5 }}>
      <CircularProgress size={20} aria-hidden />
      <Typography>{text}</Typography>
    </Box>
  );
}

/** A failed request with the server's message and request id; `onRetry` adds "Try again". */
export function LoadFailure({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: Error;
  onRetry?: () => void;
}) {
  return (
    <Alert
      severity="error"
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            Try again
          </Button>
        )
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {error.message}
      {error instanceof ApiClientError && error.requestId && (
        <Box sx={{ mt: 0.5 }}>
          Request id <code>{error.requestId}</code>
        </Box>
      )}
    </Alert>
  );
}

/** "Load more" while the cursor says there is more, "That is all" after; the count is announced. */
export function LoadMore({
  hasMore,
  loading,
  onLoadMore,
  shown,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  /** "120 runs shown." */
  shown: string;
}) {
  return (
    <>
      {hasMore ? (
        <Button variant="outlined" onClick={onLoadMore} disabled={loading}>
          {loading ? "Loading more…" : "Load more"}
        </Button>
      ) : (
        <Typography variant="body2" sx={{ color: "text.secondary" }}>
          That is all of them.
        </Typography>
      )}
      <Box role="status" sx={visuallyHidden}>
        {loading ? "" : shown}
      </Box>
    </>
  );
}
