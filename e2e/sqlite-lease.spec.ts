import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { ConsoleProcess } from "./console-process";
import { ADELE, APPS, findJob, PRADEEP } from "./demo-fixtures";

// A SQLite database serves one live console: a second one on the same DATA_DIR is refused at
// start with a message that says what to do, and touches nothing of the first one's work.

test("a second console on the same SQLite file is refused, and the first one's queued run is left alone", async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), "pod-lease-"));
  const settings = { DATA_DIR: dataDir, DEMO_THROTTLE_LIMIT: "1", DEMO_THROTTLE_WINDOW_MS: "120000" };
  const first = new ConsoleProcess(settings);
  const second = new ConsoleProcess(settings);
  await first.start();
  const api = await playwrightRequest.newContext({ baseURL: first.baseURL });
  try {
    const job = await findJob(api, APPS.hrPortal);
    const done = (await (
      await api.post("/api/runs", { data: { ...job, subject: { kind: "user", objectId: ADELE.id } } })
    ).json()) as { id: string };
    const waiting = (await (
      await api.post("/api/runs", { data: { ...job, subject: { kind: "user", objectId: PRADEEP.id } } })
    ).json()) as { id: string };
    await expect
      .poll(async () => ((await (await api.get(`/api/runs/${done.id}`)).json()) as { status: string }).status)
      .toBe("completed");

    await expect(second.start()).rejects.toThrow(/exited/);
    expect(second.output).toContain(`Another console is using the SQLite database in DATA_DIR=${dataDir}`);
    expect(second.output).toMatch(/process \d+ on /);
    expect(second.output).toContain(
      "run several consoles on PostgreSQL (DATABASE_URL) with Redis (REDIS_URL)",
    );

    // The first console goes on as before: its queued run is still its own, not "interrupted".
    expect((await api.get("/api/health")).ok()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const run = (await (await api.get(`/api/runs/${waiting.id}`)).json()) as { status: string };
    expect(run.status).toBe("queued");
  } finally {
    await api.dispose();
    first.kill();
    second.kill();
  }
});
