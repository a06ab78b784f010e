import { beforeEach, describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES, type DemoTenant } from "../index";
import {
  graphTestClient,
  provisionPath,
  userSubjectBody,
  type GraphTestClient,
  type Json,
} from "@/lib/testing/demo-graph-client";

const { scimApp, rejectingApp, cloudSync, groupWithMembers } = DEMO_FIXTURES;
const MEGAN = "5930e14b-a8eb-4fb8-8dce-f64882db733d";
const PRADEEP = DEMO_FIXTURES.rejectedUser.id;
const START = Date.parse("2026-12-01T09:00:00Z");

const events = (filter: string, extra = "") =>
  `/v1.0/auditLogs/provisioning?$filter=${encodeURIComponent(filter)}${extra}`;

let tenant: DemoTenant;
let graph: GraphTestClient;
let clock = START;
beforeEach(() => {
  clock = START;
  tenant = createDemoTenant({ throttle: false, now: () => new Date(clock) });
  graph = graphTestClient(tenant.handle);
});

async function everyPage(path: string): Promise<Json[]> {
  const items: Json[] = [];
  let next: string | undefined = path;
  while (next) {
    const answer = await graph.get(next);
    expect(answer.status, answer.text).toBe(200);
    items.push(...answer.json.value);
    next = answer.json["@odata.nextLink"];
  }
  return items;
}

describe("the seeded history", () => {
  it("covers the days before the tenant started, newest first, in Graph's v1.0 shape", async () => {
    const page = await graph.get("/v1.0/auditLogs/provisioning?$top=20");
    expect(page.status).toBe(200);
    expect(page.json["@odata.context"]).toBe(
      "https://graph.microsoft.com/v1.0/$metadata#auditLogs/provisioning",
    );
    const times = page.json.value.map((e: Json) => Date.parse(e.activityDateTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times[0]).toBeLessThan(START);
    expect(times[0]).toBeGreaterThan(START - 60 * 60_000);
    const first = page.json.value[0];
    for (const field of [
      "id",
      "jobId",
      "cycleId",
      "changeId",
      "provisioningAction",
      "provisioningStatusInfo",
      "provisioningSteps",
      "servicePrincipal",
      "sourceIdentity",
      "targetIdentity",
      "initiatedBy",
    ])
      expect(first).toHaveProperty(field);
    expect(first).not.toHaveProperty("action");
    expect(first.initiatedBy).toEqual({
      id: "",
      displayName: "Azure AD Provisioning Service",
      initiatorType: "system",
    });
  });

  it("tells Megan's story in the HR Portal: created three days ago, her title updated yesterday, in sync this morning", async () => {
    const hr = await everyPage(
      events(`sourceIdentity/id eq '${MEGAN}' and servicePrincipal/id eq '${scimApp.spId}'`),
    );
    expect(hr.map((e) => `${e.provisioningAction}/${e.provisioningStatusInfo.status}`).slice(0, 2)).toEqual([
      "other/skipped",
      "update/success",
    ]);
    expect(hr.at(-1)).toMatchObject({
      provisioningAction: "create",
      provisioningStatusInfo: { status: "success" },
    });
    expect(START - Date.parse(hr.at(-1).activityDateTime)).toBeGreaterThan(2.5 * 24 * 3600_000);
    const update = hr.find(
      (e) => e.provisioningAction === "update" && e.modifiedProperties[0].oldValue === "Content Writer",
    );
    expect(update.modifiedProperties).toEqual([
      { displayName: "title", oldValue: "Content Writer", newValue: "Content Strategist" },
    ]);
  });

  it("has a failure streak on Northwind Expenses: Pradeep escrowed every cycle, and an outage yesterday", async () => {
    const failures = await everyPage(
      events(`jobId eq '${rejectingApp.jobId}' and provisioningStatusInfo/status eq 'failure'`, "&$top=200"),
    );
    const pradeep = failures.filter((e) => e.sourceIdentity.id === PRADEEP);
    expect(pradeep.length).toBeGreaterThan(100);
    expect(pradeep[0].provisioningStatusInfo.errorInformation).toMatchObject({
      errorCode: "SystemForCrossDomainIdentityManagementBadResponse",
      errorCategory: "nonServiceFailure",
    });
    expect(
      failures.some((e) => e.provisioningStatusInfo.errorInformation.errorCode === "InternalServerError"),
    ).toBe(true);
    expect(
      failures.some((e) => e.provisioningStatusInfo.errorInformation.errorCode === "EntryConflict"),
    ).toBe(true);
  });

  it("is the same story for the same seed, and starts again on reset", async () => {
    const again = createDemoTenant({ throttle: false, now: () => new Date(START) });
    const ids = (t: DemoTenant) =>
      t.provisioningLog
        .query({ filter: null, descending: true, after: null, top: 5 })
        .records.map((r) => r.id);
    expect(ids(again)).toEqual(ids(tenant));
    await graph.post(provisionPath(scimApp.spId, scimApp.jobId), userSubjectBody(scimApp.ruleId, MEGAN));
    const size = tenant.provisioningLog.size();
    tenant.reset();
    expect(tenant.provisioningLog.size()).toBe(size - 1);
  });
});

describe("$filter, $orderby, $top and $skiptoken as Graph documents them", () => {
  it("compares values case-sensitively: 'Failure' finds nothing, 'failure' the failures", async () => {
    const upper = await graph.get(events(`provisioningStatusInfo/status eq 'Failure'`));
    const lower = await graph.get(events(`provisioningStatusInfo/status eq 'failure'`));
    expect(upper.status).toBe(200);
    expect(upper.json.value).toEqual([]);
    expect(lower.json.value.length).toBeGreaterThan(0);
  });

  it("pages with $top and the nextLink's $skiptoken, each event once, in order", async () => {
    const filter = `servicePrincipal/id eq '${rejectingApp.spId}'`;
    const paged = await everyPage(events(filter, "&$top=37"));
    const whole = await graph.get(events(filter, "&$top=1000"));
    expect(paged.map((e) => e.id)).toEqual(whole.json.value.map((e: Json) => e.id));
    expect(new Set(paged.map((e) => e.id)).size).toBe(paged.length);
  });

  it("orders oldest first on request, and refuses to order by anything but activityDateTime", async () => {
    const asc = await graph.get(
      events(`jobId eq '${scimApp.jobId}'`, "&$orderby=activityDateTime asc&$top=10"),
    );
    const times = asc.json.value.map((e: Json) => Date.parse(e.activityDateTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const bad = await graph.get("/v1.0/auditLogs/provisioning?$orderby=jobId");
    expect(bad.status).toBe(400);
  });

  it("reads contains, tolower, gt and lt, and answers 400 for operators the API does not support", async () => {
    const since = new Date(START - 6 * 3600_000).toISOString();
    const recent = await everyPage(
      events(`activityDateTime gt ${since} and contains(tolower(servicePrincipal/displayName),'northwind')`),
    );
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((e) => Date.parse(e.activityDateTime) > Date.parse(since))).toBe(true);
    expect(recent.every((e) => e.servicePrincipal.id === rejectingApp.spId)).toBe(true);
    expect((await graph.get(events(`provisioningAction ne 'create'`))).status).toBe(400);
    expect((await graph.get(events(`nosuchProperty eq 'x'`))).json.error.code).toBe(
      "Request_UnsupportedQuery",
    );
    expect((await graph.get(events(`jobId eq 'unterminated`))).status).toBe(400);
  });

  it("serves beta with the deprecated action and statusInfo beside provisioningAction and provisioningStatusInfo", async () => {
    const filter = encodeURIComponent(`sourceIdentity/id eq '${PRADEEP}' and statusInfo/status eq 'failure'`);
    const beta = await graph.get(`/beta/auditLogs/provisioning?$filter=${filter}&$top=1`);
    expect(beta.status).toBe(200);
    expect(beta.json.value[0]).toMatchObject({
      action: "Create",
      provisioningAction: "create",
      statusInfo: { "@odata.type": "#microsoft.graph.statusDetails", status: "failure" },
      provisioningStatusInfo: { status: "failure" },
    });
    expect((await graph.get(events(`statusInfo/status eq 'failure'`))).status).toBe(400);
  });

  it("finds one event by id, and answers 404 for an unknown one", async () => {
    const [first] = (await graph.get("/v1.0/auditLogs/provisioning?$top=1")).json.value;
    const one = await graph.get(`/v1.0/auditLogs/provisioning/${first.id}`);
    expect(one.json.id).toBe(first.id);
    expect((await graph.get("/v1.0/auditLogs/provisioning/nope")).status).toBe(404);
  });
});

describe("what writes to the log", () => {
  it("every on-demand run, with the changeId of its answer and a person as the initiator", async () => {
    const answer = await graph.post(
      provisionPath(scimApp.spId, scimApp.jobId),
      userSubjectBody(scimApp.ruleId, MEGAN),
    );
    const { changeId, action } = JSON.parse(answer.json.value);
    const [entry] = (await graph.get(events(`changeId eq '${changeId}'`))).json.value;
    expect(entry).toMatchObject({
      jobId: scimApp.jobId,
      provisioningAction: action.toLowerCase(),
      initiatedBy: { initiatorType: "user" },
      sourceIdentity: { id: MEGAN, identityType: "User" },
      servicePrincipal: { id: scimApp.spId },
    });
    expect(entry.provisioningSteps.map((s: Json) => s.provisioningStepType)).toEqual([
      "import",
      "matching",
      "scoping",
      "export",
    ]);
  });

  it("an on-demand Cloud Sync run, with the synced Entra user as its target", async () => {
    const body = {
      parameters: [
        {
          ruleId: cloudSync.ruleId,
          subjects: [{ objectId: cloudSync.syncedUserDn, objectTypeName: "user" }],
        },
      ],
    };
    const answer = await graph.post(provisionPath(cloudSync.spId, cloudSync.jobId), body);
    const { changeId } = JSON.parse(answer.json.value);
    const [entry] = (
      await graph.get(
        events(`targetIdentity/id eq '${cloudSync.syncedUserEntraId}' and changeId eq '${changeId}'`),
      )
    ).json.value;
    expect(entry.sourceSystem.displayName).toBe("Active Directory");
    expect(entry.provisioningSteps[0].details.distinguishedName).toBe(cloudSync.syncedUserDn);
  });

  it("a scheduled cycle, which retries the escrows and what the demo controls changed", async () => {
    await graph.patch(`/demo/users/${MEGAN}`, { jobTitle: "Head of Content" });
    clock += 60_000;
    const cycle = await graph.post(
      `/demo/service-principals/${rejectingApp.spId}/jobs/${encodeURIComponent(rejectingApp.jobId)}/cycle`,
    );
    expect(cycle.status).toBe(200);
    const logged = (await graph.get(events(`cycleId eq '${cycle.json.cycleId}'`))).json.value;
    expect(logged.map((e: Json) => e.sourceIdentity.id)).toContain(PRADEEP);
    expect(logged.every((e: Json) => e.initiatedBy.initiatorType === "system")).toBe(true);
    expect(cycle.json.processed).toBe(logged.length);

    const hr = await tenant.runCycle(scimApp.spId, scimApp.jobId);
    const hrLogged = (await graph.get(events(`cycleId eq '${hr!.cycleId}'`))).json.value;
    expect(hrLogged.map((e: Json) => e.sourceIdentity.id)).toEqual([MEGAN]);
  });
});

describe("a user's assignments and groups, as the user page reads them", () => {
  it("lists the app roles assigned to a user and to the groups they are in", async () => {
    const direct = await graph.get(`/v1.0/users/${DEMO_FIXTURES.inScopeUser.id}/appRoleAssignments`);
    expect(direct.json.value.map((a: Json) => a.resourceId)).toContain(scimApp.spId);
    const groups = await graph.get(`/v1.0/users/${MEGAN}/transitiveMemberOf`);
    expect(groups.json.value).toContainEqual(
      expect.objectContaining({ "@odata.type": "#microsoft.graph.group", id: groupWithMembers.id }),
    );
    const viaGroup = await graph.get(`/v1.0/groups/${groupWithMembers.id}/appRoleAssignments`);
    expect(viaGroup.json.value.map((a: Json) => a.resourceId)).toContain(scimApp.spId);
  });

  it("finds a soft-deleted user in the recycle bin, not in /users", async () => {
    const lidia = DEMO_FIXTURES.softDeletedUser.id;
    expect((await graph.get(`/v1.0/users/${lidia}`)).status).toBe(404);
    const deleted = await graph.get(`/v1.0/directory/deletedItems/${lidia}`);
    expect(deleted.json).toMatchObject({ "@odata.type": "#microsoft.graph.user", id: lidia });
    const bin = await graph.get(
      `/v1.0/directory/deletedItems/microsoft.graph.user?$filter=${encodeURIComponent("startswith(displayName,'Lidia')")}`,
    );
    expect(bin.json.value.map((u: Json) => u.id)).toEqual([lidia]);
  });
});
