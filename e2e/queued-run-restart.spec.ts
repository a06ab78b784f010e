import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { ConsoleProcess } from "./console-process";
import { ADELE, APPS, findJob, PRADEEP } from "./demo-fixtures";

// A console on SQLite, killed -9 with a run waiting for its turn, then started again: the run
// never left, so it is sent — once, and not before the pace allows — rather than called
// "interrupted". (A run whose call was on its way is interrupted: e2e/entra/crash-recovery.spec.ts.)

interface RunSeen {
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string } | null;
}

const PACE_MS = 8_000;
const runOf = async (api: APIRequestContext, id: string) =>
  (await (await api.get(`/api/runs/${id}`)).json()) as RunSeen;
const callsOn = async (api: APIRequestContext, jobId: string) => {
  const stats = (await (await api.get("/api/demo/stats")).json()) as {
    jobs: { jobId: string; provisionOnDemandCalls: number }[];
  };
  return stats.jobs.find((j) => j.jobId === jobId)?.provisionOnDemandCalls ?? 0;
};

test("a run still queued when the console is killed -9 is sent once after the restart, at the pace", async () => {
  test.setTimeout(120_000);
  // One call per eight seconds: the second run waits in the pacing queue when the process dies.
  const server = new ConsoleProcess({
    DATA_DIR: mkdtempSync(join(tmpdir(), "pod-kill-")),
    DEMO_THROTTLE_LIMIT: "1",
    DEMO_THROTTLE_WINDOW_MS: String(PACE_MS),
  });
  await server.start();
  let api = await playwrightRequest.newContext({ baseURL: server.baseURL });
  try {
    const job = await findJob(api, APPS.hrPortal);
    const first = (await (
      await api.post("/api/runs", { data: { ...job, subject: { kind: "user", objectId: ADELE.id } } })
    ).json()) as { id: string };
    const second = (await (
      await api.post("/api/runs", { data: { ...job, subject: { kind: "user", objectId: PRADEEP.id } } })
    ).json()) as { id: string };
    await expect.poll(async () => (await runOf(api, first.id)).status).toBe("completed");
    expect((await runOf(api, second.id)).status).toBe("queued");

    server.kill();
    await api.dispose();
    await server.start();
    api = await playwrightRequest.newContext({ baseURL: server.baseURL });

    await expect
      .poll(async () => (await runOf(api, second.id)).status, { timeout: 30_000 })
      .toBe("completed");
    const [before, after] = [await runOf(api, first.id), await runOf(api, second.id)];
    expect(after.error).toBeNull();
    // The new process's embedded tenant saw exactly one call: the resumed run, nothing resent.
    expect(await callsOn(api, job.jobId)).toBe(1);
    // And it went no sooner than the pace allowed after the first run, whose call the dead process made.
    expect(Date.parse(after.startedAt!) - Date.parse(before.finishedAt!)).toBeGreaterThanOrEqual(
      PACE_MS - 100,
    );
    expect((await runOf(api, first.id)).status).toBe("completed");
  } finally {
    await api.dispose();
    server.kill();
  }
});
