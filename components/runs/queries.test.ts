import { environmentManager, QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RunView } from "@/lib/api/contracts";
import { RUN_POLL_INTERVAL_MS, runKeys, runQueries } from "./queries";

function runWith(status: RunView["status"]): RunView {
  return {
    id: "run 1",
    status,
    createdAt: "2024-03-11T10:00:00Z",
    startedAt: null,
    finishedAt: null,
    queue: null,
    request: {
      servicePrincipalId: "sp",
      jobId: "job",
      ruleId: "rule",
      subject: { kind: "user", objectId: "u" },
    },
    actor: "demo",
    labels: { application: null, subject: null },
    result: null,
    error: null,
    graphRequestId: null,
    bulkRunId: null,
    changeId: null,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("runQueries.detail", () => {
  it("asks the BFF for the run with its id encoded", async () => {
    const fetchMock = vi.fn(
      async (_path: string) => new Response(JSON.stringify(runWith("completed")), { status: 200 }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const client = new QueryClient();
    const run = await client.fetchQuery(runQueries.detail("run 1"));
    expect(run.status).toBe("completed");
    expect(fetchMock.mock.calls[0]![0]).toBe("/api/runs/run%201");
    expect(runQueries.detail("run 1").queryKey).toEqual(runKeys.detail("run 1"));
  });

  it("polls while the run is queued or running and stops once it has finished", async () => {
    const statuses: RunView["status"][] = ["queued", "running", "completed"];
    let calls = 0;
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () => new Response(JSON.stringify(runWith(statuses[Math.min(calls++, 2)]!)), { status: 200 }),
      ),
    );
    vi.useFakeTimers();
    // Node has no window, so TanStack Query would treat the test as a server and never poll.
    environmentManager.setIsServer(() => false);
    try {
      const client = new QueryClient();
      const observer = new QueryObserver(client, runQueries.detail("run 1"));
      const seen: string[] = [];
      const unsubscribe = observer.subscribe((result) => {
        if (result.data && seen.at(-1) !== result.data.status) seen.push(result.data.status);
      });
      for (let i = 0; i < 6; i++) await vi.advanceTimersByTimeAsync(RUN_POLL_INTERVAL_MS);
      unsubscribe();
      expect(seen).toEqual(["queued", "running", "completed"]);
      expect(calls).toBe(3);
    } finally {
      environmentManager.setIsServer(() => typeof window === "undefined");
      vi.useRealTimers();
    }
  });

  it("does not retry a run that does not exist", async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(JSON.stringify({ error: { code: "not_found", message: "No run." } }), { status: 404 }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const client = new QueryClient();
    await expect(client.fetchQuery(runQueries.detail("missing"))).rejects.toMatchObject({ status: 404 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
