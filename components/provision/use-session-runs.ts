"use client";
import { useCallback, useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { startRun } from "@/components/runs/queries";
import type { RunRequest } from "@/lib/api/contracts";
import { newIdempotencyKey } from "@/components/api/idempotency-key";

export interface SessionRun {
  id: string;
  request: RunRequest;
  requestedAt: string;
}

/**
 * The runs started from this page, newest first, and the way to start one. Each click gets its own
 * idempotency key, and a click while a request is on its way is ignored, so a double click starts one run.
 */
export function useSessionRuns() {
  const [runs, setRuns] = useState<SessionRun[]>([]);
  const sending = useRef(false);
  const mutation = useMutation({
    mutationFn: ({ request, key }: { request: RunRequest; key: string }) => startRun(request, key),
    onSuccess: (accepted, { request }) => {
      const run: SessionRun = { id: accepted.id, request, requestedAt: new Date().toISOString() };
      setRuns((earlier) => [run, ...earlier.filter((other) => other.id !== run.id)]);
    },
    onSettled: () => {
      sending.current = false;
    },
  });

  const { mutate } = mutation;
  const start = useCallback(
    (request: RunRequest) => {
      if (sending.current) return;
      sending.current = true;
      mutate({ request, key: newIdempotencyKey() });
    },
    [mutate],
  );

  return {
    runs,
    start,
    starting: mutation.isPending,
    startError: mutation.error,
    dismissError: mutation.reset,
  };
}
