import { beforeAll, describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES, type DemoTenant } from "../index";
import {
  graphTestClient,
  provisionPath,
  userSubjectBody,
  type GraphTestClient,
  type Json,
} from "@/lib/testing/demo-graph-client";

// The whole life of one user in the HR Portal, driven only through HTTP, as a console would.
const { scimApp, inScopeUser } = DEMO_FIXTURES;
let tenant: DemoTenant;
let graph: GraphTestClient;
let scimToken: string;

beforeAll(() => {
  tenant = createDemoTenant({ throttle: false });
  graph = graphTestClient(tenant.handle);
  const target = tenant.state().servicePrincipals.get(scimApp.spId)?.jobs[0]?.target;
  scimToken = target?.kind === "scim" && target.bearerToken ? target.bearerToken : "";
});

async function provision(objectId = inScopeUser.id) {
  const answer = await graph.post(
    provisionPath(scimApp.spId, scimApp.jobId),
    userSubjectBody(scimApp.ruleId, objectId),
  );
  expect(answer.status).toBe(200);
  return { key: JSON.parse(answer.json.key), value: JSON.parse(answer.json.value) };
}

async function scimUser(userName: string): Promise<Json> {
  const filter = encodeURIComponent(`userName eq "${userName}"`);
  const answer = await graph.send(
    "GET",
    `https://demo-tenant.invalid/scim/${scimApp.targetId}/Users?filter=${filter}`,
    undefined,
    { Authorization: `Bearer ${scimToken}` },
  );
  expect(answer.status).toBe(200);
  return answer.json.Resources[0];
}

describe("lifecycle of a user in a SCIM app, through the HTTP handler only", () => {
  it("creates, skips as redundant, updates, disables when unassigned, and disables when the account is disabled", async () => {
    const created = await provision();
    expect(created.key.result).toBe("Success");
    expect(created.value.action).toBe("Create");
    expect((await scimUser(inScopeUser.userPrincipalName)).title).toBe("Retail Manager");

    const again = await provision();
    expect(again.key).toMatchObject({ result: "Skipped", details: { errorCode: "RedundantExport" } });

    const patched = await graph.patch(`/demo/users/${inScopeUser.id}`, {
      jobTitle: "Regional Retail Manager",
    });
    expect(patched.status).toBe(200);
    const updated = await provision();
    expect(updated.value.action).toBe("Update");
    expect(updated.value.modifiedProperties).toContainEqual(
      expect.objectContaining({ oldValue: "Retail Manager", newValue: "Regional Retail Manager" }),
    );
    expect((await scimUser(inScopeUser.userPrincipalName)).title).toBe("Regional Retail Manager");

    expect(
      (await graph.delete(`/demo/service-principals/${scimApp.spId}/assignments/${inScopeUser.id}`)).status,
    ).toBe(204);
    const unassigned = await provision();
    expect(unassigned.key.result).toBe("Success");
    expect((await scimUser(inScopeUser.userPrincipalName)).active).toBe(false);

    expect(
      (await graph.put(`/demo/service-principals/${scimApp.spId}/assignments/${inScopeUser.id}`)).status,
    ).toBe(201);
    await provision();
    expect((await scimUser(inScopeUser.userPrincipalName)).active).toBe(true);

    await graph.patch(`/demo/users/${inScopeUser.id}`, { accountEnabled: false });
    await provision();
    expect((await scimUser(inScopeUser.userPrincipalName)).active).toBe(false);
  });

  it("provisions a group with two of its members", async () => {
    const { id, memberIds } = DEMO_FIXTURES.groupWithMembers;
    const members = memberIds.slice(0, 2).map((objectId) => ({ objectId, objectTypeName: "User" }));
    const answer = await graph.post(provisionPath(scimApp.spId, scimApp.jobId), {
      parameters: [
        { ruleId: scimApp.ruleId, subjects: [{ objectId: id, objectTypeName: "Group", links: { members } }] },
      ],
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.json.key).result).toBe("Success");
    const groups = await graph.get(`/demo/scim/${scimApp.targetId}/Groups`);
    const group = groups.json.Resources.find((g: Json) => g.displayName === "Sales Team EMEA");
    expect(group.members).toHaveLength(2);
  });

  it("skips a user the scoping filter leaves out, and reports a failure when the target refuses a user", async () => {
    const outOfScope = await provision(DEMO_FIXTURES.outOfScopeUser.id);
    expect(outOfScope.key.result).toBe("Skipped");

    const { rejectingApp, rejectedUser } = DEMO_FIXTURES;
    const refused = await graph.post(
      provisionPath(rejectingApp.spId, rejectingApp.jobId),
      userSubjectBody(rejectingApp.ruleId, rejectedUser.id),
    );
    expect(refused.status).toBe(200);
    const key = JSON.parse(refused.json.key);
    expect(key.result).toBe("Failure");
    expect(refused.json.value).toContain("Contractors cannot hold an expense account");
  });

  it("fails the quarantined app's run on the target's refusal of its credentials", async () => {
    const { quarantinedApp } = DEMO_FIXTURES;
    const assigned = tenant
      .state()
      .servicePrincipals.get(quarantinedApp.spId)
      ?.assignments.find((a) => a.principalType === "User");
    const answer = await graph.post(
      provisionPath(quarantinedApp.spId, quarantinedApp.jobId),
      userSubjectBody(quarantinedApp.ruleId, assigned?.principalId ?? ""),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.json.key).result).toBe("Failure");
    expect(answer.json.value).toContain("SystemForCrossDomainIdentityManagementInvalidCredentials");
  });
});

describe("Cloud Sync by distinguished name, through the HTTP handler only", () => {
  it("finds a synced user already in step, then carries an AD change into Entra ID", async () => {
    expect((await graph.post("/demo/reset")).status).toBe(200); // the tests above changed Adele in Entra ID
    const { cloudSync } = DEMO_FIXTURES;
    const path = provisionPath(cloudSync.spId, cloudSync.jobId);
    const inStep = await graph.post(path, userSubjectBody(cloudSync.ruleId, cloudSync.syncedUserDn, "user"));
    expect(JSON.parse(inStep.json.key).details.errorCode).toBe("RedundantExport");

    await graph.patch(`/demo/on-premises/users/${encodeURIComponent(cloudSync.syncedUserDn)}`, {
      title: "Store Director",
    });
    const updated = await graph.post(path, userSubjectBody(cloudSync.ruleId, cloudSync.syncedUserDn, "user"));
    expect(JSON.parse(updated.json.value)).toMatchObject({
      action: "Update",
      modifiedProperties: [{ displayName: "JobTitle", newValue: "Store Director" }],
    });
    const user = await graph.get(`/v1.0/users/${cloudSync.syncedUserEntraId}?$select=jobTitle`);
    expect(user.json.jobTitle).toBe("Store Director");
  });
});
