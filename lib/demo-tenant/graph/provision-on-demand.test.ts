import { beforeAll, describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES, type DemoTenant } from "../index";
import {
  graphTestClient,
  provisionPath,
  userSubjectBody,
  type GraphTestClient,
  type Json,
} from "@/lib/testing/demo-graph-client";

const { scimApp, cloudSync } = DEMO_FIXTURES;
const hrPath = provisionPath(scimApp.spId, scimApp.jobId);

describe("provisionOnDemand request validation", () => {
  let graph: GraphTestClient;
  beforeAll(() => {
    graph = graphTestClient(createDemoTenant({ throttle: false }).handle);
  });

  it("refuses a body without the parameters wrapper", async () => {
    const answer = await graph.post(hrPath, [
      {
        ruleId: scimApp.ruleId,
        subjects: [{ objectId: DEMO_FIXTURES.inScopeUser.id, objectTypeName: "User" }],
      },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe("BadRequest");
    expect(answer.json.error.message).toContain("'parameters'");
  });

  it("refuses malformed JSON as Graph does", async () => {
    const answer = await graph.post(hrPath, "{not json");
    expect(answer.status).toBe(400);
    expect(answer.json.error.message).toContain("valid JSON");
  });

  it("refuses a rule the job does not have with Graph's RequestParameterInvalid message", async () => {
    const answer = await graph.post(
      hrPath,
      userSubjectBody(`${scimApp.ruleId}#V2`, DEMO_FIXTURES.inScopeUser.id),
    );
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe("RequestParameterInvalid");
    expect(answer.json.error.message).toBe(
      `The request identified this synchronization job: ${scimApp.jobId}. The request also identified this synchronization rule: ${scimApp.ruleId}#V2. However, the job does not include the rule.`,
    );
  });

  it("refuses two groups, two users, and a group with more than five members", async () => {
    const group = (id: string, members: number) => ({
      objectId: id,
      objectTypeName: "Group",
      links: {
        members: Array.from({ length: members }, (_, i) => ({
          objectId: DEMO_FIXTURES.groupWithMembers.memberIds[i % 4],
          objectTypeName: "User",
        })),
      },
    });
    const twoGroups = await graph.post(hrPath, {
      parameters: [
        {
          ruleId: scimApp.ruleId,
          subjects: [
            group(DEMO_FIXTURES.groupWithMembers.id, 1),
            group(DEMO_FIXTURES.groupWithMembers.id, 1),
          ],
        },
      ],
    });
    expect(twoGroups.status).toBe(400);
    expect(twoGroups.json.error.message).toContain("single group");
    const sixMembers = await graph.post(hrPath, {
      parameters: [{ ruleId: scimApp.ruleId, subjects: [group(DEMO_FIXTURES.groupWithMembers.id, 6)] }],
    });
    expect(sixMembers.status).toBe(400);
    expect(sixMembers.json.error.message).toContain("up to 5 members");
    const twoUsers = await graph.post(hrPath, {
      parameters: [
        {
          ruleId: scimApp.ruleId,
          subjects: [
            { objectId: DEMO_FIXTURES.inScopeUser.id, objectTypeName: "User" },
            { objectId: DEMO_FIXTURES.outOfScopeUser.id, objectTypeName: "User" },
          ],
        },
      ],
    });
    expect(twoUsers.status).toBe(400);
  });

  it("answers 404 Request_ResourceNotFound for an unknown object id or distinguished name", async () => {
    const unknownUser = await graph.post(
      hrPath,
      userSubjectBody(scimApp.ruleId, "11111111-2222-3333-4444-555555555555"),
    );
    expect(unknownUser.status).toBe(404);
    expect(unknownUser.json.error.code).toBe("Request_ResourceNotFound");
    const dn = "CN=Nobody Here,OU=Users,OU=Chicago,DC=corp,DC=contoso,DC=com";
    const unknownDn = await graph.post(
      provisionPath(cloudSync.spId, cloudSync.jobId),
      userSubjectBody(cloudSync.ruleId, dn, "user"),
    );
    expect(unknownDn.status).toBe(404);
    expect(unknownDn.json.error.message).toContain(`'${dn}'`);
  });

  it("answers 404 for an unknown job, with the job id as sent", async () => {
    const answer = await graph.post(
      provisionPath(scimApp.spId, "scim.nope.1234"),
      userSubjectBody(scimApp.ruleId, DEMO_FIXTURES.inScopeUser.id),
    );
    expect(answer.status).toBe(404);
    expect(answer.json.error.message).toContain("'scim.nope.1234'");
  });

  it("answers 200 with Graph's stringKeyStringValuePair for a valid request", async () => {
    const answer = await graph.post(
      provisionPath(scimApp.spId, scimApp.jobId, "beta"),
      userSubjectBody(scimApp.ruleId, DEMO_FIXTURES.inScopeUser.id),
    );
    expect(answer.status).toBe(200);
    expect(answer.json["@odata.context"]).toBe(
      "https://graph.microsoft.com/beta/$metadata#microsoft.graph.stringKeyStringValuePair",
    );
    expect(typeof answer.json.key).toBe("string");
    expect(JSON.parse(answer.json.key).result).toBe("Success");
    expect(JSON.parse(answer.json.value).action).toBe("Create");
  });

  it("provisions a Cloud Sync user by distinguished name", async () => {
    const answer = await graph.post(
      provisionPath(cloudSync.spId, cloudSync.jobId),
      userSubjectBody(cloudSync.ruleId, cloudSync.newUserDn, "user"),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.json.key).result).toBe("Success");
    const users = await graph.get(
      "/v1.0/users?$filter=startswith(userPrincipalName,'PattiF@')&$select=displayName",
    );
    expect(users.json.value).toEqual([{ displayName: "Patti Fernandez" }]);
  });
});

describe("provisionOnDemand throttling", () => {
  let clock = Date.parse("2026-11-28T09:00:00Z");
  let tenant: DemoTenant;
  let graph: GraphTestClient;
  beforeAll(() => {
    tenant = createDemoTenant({ throttle: { limit: 3, windowMs: 2_000 }, now: () => new Date(clock) });
    graph = graphTestClient(tenant.handle);
  });
  const call = () => graph.post(hrPath, userSubjectBody(scimApp.ruleId, DEMO_FIXTURES.outOfScopeUser.id));

  it("admits the limit, answers 429 with Retry-After and Graph's body beyond it, and recovers when the window slides", async () => {
    for (let i = 0; i < 3; i++) {
      expect((await call()).status).toBe(200);
      clock += 100;
    }
    const throttled = await call();
    expect(throttled.status).toBe(429);
    // The first call leaves the window 2 s after it was made: 300 ms have passed.
    expect(throttled.headers.get("retry-after")).toBe("1.7");
    expect(throttled.json.error).toMatchObject({
      code: "TooManyRequests",
      message: "Please retry again later.",
      innerError: { code: "429", status: "429" },
    });
    expect(throttled.json.error.innerError["request-id"]).toBe(throttled.headers.get("request-id"));

    const other = await graph.post(
      provisionPath(DEMO_FIXTURES.rejectingApp.spId, DEMO_FIXTURES.rejectingApp.jobId),
      userSubjectBody(DEMO_FIXTURES.rejectingApp.ruleId, DEMO_FIXTURES.acceptedUser.id),
    );
    expect(other.status).toBe(200); // the limit is per job

    clock += 1_700;
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(429);

    const stats = tenant.stats().jobs.find((j) => j.jobId === scimApp.jobId);
    expect(stats).toMatchObject({ provisionOnDemandCalls: 6, throttled: 2 });
    expect(stats?.maxCallsInWindow).toBeGreaterThan(3);
    const http = await graph.get("/demo/stats");
    expect(http.json.jobs.find((j: Json) => j.jobId === scimApp.jobId).throttled).toBe(2);
    expect(http.json.throttle).toEqual({ limit: 3, windowMs: 2_000 });
  });
});

describe("provisionOnDemand with Graph's default limit", () => {
  it("allows 5 calls per 10 seconds per job by default", async () => {
    const clock = Date.parse("2026-11-28T09:00:00Z");
    const graph = graphTestClient(createDemoTenant({ now: () => new Date(clock) }).handle);
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await graph.post(hrPath, userSubjectBody(scimApp.ruleId, DEMO_FIXTURES.unassignedUser.id))).status,
      );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
