import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import type { BulkPreview, BulkRunView } from "../lib/api/contracts";
import { ConsoleProcess } from "./console-process";
import { APPS, findJob } from "./demo-fixtures";

// One console on SQLite, killed -9 in the middle of a bulk run and started again: the run goes on
// from where it stopped by itself, and nothing it had sent is sent again.

async function view(api: APIRequestContext, id: string): Promise<BulkRunView> {
  return (await (await api.get(`/api/bulk-runs/${id}`)).json()) as BulkRunView;
}

test("a bulk run survives a restart: it resumes without a visit, in-flight items are interrupted, none is resent", async () => {
  test.setTimeout(150_000);
  const server = new ConsoleProcess({
    DATA_DIR: mkdtempSync(join(tmpdir(), "pod-bulk-restart-")),
    DEMO_THROTTLE_LIMIT: "5",
    DEMO_THROTTLE_WINDOW_MS: "1500",
  });
  await server.start();
  let api = await playwrightRequest.newContext({ baseURL: server.baseURL });
  try {
    const job = await findJob(api, APPS.hrPortal);
    const groups = (await (await api.get("/api/directory/groups?search=Contoso%20Sales")).json()) as {
      items: { id: string; displayName: string }[];
    };
    const group = groups.items.find((g) => g.displayName === "Contoso Sales")!;
    const members = (await (await api.get(`/api/directory/groups/${group.id}/members`)).json()) as {
      items: { id: string }[];
    };
    const preview = (await (
      await api.post("/api/bulk-runs/preview", {
        data: {
          servicePrincipalId: job.servicePrincipalId,
          jobId: job.jobId,
          source: {
            kind: "lines",
            text: members.items
              .slice(0, 25)
              .map((m) => m.id)
              .join("\n"),
          },
        },
      })
    ).json()) as BulkPreview;
    expect(preview.subjects).toHaveLength(25);
    const created = await api.post("/api/bulk-runs", {
      data: { ...job, subjects: preview.subjects.map((s) => ({ ...s.subject, label: s.label })) },
    });
    expect(created.status()).toBe(202);
    const { id } = (await created.json()) as { id: string };
    await expect.poll(async () => (await view(api, id)).done, { timeout: 30_000 }).toBeGreaterThanOrEqual(6);

    const killedAt = new Date().toISOString();
    server.kill();
    await api.dispose();
    await server.start();
    api = await playwrightRequest.newContext({ baseURL: server.baseURL });

    // No one opens the bulk run page: the worker resumes with the server.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const stats = (await (await api.get("/api/demo/stats")).json()) as {
      jobs: { jobId: string; provisionOnDemandCalls: number; throttled: number }[];
    };
    const calls = stats.jobs.find((j) => j.jobId === job.jobId)!;
    expect(calls.provisionOnDemandCalls, "calls the restarted console made").toBeGreaterThan(0);

    await expect.poll(async () => (await view(api, id)).status, { timeout: 60_000 }).toBe("completed");
    const finished = await view(api, id);
    expect(finished.done).toBe(25);
    expect(finished.counts.pending + finished.counts.sending + finished.counts.failed).toBe(0);
    const items = (
      (await (await api.get(`/api/bulk-runs/${id}/items?limit=100`)).json()) as {
        items: { status: string; attempts: number; finishedAt: string | null }[];
      }
    ).items;
    expect(items.every((item) => item.attempts === 1)).toBe(true);
    const answeredBeforeKill = items.filter((i) => i.status === "done" && i.finishedAt! <= killedAt).length;
    const interrupted = items.filter((i) => i.status === "interrupted").length;
    expect(interrupted).toBe(finished.counts.interrupted);
    expect(answeredBeforeKill).toBeGreaterThanOrEqual(6);
    // The new process sent exactly the items still pending at the kill: none twice, none lost.
    const after = (await (await api.get("/api/demo/stats")).json()) as typeof stats;
    const sentAfterRestart = after.jobs.find((j) => j.jobId === job.jobId)!;
    expect(sentAfterRestart.provisionOnDemandCalls).toBe(25 - answeredBeforeKill - interrupted);
    expect(sentAfterRestart.throttled).toBe(0);
  } finally {
    await api.dispose();
    server.kill();
  }
});
