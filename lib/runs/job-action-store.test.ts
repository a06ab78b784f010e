import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunsDatabase } from "./database";
import { registerInstance } from "./instances";
import {
  findJobActionByIdempotencyKey,
  finishJobAction,
  insertJobAction,
  interruptUnfinishedJobActions,
  listJobActions,
  purgeJobActions,
  type JobActionRow,
} from "./job-action-store";
import { testDatabases } from "@/lib/testing/databases";

const JOB = { servicePrincipalId: "sp-1", jobId: "scim.a.b" };

const row = (id: string, at: string, changes: Partial<JobActionRow> = {}): JobActionRow => ({
  id,
  requested_at: at,
  finished_at: null,
  actor: "admin-1",
  actor_name: "Ada Admin",
  service_principal_id: JOB.servicePrincipalId,
  job_id: JOB.jobId,
  action: "pause",
  reset_scope: null,
  idempotency_key: null,
  outcome: "running",
  error_json: null,
  status_before: "Active",
  status_after: null,
  calls_json: "[]",
  graph_request_id: null,
  instance_id: null,
  ...changes,
});

const ending = {
  finishedAt: "2026-11-01T09:00:02.000Z",
  outcome: "succeeded" as const,
  error: null,
  statusAfter: "Paused",
  calls: [{ call: "POST pause", ok: true, status: 204, graphRequestId: "g-1" }],
  graphRequestId: "g-1",
};

describe.each(testDatabases())("a job's timeline on %s", (_name, database) => {
  let db: RunsDatabase;
  beforeAll(async () => {
    db = await database()();
  });
  afterAll(() => db.destroy());

  it("lists the job's actions newest first, a page at a time, and only this job's", async () => {
    for (let i = 1; i <= 5; i++) await insertJobAction(db, row(`a${i}`, `2026-11-01T09:0${i}:00.000Z`));
    await insertJobAction(db, row("other", "2026-11-01T09:09:00.000Z", { job_id: "scim.other" }));
    const first = await listJobActions(db, JOB, { limit: 3 });
    expect(first.items.map((item) => item.id)).toEqual(["a5", "a4", "a3"]);
    const second = await listJobActions(db, JOB, { cursor: first.nextCursor!, limit: 3 });
    expect(second.items.map((item) => item.id)).toEqual(["a2", "a1"]);
    expect(second.nextCursor).toBeNull();
  });

  it("finishes a running action once, with its calls and the status after", async () => {
    await insertJobAction(db, row("f1", "2026-11-01T10:00:00.000Z", { idempotency_key: "key-f1" }));
    await finishJobAction(db, "f1", ending);
    await finishJobAction(db, "f1", { ...ending, outcome: "failed", statusAfter: "Quarantine" });
    const found = await findJobActionByIdempotencyKey(db, "key-f1");
    expect(found).toMatchObject({ outcome: "succeeded", status_after: "Paused", graph_request_id: "g-1" });
    await expect(
      insertJobAction(db, row("f2", "2026-11-01T10:01:00.000Z", { idempotency_key: "key-f1" })),
    ).rejects.toThrow();
  });

  it("marks interrupted what a stopped console left running, never what a live one is doing", async () => {
    await registerInstance(db, "live", "2026-11-01T11:00:00.000Z");
    await insertJobAction(db, row("mine", "2026-11-01T11:00:00.000Z", { instance_id: "live" }));
    await insertJobAction(db, row("orphan", "2026-11-01T11:00:00.000Z", { instance_id: "dead" }));
    expect(
      await interruptUnfinishedJobActions(db, "2026-11-01T11:05:00.000Z", {
        exclusive: false,
        liveSince: "2026-11-01T10:59:00.000Z",
      }),
    ).toBeGreaterThan(0);
    const items = (await listJobActions(db, JOB, { limit: 50 })).items;
    expect(items.find((item) => item.id === "orphan")?.outcome).toBe("interrupted");
    expect(items.find((item) => item.id === "mine")?.outcome).toBe("running");
  });

  it("purges actions past the retention period", async () => {
    await insertJobAction(db, row("old", "2020-01-01T00:00:00.000Z"));
    expect(await purgeJobActions(db, 365, new Date("2026-11-02T00:00:00.000Z"))).toBe(1);
    const items = (await listJobActions(db, JOB, { limit: 50 })).items;
    expect(items.some((item) => item.id === "old")).toBe(false);
  });
});
