import { beforeAll, describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES } from "../index";
import { graphTestClient, type GraphTestClient, type Json } from "@/lib/testing/demo-graph-client";

let graph: GraphTestClient;
beforeAll(() => {
  graph = graphTestClient(createDemoTenant({ throttle: { limit: 1, windowMs: 60_000 } }).handle);
});

const byId = (answer: Json) => Object.fromEntries(answer.json.responses.map((r: Json) => [r.id, r]));

describe("POST /$batch", () => {
  it("answers each request as Graph would alone: mixed statuses, headers and bodies", async () => {
    const { scimApp } = DEMO_FIXTURES;
    const answer = await graph.post("/v1.0/$batch", {
      requests: [
        { id: "1", method: "GET", url: `/servicePrincipals/${scimApp.spId}?$select=displayName` },
        { id: "2", method: "GET", url: "/users/not-a-user" },
        {
          id: "3",
          method: "GET",
          url: 'users?$search="displayName:adele"',
          headers: { ConsistencyLevel: "eventual" },
        },
        { id: "4", method: "GET", url: "/nowhere" },
        { id: "5", method: "DELETE", url: "/groups" },
      ],
    });
    expect(answer.status).toBe(200);
    const r = byId(answer);
    expect(r["1"]).toMatchObject({ status: 200, body: { displayName: scimApp.displayName } });
    expect(r["1"].headers["Content-Type"]).toContain("application/json");
    expect(r["2"]).toMatchObject({ status: 404, body: { error: { code: "Request_ResourceNotFound" } } });
    expect(r["3"].status).toBe(200);
    expect(r["3"].body.value.map((u: Json) => u.displayName)).toContain("Adele Vance");
    expect(r["4"]).toMatchObject({
      status: 400,
      body: { error: { message: "Resource not found for the segment 'nowhere'." } },
    });
    expect(r["5"].status).toBe(405);
  });

  it("resolves ids with or-ed eq filters, as a console does to look up many apps at once", async () => {
    const ids = [DEMO_FIXTURES.scimApp.spId, DEMO_FIXTURES.cloudSync.spId];
    const filter = ids.map((id) => `id eq '${id}'`).join(" or ");
    const answer = await graph.post("/beta/$batch", {
      requests: [
        {
          id: "a",
          method: "GET",
          url: `/servicePrincipals?$filter=${encodeURIComponent(filter)}&$select=id`,
        },
      ],
    });
    expect(
      byId(answer)
        .a.body.value.map((sp: Json) => sp.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(byId(answer).a.body["@odata.context"]).toContain("/beta/");
  });

  it("carries request bodies and the throttling answer of provisionOnDemand", async () => {
    const { rejectingApp, acceptedUser } = DEMO_FIXTURES;
    const request = (id: string) => ({
      id,
      method: "POST",
      url: `/servicePrincipals/${rejectingApp.spId}/synchronization/jobs/${encodeURIComponent(rejectingApp.jobId)}/provisionOnDemand`,
      headers: { "Content-Type": "application/json" },
      body: {
        parameters: [
          { ruleId: rejectingApp.ruleId, subjects: [{ objectId: acceptedUser.id, objectTypeName: "User" }] },
        ],
      },
    });
    const r = byId(await graph.post("/v1.0/$batch", { requests: [request("first"), request("second")] }));
    expect(r.first.status).toBe(200);
    expect(JSON.parse(r.first.body.key).result).toBe("Success");
    expect(r.second.status).toBe(429);
    expect(Number(r.second.headers["Retry-After"])).toBeGreaterThan(0);
    expect(r.second.body.error.code).toBe("TooManyRequests");
  });

  it("fails a request whose dependency failed with 424", async () => {
    const r = byId(
      await graph.post("/v1.0/$batch", {
        requests: [
          { id: "1", method: "GET", url: "/groups/missing" },
          { id: "2", method: "GET", url: "/groups", dependsOn: ["1"] },
        ],
      }),
    );
    expect(r["1"].status).toBe(404);
    expect(r["2"].status).toBe(424);
  });

  it("refuses more than 20 requests, duplicate ids, and a payload without requests", async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: "GET",
      url: "/users?$top=1",
    }));
    const tooMany = await graph.post("/v1.0/$batch", { requests: many });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.code).toBe("BadRequest");
    expect(tooMany.json.error.message).toContain("at most 20");
    expect((await graph.post("/v1.0/$batch", { requests: many.slice(0, 20) })).status).toBe(200);

    const duplicate = await graph.post("/v1.0/$batch", { requests: [many[0], many[0]] });
    expect(duplicate.json.error.message).toContain("'0' is used twice");
    const shapeless = await graph.post("/v1.0/$batch", { calls: [] });
    expect(shapeless.status).toBe(400);
    expect(shapeless.json.error.message).toContain("requests");
  });

  it("refuses step ids that differ only in case, as Graph compares them without case", async () => {
    const answer = await graph.post("/v1.0/$batch", {
      requests: [
        { id: "a", method: "GET", url: "/users?$top=1&$select=id" },
        { id: "A", method: "GET", url: "/groups?$top=1&$select=id" },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error.message).toContain("'A' is used twice");
    const dependent = await graph.post("/v1.0/$batch", {
      requests: [
        { id: "First", method: "GET", url: "/users?$top=1&$select=id" },
        { id: "second", method: "GET", url: "/groups?$top=1&$select=id", dependsOn: ["first"] },
      ],
    });
    expect(byId(dependent).second.status).toBe(200);
  });

  it("gives each step the headers Graph's steps carry", async () => {
    const answer = await graph.post("/v1.0/$batch", {
      requests: [{ id: "1", method: "GET", url: "/users?$top=1&$select=id" }],
    });
    expect(byId(answer)["1"].headers).toMatchObject({
      "Cache-Control": "no-cache",
      "x-ms-resource-unit": "1",
      "OData-Version": "4.0",
      "Content-Type": expect.stringContaining("application/json;odata.metadata=minimal"),
    });
  });
});
