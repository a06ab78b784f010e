import { beforeEach, describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES, type DemoTenant } from "../index";
import { graphTestClient, provisionPath, type Json } from "@/lib/testing/demo-graph-client";
import { DEMO_SCENARIO_IDS, type DemoScenarioView, type ScenarioOutcome } from "./scenarios";

const tenant: DemoTenant = createDemoTenant({ throttle: false });
const graph = graphTestClient(tenant.handle, "http://127.0.0.1:4010");

beforeEach(() => tenant.reset());

async function setUp(id: string): Promise<DemoScenarioView> {
  const answer = await graph.post(`/demo/scenarios/${id}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.json as DemoScenarioView;
}

/** Provision on demand of the scenario's object, read as the result page reads it. */
async function provisionScenario(view: DemoScenarioView): Promise<ScenarioOutcome> {
  const { open } = view;
  const subject =
    open.kind === "group"
      ? {
          objectId: open.groupId,
          objectTypeName: "Group",
          links: { members: open.memberIds.map((objectId) => ({ objectId, objectTypeName: "User" })) },
        }
      : { objectId: open.userId ?? open.distinguishedName, objectTypeName: "User" };
  const run = await graph.post(provisionPath(open.servicePrincipalId, open.jobId), {
    parameters: [{ ruleId: open.ruleId, subjects: [subject] }],
  });
  expect(run.status, run.text).toBe(200);
  const key = JSON.parse(run.json.key) as { result: ScenarioOutcome["outcome"]; details: Json };
  const value = JSON.parse(run.json.value) as Json;
  const action =
    key.result === "Success"
      ? (value.action ??
        // Cloud Sync names the action in its export step: EntryExportAdd, EntryExportUpdate.
        { EntryExportAdd: "Create", EntryExportUpdate: "Update" }[
          (value.provisioningSteps as { name: string }[]).find((s) => s.name.startsWith("EntryExport"))
            ?.name ?? ""
        ] ??
        null)
      : null;
  return { outcome: key.result, action, reason: key.details.errorCode ?? null };
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe("the guided demo's scenarios", () => {
  it("lists every story with its cast named from the tenant, and no id in what is shown", async () => {
    const list = await graph.get("/demo/scenarios");
    expect(list.status).toBe(200);
    const views = list.json.value as DemoScenarioView[];
    expect(views.map((v) => v.id)).toEqual([...DEMO_SCENARIO_IDS]);
    for (const view of views) {
      for (const text of [view.title, view.story, view.promise, view.applicationName, ...view.nextSteps])
        expect(text, view.id).not.toMatch(GUID);
      expect(view.cast.length, view.id).toBeGreaterThan(0);
    }
    const notAssigned = views.find((v) => v.id === "not-assigned")!;
    expect(notAssigned.promise).toContain("Isaiah Langer is not assigned to Contoso HR Portal (SCIM)");

    // A renamed person is named as the tenant now has them.
    await graph.patch(`/demo/users/${DEMO_FIXTURES.unassignedUser.id}`, { displayName: "Jack Langer" });
    const renamed = (await graph.get("/demo/scenarios")).json.value as DemoScenarioView[];
    expect(renamed.find((v) => v.id === "not-assigned")!.cast).toEqual(["Jack Langer"]);
  });

  it("each set-up gives the outcome its story promises, on a fresh tenant", async () => {
    for (const id of DEMO_SCENARIO_IDS) {
      tenant.reset();
      const view = await setUp(id);
      expect(await provisionScenario(view), id).toEqual(view.expected);
    }
  });

  it("gives the promised outcome whatever ran before: twice in a row, after its own run, in any order", async () => {
    const order = [...DEMO_SCENARIO_IDS, ...[...DEMO_SCENARIO_IDS].reverse(), "update", "create", "disable"];
    for (const id of order) {
      await setUp(id);
      const view = await setUp(id);
      expect(await provisionScenario(view), `${id} pressed twice`).toEqual(view.expected);
      // Pressed again after its own run: the story is set up again, not left as the run left it.
      const again = await setUp(id);
      expect(await provisionScenario(again), `${id} after its run`).toEqual(view.expected);
    }
  });

  it("puts back what a demo changed by hand that the story depends on", async () => {
    const { scimApp, unassignedUser, outOfScopeUser, rejectingApp, rejectedUser } = DEMO_FIXTURES;
    await graph.put(`/demo/service-principals/${scimApp.spId}/assignments/${unassignedUser.id}`);
    await graph.patch(`/demo/users/${outOfScopeUser.id}`, { department: "Sales" });
    await graph.delete(`/demo/service-principals/${scimApp.spId}/assignments/${outOfScopeUser.id}`);
    await graph.patch(`/demo/users/${rejectedUser.id}`, { jobTitle: "Accountant" });
    await graph.post(
      `/demo/service-principals/${rejectingApp.spId}/jobs/${rejectingApp.jobId}/replace-token`,
    );
    for (const id of ["not-assigned", "out-of-scope", "target-failure"] as const) {
      const view = await setUp(id);
      expect(await provisionScenario(view), id).toEqual(view.expected);
    }
  });

  it("brings the quarantine back after its repair", async () => {
    const { quarantinedApp } = DEMO_FIXTURES;
    const view = await setUp("quarantine");
    expect((await provisionScenario(view)).reason).toBe(
      "SystemForCrossDomainIdentityManagementInvalidCredentials",
    );
    await graph.post(
      `/demo/service-principals/${quarantinedApp.spId}/jobs/${quarantinedApp.jobId}/replace-token`,
    );
    expect(await provisionScenario(view)).toEqual({ outcome: "Success", action: "Create", reason: null });
    const job = await graph.get(
      `/v1.0/servicePrincipals/${quarantinedApp.spId}/synchronization/jobs/${encodeURIComponent(quarantinedApp.jobId)}`,
    );
    expect(job.json.status.code).toBe("Quarantine");
    const again = await setUp("quarantine");
    expect(await provisionScenario(again)).toEqual(view.expected);
  });

  it("names an unknown scenario and the ones there are", async () => {
    const answer = await graph.post("/demo/scenarios/teleport");
    expect(answer.status).toBe(404);
    expect(answer.json.error.message).toContain("'teleport'");
    expect(answer.json.error.message).toContain("already-in-sync");
  });
});
