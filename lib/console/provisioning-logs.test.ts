import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failuresWaiting as failuresWaitingSchema } from "@/lib/api/contracts";
import { createDemoTenant, DEMO_FIXTURES, type DemoTenant } from "@/lib/demo-tenant";
import type { Env } from "@/lib/env";
import { createGraphClient, GraphError, type GraphClient } from "@/lib/graph";
import { createRunService, type RunsDatabase } from "@/lib/runs";
import { openSqliteDatabase } from "@/lib/runs/database";
import { failuresWaiting, getEvent, listEvents } from "./provisioning-logs";

const caller = { id: "alice", displayName: "Alice", roles: [] };
const MEGAN = "5930e14b-a8eb-4fb8-8dce-f64882db733d";
const { scimApp, rejectingApp } = DEMO_FIXTURES;
const settings = { GRAPH_PERMISSION_MODE: "delegated" } as Env;

let db: RunsDatabase;
let tenant: DemoTenant;
let graph: GraphClient;
beforeAll(async () => {
  db = await openSqliteDatabase(":memory:");
  tenant = createDemoTenant({ throttle: false });
  graph = createGraphClient({ fetch: tenant.handle, baseUrl: "https://graph.microsoft.com" });
});
afterAll(() => db.destroy());
const services = (client: GraphClient = graph) => ({ graphFor: () => client, db, settings });

async function provision(spId: string, jobId: string, ruleId: string, objectId: string): Promise<string> {
  const runs = createRunService({ db });
  const { id } = await runs.request({
    request: { servicePrincipalId: spId, jobId, ruleId, subject: { kind: "user", objectId } },
    actor: caller.id,
    graph,
  });
  await runs.settled(id);
  return id;
}

describe("the provisioning log, joined to the console's runs", () => {
  it("lists a user's events newest first, the run of this console beside its own change", async () => {
    const runId = await provision(scimApp.spId, scimApp.jobId, scimApp.ruleId, MEGAN);
    const page = await listEvents(services(), caller, {
      userId: MEGAN,
      servicePrincipalId: scimApp.spId,
      limit: 3,
    });
    expect(page.items).toHaveLength(3);
    expect(page.nextCursor).not.toBeNull();
    expect(page.items[0]).toMatchObject({
      event: { origin: "onDemand", action: "Create" },
      run: { id: runId, outcome: "Success" },
    });
    expect(page.items.slice(1).every((item) => item.run === null)).toBe(true);
    const next = await listEvents(services(), caller, { userId: MEGAN, cursor: page.nextCursor!, limit: 3 });
    expect(next.items[0]!.event.id).not.toBe(page.items[0]!.event.id);
  });

  it("opens one event by id, and answers 404 for one the log does not have", async () => {
    const [first] = (await listEvents(services(), caller, { userId: MEGAN, limit: 1 })).items;
    expect((await getEvent(services(), caller, first!.event.id!)).event.id).toBe(first!.event.id);
    await expect(getEvent(services(), caller, "no-such-event")).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps an entry it cannot read, raw with a warning, beside the ones it can", async () => {
    const [readable] = (await graph.listProvisioningEvents({ userId: MEGAN }, { top: 1 })).items;
    const mixed: GraphClient = {
      ...graph,
      listProvisioningEvents: async () => ({
        items: ["<html>proxy error</html>", readable],
        nextCursor: null,
      }),
    };
    const page = await listEvents(services(mixed), caller, { limit: 10 });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.event.result).toMatchObject({
      outcome: "Unknown",
      warnings: ['The log entry is the text "<html>proxy error</html>", not a provisioning event.'],
      raw: { value: "<html>proxy error</html>" },
    });
    expect(page.items[1]!.event.result.warnings).toEqual([]);
  });

  it("answers 403 saying which permission is missing when Graph refuses the log", async () => {
    const refusing: GraphClient = {
      ...graph,
      listProvisioningEvents: async () => {
        throw new GraphError({
          status: 403,
          code: "Authorization_RequestDenied",
          message: "Insufficient privileges.",
        });
      },
    };
    await expect(listEvents(services(refusing), caller, { limit: 10 })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("AuditLog.Read.All"),
      extra: { reason: "log_permission", graphCode: "Authorization_RequestDenied" },
    });
  });
});

describe("failures waiting on a job", () => {
  it("lists each object whose latest event failed once, with what a retry sends and the job's rule", async () => {
    const waiting = failuresWaitingSchema.parse(
      await failuresWaiting(services(), caller, rejectingApp.spId, rejectingApp.jobId),
    );
    expect(waiting.rule).toEqual({ id: rejectingApp.ruleId, name: expect.any(String) });
    const pradeep = waiting.items.find((item) => item.key === DEMO_FIXTURES.rejectedUser.id)!;
    expect(pradeep).toMatchObject({
      label: "Pradeep Gupta",
      subject: { kind: "user", objectId: DEMO_FIXTURES.rejectedUser.id },
      lastFailure: { errorCode: "SystemForCrossDomainIdentityManagementBadResponse" },
    });
    expect(pradeep.failures).toBeGreaterThan(100);
    expect(waiting.items.map((item) => item.lastFailure.errorCode)).toContain("EntryConflict");
    // Those whose failures during yesterday's outage were retried successfully are not waiting.
    expect(waiting.items.map((item) => item.lastFailure.errorCode)).not.toContain("InternalServerError");
    expect(new Set(waiting.items.map((item) => item.key)).size).toBe(waiting.items.length);
  });

  it("drops an object once a newer run of it succeeds", async () => {
    const before = await failuresWaiting(services(), caller, rejectingApp.spId, rejectingApp.jobId);
    const conflicted = before.items.find((item) => item.lastFailure.errorCode === "EntryConflict")!;
    await provision(rejectingApp.spId, rejectingApp.jobId, rejectingApp.ruleId, conflicted.key);
    const after = await failuresWaiting(services(), caller, rejectingApp.spId, rejectingApp.jobId);
    expect(after.items.map((item) => item.key)).not.toContain(conflicted.key);
    expect(after.items.map((item) => item.key)).toContain(DEMO_FIXTURES.rejectedUser.id);
  });

  it("has nothing waiting on a job whose latest events all went through", async () => {
    const waiting = await failuresWaiting(services(), caller, scimApp.spId, scimApp.jobId);
    expect(waiting.items).toEqual([]);
  });
});
