import { beforeAll, describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES, type DemoTenant } from "../index";
import { graphTestClient, type GraphTestClient, type Json } from "@/lib/testing/demo-graph-client";

const EVENTUAL = { ConsistencyLevel: "eventual" };
let tenant: DemoTenant;
let graph: GraphTestClient;

beforeAll(() => {
  tenant = createDemoTenant();
  graph = graphTestClient(tenant.handle);
});

async function followAll(
  path: string,
  headers?: Record<string, string>,
): Promise<{ items: Json[]; pages: number }> {
  const items: Json[] = [];
  let next: string | undefined = path;
  let pages = 0;
  while (next) {
    const answer = await graph.get(next, headers);
    expect(answer.status).toBe(200);
    items.push(...answer.json.value);
    next = answer.json["@odata.nextLink"];
    pages++;
  }
  return { items, pages };
}

describe("GET /servicePrincipals", () => {
  it("pages through every service principal with @odata.nextLink and $skiptoken", async () => {
    const { items, pages } = await followAll("/v1.0/servicePrincipals?$top=50&$select=id,displayName");
    const total = tenant.state().servicePrincipals.size;
    expect(total).toBeGreaterThanOrEqual(200);
    expect(items).toHaveLength(total);
    expect(new Set(items.map((sp) => sp.id)).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 50));
  });

  it("defaults to 100 per page and rejects $top outside 1..999", async () => {
    const page = await graph.get("/v1.0/servicePrincipals");
    expect(page.json.value).toHaveLength(100);
    expect(page.json["@odata.nextLink"]).toContain("$skiptoken=");
    for (const top of ["0", "1000", "abc"]) {
      const bad = await graph.get(`/v1.0/servicePrincipals?$top=${top}`);
      expect(bad.status).toBe(400);
      expect(bad.json.error.message).toContain(`'${top}'`);
    }
  });

  it("answers in Graph's shape with @odata.context naming the collection and the selection", async () => {
    const answer = await graph.get("/beta/servicePrincipals?$top=1&$select=displayName,appId");
    expect(answer.json["@odata.context"]).toBe(
      "https://graph.microsoft.com/beta/$metadata#servicePrincipals(displayName,appId)",
    );
    expect(Object.keys(answer.json.value[0])).toEqual(["displayName", "appId"]);
  });

  it("rejects a $select of a property the type does not have", async () => {
    const answer = await graph.get("/v1.0/servicePrincipals?$select=displayName,favouriteColour");
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({
      code: "BadRequest",
      message:
        "Could not find a property named 'favouriteColour' on type 'microsoft.graph.servicePrincipal'.",
    });
  });

  it("filters with startswith, eq on id and appId, and or-ed eq", async () => {
    const starts = await followAll("/v1.0/servicePrincipals?$filter=startswith(displayName,'contoso hr')");
    expect(starts.items.map((sp) => sp.displayName)).toEqual([DEMO_FIXTURES.scimApp.displayName]);

    const byAppId = await graph.get(
      `/v1.0/servicePrincipals?$filter=appId eq '${DEMO_FIXTURES.cloudSync.appId}'`,
    );
    expect(byAppId.json.value.map((sp: Json) => sp.id)).toEqual([DEMO_FIXTURES.cloudSync.spId]);

    const either = await graph.get(
      `/v1.0/servicePrincipals?$filter=${encodeURIComponent(`id eq '${DEMO_FIXTURES.scimApp.spId}' or id eq '${DEMO_FIXTURES.quarantinedApp.spId}'`)}`,
    );
    expect(either.json.value.map((sp: Json) => sp.displayName).sort()).toEqual(
      [DEMO_FIXTURES.quarantinedApp.displayName, DEMO_FIXTURES.scimApp.displayName].sort(),
    );
  });

  it("explains filters it cannot run", async () => {
    const unknownProperty = await graph.get("/v1.0/servicePrincipals?$filter=colour eq 'blue'");
    expect(unknownProperty.status).toBe(400);
    expect(unknownProperty.json.error.code).toBe("Request_UnsupportedQuery");
    expect(unknownProperty.json.error.message).toContain("'colour'");
    const broken = await graph.get("/v1.0/servicePrincipals?$filter=startswith(displayName,'abc'");
    expect(broken.status).toBe(400);
    expect(broken.json.error.message).toMatch(/^Invalid filter clause/);
  });

  it("needs ConsistencyLevel: eventual for $search, as Graph does", async () => {
    const without = await graph.get(`/v1.0/servicePrincipals?$search="displayName:learning"`);
    expect(without.status).toBe(400);
    expect(without.json.error.code).toBe("Request_UnsupportedQuery");
    expect(without.json.error.message).toContain("ConsistencyLevel: eventual");

    const withHeader = await graph.get(`/v1.0/servicePrincipals?$search="displayName:learning"`, EVENTUAL);
    expect(withHeader.status).toBe(200);
    expect(withHeader.json.value.map((sp: Json) => sp.displayName)).toContain(
      DEMO_FIXTURES.twoJobApp.displayName,
    );
  });

  it("counts with $count=true and /$count", async () => {
    const counted = await graph.get("/v1.0/servicePrincipals?$count=true&$top=5", EVENTUAL);
    expect(counted.json["@odata.count"]).toBe(tenant.state().servicePrincipals.size);
    expect(counted.json.value).toHaveLength(5);
    const plain = await graph.get("/v1.0/servicePrincipals/$count", EVENTUAL);
    expect(plain.text).toBe(String(tenant.state().servicePrincipals.size));
    expect(plain.headers.get("content-type")).toContain("text/plain");
  });

  it("serves one service principal, its assignments and its jobs", async () => {
    const { spId, jobId } = DEMO_FIXTURES.scimApp;
    const sp = await graph.get(`/v1.0/servicePrincipals/${spId}`);
    expect(sp.json).toMatchObject({
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity",
      id: spId,
      displayName: DEMO_FIXTURES.scimApp.displayName,
    });
    expect(sp.json.jobs).toBeUndefined();

    const assigned = await graph.get(`/v1.0/servicePrincipals/${spId}/appRoleAssignedTo?$top=999`);
    const principals = assigned.json.value.map((a: Json) => a.principalId);
    expect(principals).toContain(DEMO_FIXTURES.inScopeUser.id);
    expect(principals).toContain(DEMO_FIXTURES.groupWithMembers.id);
    expect(principals).not.toContain(DEMO_FIXTURES.unassignedUser.id);

    const jobs = await graph.get(`/v1.0/servicePrincipals/${spId}/synchronization/jobs`);
    expect(jobs.json.value).toHaveLength(1);
    expect(jobs.json.value[0]).toMatchObject({
      id: jobId,
      templateId: "scim",
      status: { code: "Active" },
      schedule: { state: "Active" },
    });
    expect(jobs.json.value[0].status.lastExecution.state).toBe("Succeeded");

    const job = await graph.get(
      `/v1.0/servicePrincipals/${spId}/synchronization/jobs/${encodeURIComponent(jobId)}`,
    );
    expect(job.json.id).toBe(jobId);
    const schema = await graph.get(
      `/v1.0/servicePrincipals/${spId}/synchronization/jobs/${encodeURIComponent(jobId)}/schema`,
    );
    const rule = schema.json.synchronizationRules.find((r: Json) => r.id === DEMO_FIXTURES.scimApp.ruleId);
    expect(rule.metadata).toContainEqual({ key: "supportsProvisionOnDemand", value: "true" });
    const userMapping = rule.objectMappings.find((m: Json) => m.sourceObjectName === "User");
    expect(userMapping.scope.groups.map((g: Json) => g.clauses[0].targetOperand.values[0])).toEqual([
      "Sales",
      "Marketing",
    ]);
  });

  it("finds a service principal by its appId alternate key", async () => {
    const { appId, spId, jobId } = DEMO_FIXTURES.scimApp;
    const sp = await graph.get(`/v1.0/servicePrincipals(appId='${appId}')?$select=id`);
    expect(sp.json.id).toBe(spId);
    const jobs = await graph.get(`/v1.0/servicePrincipals(appId='${appId}')/synchronization/jobs`);
    expect(jobs.json.value[0].id).toBe(jobId);
    expect((await graph.get("/v1.0/servicePrincipals(appId='nope')")).status).toBe(404);
  });

  it("lists the two jobs of the two-job app, the Cloud Sync job and the quarantined one as Graph shows them", async () => {
    const two = await graph.get(
      `/v1.0/servicePrincipals/${DEMO_FIXTURES.twoJobApp.spId}/synchronization/jobs`,
    );
    expect(two.json.value.map((j: Json) => j.id)).toEqual(DEMO_FIXTURES.twoJobApp.jobs.map((j) => j.jobId));

    const cloud = await graph.get(
      `/v1.0/servicePrincipals/${DEMO_FIXTURES.cloudSync.spId}/synchronization/jobs`,
    );
    expect(cloud.json.value[0]).toMatchObject({
      id: DEMO_FIXTURES.cloudSync.jobId,
      templateId: "AD2AADProvisioning",
    });
    expect(cloud.json.value[0].id).toMatch(/^AD2AADProvisioning\.[0-9a-f]{32}\.[0-9a-f-]{36}$/);

    const quarantined = await graph.get(
      `/v1.0/servicePrincipals/${DEMO_FIXTURES.quarantinedApp.spId}/synchronization/jobs`,
    );
    expect(quarantined.json.value[0].status).toMatchObject({
      code: "Quarantine",
      quarantine: {
        reason: "EncounteredQuarantineException",
        error: { code: "SystemForCrossDomainIdentityManagementInvalidCredentials" },
      },
    });
  });
});

describe("GET /users and /groups", () => {
  it("lists users with v1.0's default properties and pages over more than 5,000 of them", async () => {
    const first = await graph.get("/v1.0/users?$top=999");
    expect(Object.keys(first.json.value[0]).sort()).toEqual(
      [
        "businessPhones",
        "displayName",
        "givenName",
        "id",
        "jobTitle",
        "mail",
        "mobilePhone",
        "officeLocation",
        "preferredLanguage",
        "surname",
        "userPrincipalName",
      ].sort(),
    );
    const all = await followAll("/v1.0/users?$top=999&$select=id");
    expect(all.items.length).toBeGreaterThanOrEqual(5000);
    expect(all.items.map((u) => u.id)).not.toContain(DEMO_FIXTURES.softDeletedUser.id);
  });

  it("finds a user by id and by userPrincipalName, but not a soft-deleted one", async () => {
    const byId = await graph.get(
      `/v1.0/users/${DEMO_FIXTURES.inScopeUser.id}?$select=id,department,accountEnabled`,
    );
    expect(byId.json).toEqual({
      "@odata.context":
        "https://graph.microsoft.com/v1.0/$metadata#users(id,department,accountEnabled)/$entity",
      id: DEMO_FIXTURES.inScopeUser.id,
      department: "Sales",
      accountEnabled: true,
    });
    const byUpn = await graph.get(
      `/v1.0/users/${encodeURIComponent(DEMO_FIXTURES.inScopeUser.userPrincipalName.toUpperCase())}`,
    );
    expect(byUpn.json.id).toBe(DEMO_FIXTURES.inScopeUser.id);
    const deleted = await graph.get(`/v1.0/users/${DEMO_FIXTURES.softDeletedUser.id}`);
    expect(deleted.status).toBe(404);
  });

  it("serves a soft-deleted user from the recycle bin, and nothing for a live one", async () => {
    const binned = await graph.get(
      `/v1.0/directory/deletedItems/${DEMO_FIXTURES.softDeletedUser.id}?$select=id,displayName,deletedDateTime`,
    );
    expect(binned.status).toBe(200);
    expect(binned.json).toMatchObject({
      "@odata.type": "#microsoft.graph.user",
      id: DEMO_FIXTURES.softDeletedUser.id,
      displayName: DEMO_FIXTURES.softDeletedUser.displayName,
      deletedDateTime: expect.any(String),
    });
    const live = await graph.get(`/v1.0/directory/deletedItems/${DEMO_FIXTURES.inScopeUser.id}`);
    expect(live.status).toBe(404);
  });

  it("searches users by display name words and filters by department", async () => {
    const search = await graph.get(`/v1.0/users?$search="displayName:vance"&$count=true`, EVENTUAL);
    expect(search.json.value.map((u: Json) => u.displayName)).toContain("Adele Vance");
    expect(search.json["@odata.count"]).toBe(search.json.value.length);
    const sales = await graph.get(
      "/v1.0/users?$filter=department eq 'sales'&$count=true&$select=department",
      EVENTUAL,
    );
    expect(sales.json["@odata.count"]).toBeGreaterThan(100);
    expect(new Set(sales.json.value.map((u: Json) => u.department))).toEqual(new Set(["Sales"]));
  });

  it('reads a quote escaped as \\" inside a $search term instead of refusing the query', async () => {
    const quoted = await graph.get(
      `/v1.0/users?$search=${encodeURIComponent('"displayName:\\"vance"')}`,
      EVENTUAL,
    );
    expect(quoted.status).toBe(200);
    // Punctuation is not part of a search word, so the quoted term still finds Vance.
    expect(quoted.json.value.map((u: Json) => u.displayName)).toContain("Adele Vance");
    const unterminated = await graph.get(
      `/v1.0/users?$search=${encodeURIComponent('"displayName:vance')}`,
      EVENTUAL,
    );
    expect(unterminated.status).toBe(400);
  });

  it("serves a user's manager", async () => {
    const manager = await graph.get(`/v1.0/users/${DEMO_FIXTURES.inScopeUser.id}/manager`);
    expect(manager.status).toBe(200);
    expect(manager.json["@odata.type"]).toBe("#microsoft.graph.user");
    expect(manager.json.jobTitle).toBe("Sales Manager");
  });

  it("lists groups and a group's members as users, with the same query options", async () => {
    const groups = await graph.get("/v1.0/groups?$filter=startswith(displayName,'Sales Team')");
    expect(groups.json.value.map((g: Json) => g.displayName)).toContain("Sales Team EMEA");

    const { id, memberIds } = DEMO_FIXTURES.groupWithMembers;
    const group = await graph.get(`/v1.0/groups/${id}`);
    expect(group.json).toMatchObject({ id, displayName: "Sales Team EMEA" });
    const members = await graph.get(`/v1.0/groups/${id}/members?$select=id,displayName`);
    expect(members.json["@odata.context"]).toBe(
      "https://graph.microsoft.com/v1.0/$metadata#directoryObjects(id,displayName)",
    );
    expect(members.json.value.map((m: Json) => m.id).sort()).toEqual([...memberIds].sort());
    expect(members.json.value.every((m: Json) => m["@odata.type"] === "#microsoft.graph.user")).toBe(true);

    const paged = await graph.get(`/v1.0/groups/${id}/members?$top=3`);
    expect(paged.json.value).toHaveLength(3);
    expect(paged.json["@odata.nextLink"]).toContain(`/groups/${id}/members?`);
  });

  it("keeps every group between 2 and 500 members", () => {
    for (const group of tenant.state().groups.values()) {
      expect(group.memberIds.length).toBeGreaterThanOrEqual(2);
      expect(group.memberIds.length).toBeLessThanOrEqual(500);
    }
  });
});

describe("Graph's error format", () => {
  it("answers an unknown id with 404 Request_ResourceNotFound, request ids in headers and body", async () => {
    const answer = await graph.get("/v1.0/servicePrincipals/00000000-1111-2222-3333-444444444444", {
      "client-request-id": "my-correlation",
    });
    expect(answer.status).toBe(404);
    expect(answer.json.error.code).toBe("Request_ResourceNotFound");
    expect(answer.json.error.message).toBe(
      "Resource '00000000-1111-2222-3333-444444444444' does not exist or one of its queried reference-property objects are not present.",
    );
    expect(answer.headers.get("client-request-id")).toBe("my-correlation");
    expect(answer.json.error.innerError["client-request-id"]).toBe("my-correlation");
    expect(answer.json.error.innerError["request-id"]).toBe(answer.headers.get("request-id"));
    expect(answer.json.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it("generates a client-request-id when the client sends none", async () => {
    const answer = await graph.get("/v1.0/groups/nope");
    expect(answer.headers.get("client-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers an unknown path with 400 naming the segment", async () => {
    const answer = await graph.get("/v1.0/servicePrincipals/x/synchronisation/jobs");
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({
      code: "BadRequest",
      message: "Resource not found for the segment 'synchronisation'.",
    });
    expect((await graph.get("/v1.0/applicationz")).json.error.message).toBe(
      "Resource not found for the segment 'applicationz'.",
    );
  });

  it("answers a wrong method with 405 and Allow", async () => {
    const answer = await graph.delete(`/v1.0/users/${DEMO_FIXTURES.inScopeUser.id}`);
    expect(answer.status).toBe(405);
    expect(answer.json.error.code).toBe("Request_BadRequest");
    expect(answer.headers.get("allow")).toBe("GET");
  });

  it("treats job ids as opaque: an encoded dotted job id resolves, a near miss is 404", async () => {
    const spId = DEMO_FIXTURES.twoJobApp.spId;
    const jobId = DEMO_FIXTURES.twoJobApp.jobs[1].jobId;
    expect(
      (await graph.get(`/v1.0/servicePrincipals/${spId}/synchronization/jobs/${encodeURIComponent(jobId)}`))
        .status,
    ).toBe(200);
    const missing = await graph.get(
      `/v1.0/servicePrincipals/${spId}/synchronization/jobs/${encodeURIComponent(`${jobId}x`)}/schema`,
    );
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toContain(`'${jobId}x'`);
  });

  it("refuses an unknown system query option and a path outside Graph's versions", async () => {
    expect((await graph.get("/v1.0/users?$apply=groupby((department))")).json.error.message).toContain(
      "$apply",
    );
    const version = await graph.get("/v2.0/users");
    expect(version.status).toBe(400);
    expect(version.json.error.message).toContain("'v2.0'");
  });
});

describe("determinism", () => {
  it("builds the same first page from the same seed, and a different one from another seed", async () => {
    const a = graphTestClient(createDemoTenant({ seed: 7 }).handle);
    const b = graphTestClient(createDemoTenant({ seed: 7 }).handle);
    const c = graphTestClient(createDemoTenant({ seed: 8 }).handle);
    const page = (client: GraphTestClient) =>
      client.get("/v1.0/users?$top=20&$select=id,displayName,department,jobTitle").then((r) => r.json.value);
    expect(await page(a)).toEqual(await page(b));
    expect(await page(a)).not.toEqual(await page(c));
    const sps = (client: GraphTestClient) =>
      client.get("/v1.0/servicePrincipals?$select=id,displayName").then((r) => r.json.value);
    expect(await sps(a)).toEqual(await sps(b));
  });
});
