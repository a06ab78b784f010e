import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { ConsoleProcess } from "./console-process";
import { ADELE, findJob } from "./demo-fixtures";

test("a run in flight when the console is killed -9 is marked interrupted on restart and never re-sent", async () => {
  test.setTimeout(120_000);
  // One call per two minutes: the second run waits in the pacing queue when the process dies.
  const server = new ConsoleProcess({
    DATA_DIR: mkdtempSync(join(tmpdir(), "pod-kill-")),
    DEMO_THROTTLE_LIMIT: "1",
    DEMO_THROTTLE_WINDOW_MS: "120000",
  });
  await server.start();
  let api = await playwrightRequest.newContext({ baseURL: server.baseURL });
  try {
    const job = await findJob(api, "Contoso HR Portal (SCIM)");
    const body = { ...job, subject: { kind: "user", objectId: ADELE.id } };
    const first = (await (await api.post("/api/runs", { data: body })).json()) as { id: string };
    const second = (await (await api.post("/api/runs", { data: body })).json()) as { id: string };
    await expect
      .poll(
        async () => ((await (await api.get(`/api/runs/${first.id}`)).json()) as { status: string }).status,
      )
      .toBe("completed");
    const waiting = (await (await api.get(`/api/runs/${second.id}`)).json()) as {
      status: string;
      queue: { position: number } | null;
    };
    expect(waiting.status).toBe("queued");
    expect(waiting.queue?.position).toBeGreaterThanOrEqual(1);

    server.kill();
    await api.dispose();
    await server.start();
    api = await playwrightRequest.newContext({ baseURL: server.baseURL });

    const after = (await (await api.get(`/api/runs/${second.id}`)).json()) as {
      status: string;
      error: { code: string };
    };
    expect(after.status).toBe("interrupted");
    expect(after.error.code).toBe("Interrupted");
    // The completed run survived the kill untouched.
    expect(((await (await api.get(`/api/runs/${first.id}`)).json()) as { status: string }).status).toBe(
      "completed",
    );
    // Nothing re-sent it: the new process's tenant saw no provisionOnDemand call at all.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const stats = (await (await api.get("/api/demo/stats")).json()) as {
      jobs: { jobId: string; provisionOnDemandCalls: number }[];
    };
    expect(stats.jobs.find((j) => j.jobId === job.jobId)?.provisionOnDemandCalls ?? 0).toBe(0);
    expect(((await (await api.get(`/api/runs/${second.id}`)).json()) as { status: string }).status).toBe(
      "interrupted",
    );
  } finally {
    await api.dispose();
    server.kill();
  }
});
