import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunRequest } from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import type { RunsDatabase } from "./database";
import { createRunService, type ProvisionCaller } from "./run-service";
import { interruptUnfinishedRuns } from "./run-store";
import { testDatabases } from "@/lib/testing/databases";

const example1 = JSON.parse(
  readFileSync(new URL("../provisioning/fixtures/example-1-scim-user-skipped.json", import.meta.url), "utf8"),
) as unknown;

const request: RunRequest = {
  servicePrincipalId: "sp-1",
  jobId: "scim.4b8c18bd2f9f4227af559f1061cf9c32.4ba261ce-0000-4000-8000-000000000001",
  ruleId: "33f7c90d-bf71-41b1-bda6-aaf0ddbee5d8#V2",
  subject: { kind: "user", objectId: "9bb0f679-a883-4a6f-8260-35b491b8b8c8" },
};

function recordingCaller(answer: () => Promise<{ body: unknown; requestId: string | null }>) {
  const calls: unknown[] = [];
  const caller: ProvisionCaller = {
    async provisionOnDemand(spId, jobId, body, options) {
      calls.push({ spId, jobId, body });
      options.onQueued?.({ position: 1, startsInMs: 1500 });
      await options.beforeSend?.();
      options.onSent?.();
      return answer();
    },
  };
  return { caller, calls };
}

describe.each(testDatabases())("run service on %s", (_name, database) => {
  let db: RunsDatabase;
  beforeEach(async () => {
    db = await database()();
  });
  afterEach(async () => {
    await db.destroy();
  });

  it("stores the run, sends exactly the Graph body, and keeps the answer and request id", async () => {
    const { caller, calls } = recordingCaller(async () => ({ body: example1, requestId: "graph-req-1" }));
    const runs = createRunService({ db });
    const accepted = await runs.request({ request, actor: "demo-operator", graph: caller });
    expect(accepted.status).toBe("queued");
    expect(await runs.settled(accepted.id)).toEqual({
      status: "completed",
      outcome: "Skipped",
      action: "Other",
      errorCode: "RedundantExport",
    });

    expect(calls).toEqual([
      {
        spId: "sp-1",
        jobId: request.jobId,
        body: {
          parameters: [
            {
              ruleId: request.ruleId,
              subjects: [
                {
                  objectId: request.subject.kind === "user" ? request.subject.objectId : "",
                  objectTypeName: "User",
                },
              ],
            },
          ],
        },
      },
    ]);
    const run = await runs.get(accepted.id);
    expect(run?.status).toBe("completed");
    expect(run?.graphRequestId).toBe("graph-req-1");
    expect(run?.result?.outcome).toBe("Skipped");
    expect(run?.result?.errorCode).toBe("RedundantExport");
    expect(run?.labels.subject).toBe("BillBob@contoso.com");
    expect(run?.startedAt).not.toBeNull();
    expect(run?.finishedAt).not.toBeNull();
  });

  it("returns the same run for the same idempotency key and never calls Graph twice", async () => {
    const { caller, calls } = recordingCaller(async () => ({ body: example1, requestId: null }));
    const runs = createRunService({ db });
    const [a, b] = await Promise.all([
      runs.request({ request, actor: "op", idempotencyKey: "key-1", graph: caller }),
      runs.request({ request, actor: "op", idempotencyKey: "key-1", graph: caller }),
    ]);
    expect(a.id).toBe(b.id);
    await runs.settled(a.id);
    expect(calls).toHaveLength(1);
    const again = await runs.request({ request, actor: "op", idempotencyKey: "key-1", graph: caller });
    expect(again).toMatchObject({ id: a.id, created: false });
    expect(calls).toHaveLength(1);
  });

  it("refuses an idempotency key reused for a different request", async () => {
    const { caller } = recordingCaller(async () => ({ body: example1, requestId: null }));
    const runs = createRunService({ db });
    await runs.request({ request, actor: "op", idempotencyKey: "key-2", graph: caller });
    const other = { ...request, subject: { kind: "user" as const, objectId: "another-user" } };
    await expect(
      runs.request({ request: other, actor: "op", idempotencyKey: "key-2", graph: caller }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("rejects an invalid subject with a 400 naming the field, before storing or calling anything", async () => {
    const { caller, calls } = recordingCaller(async () => ({ body: example1, requestId: null }));
    const runs = createRunService({ db });
    const bad = {
      ...request,
      subject: { kind: "group" as const, objectId: "g", memberIds: ["1", "2", "3", "4", "5", "6"] },
    };
    const error = await runs.request({ request: bad, actor: "op", graph: caller }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toMatch(/memberIds/);
    expect(calls).toHaveLength(0);
    expect(await db.selectFrom("runs").select("id").execute()).toHaveLength(0);
  });

  it("records a failed call with Graph's code, message and request id", async () => {
    const graphError = Object.assign(new Error("Insufficient privileges to complete the operation."), {
      code: "Authorization_RequestDenied",
      requestId: "graph-req-9",
    });
    const { caller } = recordingCaller(async () => Promise.reject(graphError));
    const runs = createRunService({ db });
    const { id } = await runs.request({ request, actor: "op", graph: caller });
    await runs.settled(id);
    const run = await runs.get(id);
    expect(run?.status).toBe("failed");
    expect(run?.error).toEqual({
      code: "Authorization_RequestDenied",
      message: "Insufficient privileges to complete the operation.",
      graphRequestId: "graph-req-9",
    });
  });

  it("reports the queue position and countdown while a run waits for the rate limit", async () => {
    let release: () => void = () => {};
    const caller: ProvisionCaller = {
      provisionOnDemand: (_sp, _job, _body, options) =>
        new Promise((resolve) => {
          options.onQueued?.({ position: 3, startsInMs: 4000 });
          release = () => resolve({ body: example1, requestId: null });
        }),
    };
    const runs = createRunService({ db });
    const { id } = await runs.request({ request, actor: "op", graph: caller });
    await new Promise((r) => setTimeout(r, 10));
    const waiting = await runs.get(id);
    expect(waiting?.status).toBe("queued");
    expect(waiting?.queue?.position).toBe(3);
    expect(waiting?.queue?.startsInMs).toBeGreaterThan(3000);
    release();
    await runs.settled(id);
    expect((await runs.get(id))?.queue).toBeNull();
  });

  it("writes that a run is on its way before the call leaves, so a crash then is an honest 'interrupted'", async () => {
    let statusAsSent: string | undefined;
    const caller: ProvisionCaller = {
      async provisionOnDemand(_sp, _job, _body, options) {
        await options.beforeSend?.();
        statusAsSent = (await db.selectFrom("runs").select("status").executeTakeFirst())?.status;
        return new Promise(() => {}); // the console dies before Graph answers
      },
    };
    const runs = createRunService({ db, instanceId: "dead-console" });
    const { id } = await runs.request({ request, actor: "op", graph: caller });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(statusAsSent).toBe("running");
    const at = new Date().toISOString();
    expect(await interruptUnfinishedRuns(db, at, { exclusive: true }, "restarted-console")).toBe(1);
    const run = await runs.get(id);
    expect(run?.status).toBe("interrupted");
    expect(run?.error?.message).toMatch(/may or may not have received it/);
  });

  it("resumes a run that was still queued when its console died, once, and never interrupts it", async () => {
    const sent: string[] = [];
    const neverAnswers: ProvisionCaller = { provisionOnDemand: () => new Promise(() => {}) };
    const dead = createRunService({ db, instanceId: "dead-console" });
    // Waiting for its turn when the console died: beforeSend never ran.
    const { id } = await dead.request({ request, actor: "op", graph: neverAnswers });
    const restartedAt = new Date().toISOString();
    expect(await interruptUnfinishedRuns(db, restartedAt, { exclusive: true }, "new-console")).toBe(0);

    const { caller } = recordingCaller(async () => {
      sent.push(id);
      return { body: example1, requestId: "graph-req-2" };
    });
    const restarted = createRunService({ db, instanceId: "new-console" });
    const other = createRunService({ db, instanceId: "other-console" });
    const [a, b] = await Promise.all([
      restarted.resumeQueued(() => caller, { exclusive: true }),
      other.resumeQueued(() => caller, { exclusive: true }),
    ]);
    expect(a + b).toBe(1); // one console takes it over
    await Promise.all([restarted.settled(id), other.settled(id)]);
    expect(sent).toEqual([id]);
    const run = await restarted.get(id);
    expect(run).toMatchObject({ status: "completed", graphRequestId: "graph-req-2" });
    expect(await restarted.resumeQueued(() => caller, { exclusive: true })).toBe(0);
  });

  it("leaves a queued run whose operator cannot be called as yet for a later look", async () => {
    const dead = createRunService({ db, instanceId: "dead-console" });
    const neverAnswers: ProvisionCaller = { provisionOnDemand: () => new Promise(() => {}) };
    const { id } = await dead.request({ request, actor: "op", graph: neverAnswers });
    const restarted = createRunService({ db, instanceId: "new-console" });
    expect(await restarted.resumeQueued(() => null, { exclusive: true })).toBe(0);
    expect((await restarted.get(id))?.status).toBe("queued");
    const { caller, calls } = recordingCaller(async () => ({ body: example1, requestId: null }));
    expect(await restarted.resumeQueued(() => caller, { exclusive: true })).toBe(1);
    await restarted.settled(id);
    expect(calls).toHaveLength(1);
  });

  it("never sends a run another console took over while this one stalled", async () => {
    let goAhead: () => void = () => {};
    const stalled: ProvisionCaller = {
      async provisionOnDemand(_sp, _job, _body, options) {
        await new Promise<void>((resolve) => (goAhead = resolve)); // waits for its turn…
        await options.beforeSend?.(); // …and finds the run is no longer its own
        throw new Error("must not be reached");
      },
    };
    const slow = createRunService({ db, instanceId: "slow-console" });
    const { id } = await slow.request({ request, actor: "op", graph: stalled });
    await db.updateTable("runs").set({ instance_id: "other-console" }).where("id", "=", id).execute();
    goAhead();
    expect(await slow.settled(id)).toEqual({ status: "failed", errorCode: "TakenOver" });
    expect((await slow.get(id))?.status).toBe("queued"); // the other console's to send and record
  });
});
