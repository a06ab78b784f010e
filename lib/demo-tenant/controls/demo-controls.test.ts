import { beforeEach, describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES, type DemoTenant } from "../index";
import {
  graphTestClient,
  provisionPath,
  userSubjectBody,
  type GraphTestClient,
} from "@/lib/testing/demo-graph-client";

const tenant: DemoTenant = createDemoTenant({ throttle: false });
const graph: GraphTestClient = graphTestClient(tenant.handle, "http://127.0.0.1:4010");
const { inScopeUser, unassignedUser, scimApp, groupWithMembers } = DEMO_FIXTURES;

beforeEach(() => tenant.reset());

describe("PATCH /demo/users/{id}", () => {
  it("changes source attributes, which Graph then serves", async () => {
    const answer = await graph.patch(`/demo/users/${inScopeUser.id}`, {
      department: "Marketing",
      accountEnabled: false,
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ id: inScopeUser.id, department: "Marketing", accountEnabled: false });
    const user = await graph.get(`/v1.0/users/${inScopeUser.id}?$select=department,accountEnabled`);
    expect(user.json).toMatchObject({ department: "Marketing", accountEnabled: false });
  });

  it("finds the user again by a changed name in $search", async () => {
    await graph.patch(`/demo/users/${inScopeUser.id}`, { displayName: "Adele Quillfeather" });
    const found = await graph.get(`/v1.0/users?$search="displayName:quillfeather"&$select=id`, {
      ConsistencyLevel: "eventual",
    });
    expect(found.json.value).toEqual([{ id: inScopeUser.id }]);
  });

  it("names the field that is wrong or unknown", async () => {
    const wrongType = await graph.patch(`/demo/users/${inScopeUser.id}`, { accountEnabled: "yes" });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error.message).toContain("'accountEnabled'");
    const unknown = await graph.patch(`/demo/users/${inScopeUser.id}`, { shoeSize: 42 });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain("'shoeSize'");
    const badManager = await graph.patch(`/demo/users/${inScopeUser.id}`, { managerId: "nobody" });
    expect(badManager.json.error.message).toContain("'managerId'");
    expect((await graph.patch(`/demo/users/nobody`, { department: "Sales" })).status).toBe(404);
  });

  it("takes changes as JSON of a bounded size only, naming what is wrong", async () => {
    const change = (init: RequestInit) =>
      tenant.handle(
        new Request(`http://127.0.0.1:4010/demo/users/${inScopeUser.id}`, { method: "PATCH", ...init }),
      );
    const plain = await change({ body: '{"department":"Sales"}', headers: { "content-type": "text/plain" } });
    expect(plain.status).toBe(415);
    expect(((await plain.json()) as { error: { message: string } }).error.message).toMatch(/Content-Type/);
    const huge = await change({
      body: JSON.stringify({ department: "x".repeat(100_000) }),
      headers: { "content-type": "application/json" },
    });
    expect(huge.status).toBe(413);
    const long = await graph.patch(`/demo/users/${inScopeUser.id}`, { department: "x".repeat(257) });
    expect(long.status).toBe(400);
    expect(long.json.error.message).toMatch(/'department'.*256/);
    const ldap = await graph.patch(
      `/demo/on-premises/users/${encodeURIComponent(DEMO_FIXTURES.cloudSync.syncedUserDn)}`,
      {
        description: "x".repeat(1025),
      },
    );
    expect(ldap.status).toBe(400);
  });

  it("soft-deletes and restores a user", async () => {
    await graph.patch(`/demo/users/${inScopeUser.id}`, { deletedDateTime: "2026-11-28T10:00:00Z" });
    expect((await graph.get(`/v1.0/users/${inScopeUser.id}`)).status).toBe(404);
    await graph.patch(`/demo/users/${inScopeUser.id}`, { deletedDateTime: null });
    expect((await graph.get(`/v1.0/users/${inScopeUser.id}`)).status).toBe(200);
  });
});

describe("assignments", () => {
  const assignedTo = async () =>
    (await graph.get(`/v1.0/servicePrincipals/${scimApp.spId}/appRoleAssignedTo?$top=999`)).json.value.map(
      (a: { principalId: string }) => a.principalId,
    );

  it("assigns with PUT (201, then 200 when repeated) and unassigns with DELETE (204, then 404)", async () => {
    const first = await graph.put(
      `/demo/service-principals/${scimApp.spId}/assignments/${unassignedUser.id}`,
    );
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      principalId: unassignedUser.id,
      principalType: "User",
      resourceId: scimApp.spId,
    });
    expect(
      (await graph.put(`/demo/service-principals/${scimApp.spId}/assignments/${unassignedUser.id}`)).status,
    ).toBe(200);
    expect(await assignedTo()).toContain(unassignedUser.id);

    expect(
      (await graph.delete(`/demo/service-principals/${scimApp.spId}/assignments/${unassignedUser.id}`))
        .status,
    ).toBe(204);
    expect(await assignedTo()).not.toContain(unassignedUser.id);
    expect(
      (await graph.delete(`/demo/service-principals/${scimApp.spId}/assignments/${unassignedUser.id}`))
        .status,
    ).toBe(404);
  });

  it("assigns groups and refuses unknown principals and apps", async () => {
    await graph.delete(`/demo/service-principals/${scimApp.spId}/assignments/${groupWithMembers.id}`);
    const group = await graph.put(
      `/demo/service-principals/${scimApp.spId}/assignments/${groupWithMembers.id}`,
    );
    expect(group.json.principalType).toBe("Group");
    expect((await graph.put(`/demo/service-principals/${scimApp.spId}/assignments/nobody`)).status).toBe(404);
    expect((await graph.put(`/demo/service-principals/no-app/assignments/${unassignedUser.id}`)).status).toBe(
      404,
    );
  });
});

describe("reset, stats, snapshots and fixtures", () => {
  it("POST /demo/reset restores the seeded state, SCIM stores and counters", async () => {
    const before = (await graph.get(`/v1.0/users/${inScopeUser.id}?$select=jobTitle`)).json;
    await graph.patch(`/demo/users/${inScopeUser.id}`, { jobTitle: "Changed" });
    await graph.post(
      provisionPath(scimApp.spId, scimApp.jobId),
      userSubjectBody(scimApp.ruleId, inScopeUser.id),
    );
    expect((await graph.get(`/demo/scim/${scimApp.targetId}/Users`)).json.totalResults).toBe(1);

    const reset = await graph.post("/demo/reset");
    expect(reset.status).toBe(200);
    expect((await graph.get(`/v1.0/users/${inScopeUser.id}?$select=jobTitle`)).json).toEqual(before);
    expect((await graph.get(`/demo/scim/${scimApp.targetId}/Users`)).json.totalResults).toBe(0);
    expect(
      (await graph.get("/demo/stats")).json.jobs.every(
        (j: { provisionOnDemandCalls: number }) => j.provisionOnDemandCalls === 0,
      ),
    ).toBe(true);
  });

  it("lists every job in /demo/stats and refuses snapshots of unknown targets", async () => {
    const stats = await graph.get("/demo/stats");
    expect(stats.json.throttle).toBeNull();
    expect(stats.json.jobs.map((j: { jobId: string }) => j.jobId)).toEqual(
      expect.arrayContaining([scimApp.jobId, DEMO_FIXTURES.cloudSync.jobId]),
    );
    expect((await graph.get("/demo/scim/no-such-target/Users")).status).toBe(404);
    expect((await graph.get(`/demo/scim/${scimApp.targetId}/Things`)).status).toBe(404);
  });

  it("serves the fixtures and answers unknown controls in Graph's error format", async () => {
    expect((await graph.get("/demo/fixtures")).json.scimApp.jobId).toBe(scimApp.jobId);
    const unknown = await graph.get("/demo/teleport");
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe("BadRequest");
    expect(unknown.headers.get("request-id")).toBeTruthy();
    expect((await graph.get("/demo/reset")).status).toBe(405);
  });

  it("changes an on-premises user's attributes for Cloud Sync demos", async () => {
    const dn = DEMO_FIXTURES.cloudSync.syncedUserDn;
    const changed = await graph.patch(`/demo/on-premises/users/${encodeURIComponent(dn)}`, {
      title: "Store Director",
    });
    expect(changed.json.attributes.title).toBe("Store Director");
    expect(
      (await graph.patch(`/demo/on-premises/users/${encodeURIComponent(dn)}`, { objectGUID: "x" })).status,
    ).toBe(400);
  });
});

describe("GET /demo/on-premises/users?search=", () => {
  const { syncedUserDn, newUserDn } = DEMO_FIXTURES.cloudSync;

  it("finds AD users by name, and says which are already in Entra ID", async () => {
    const patti = await graph.get("/demo/on-premises/users?search=patti%20fern");
    expect(patti.status).toBe(200);
    expect(patti.json.value).toEqual([
      expect.objectContaining({
        distinguishedName: newUserDn,
        displayName: "Patti Fernandez",
        inEntra: false,
      }),
    ]);
    const adele = await graph.get("/demo/on-premises/users?search=ADELE");
    expect(adele.json.value).toContainEqual(
      expect.objectContaining({ distinguishedName: syncedUserDn, displayName: "Adele Vance", inEntra: true }),
    );
  });

  it("finds by a piece of the distinguished name, answers at most 20, and nothing for no match", async () => {
    const chicago = await graph.get("/demo/on-premises/users?search=OU%3DChicago");
    expect(chicago.json.value).toHaveLength(20);
    const names = chicago.json.value.map((u: { displayName: string }) => u.displayName);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    expect((await graph.get("/demo/on-premises/users?search=zzzqqq")).json.value).toEqual([]);
    expect((await graph.get(`/demo/on-premises/users?search=${"x".repeat(201)}`)).status).toBe(400);
  });
});
