import { describe, expect, it } from "vitest";

import { createScimTargets } from "./index";
import { ENTERPRISE, filterQuery, scimClient, USER_SCHEMA } from "@/lib/testing/demo-scim-client";

const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

describe("SCIM discovery", () => {
  it("describes what the target supports", async () => {
    const scim = scimClient();
    const config = await scim.get("/scim/t1/ServiceProviderConfig");
    expect(config.status).toBe(200);
    expect(config.headers.get("content-type")).toBe("application/scim+json");
    expect(config.body).toMatchObject({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 1000 },
      etag: { supported: true },
    });

    const types = await scim.get("/scim/t1/ResourceTypes");
    expect(types.body.totalResults).toBe(2);
    expect(types.body.Resources.map((type: { endpoint: string }) => type.endpoint)).toEqual([
      "/Users",
      "/Groups",
    ]);
    const user = await scim.get("/scim/t1/ResourceTypes/User");
    expect(user.body).toMatchObject({
      name: "User",
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE, required: false }],
    });

    const schemas = await scim.get("/scim/t1/Schemas");
    expect(schemas.body.Resources.map((schema: { id: string }) => schema.id)).toEqual([
      USER_SCHEMA,
      ENTERPRISE,
      "urn:ietf:params:scim:schemas:core:2.0:Group",
    ]);
    const enterprise = await scim.get(`/scim/t1/Schemas/${ENTERPRISE}`);
    const names = enterprise.body.attributes.map((attribute: { name: string }) => attribute.name);
    expect(names).toEqual(expect.arrayContaining(["department", "employeeNumber", "manager"]));
    const userName = (await scim.get(`/scim/t1/Schemas/${USER_SCHEMA}`)).body.attributes.find(
      (attribute: { name: string }) => attribute.name === "userName",
    );
    expect(userName).toMatchObject({ required: true, caseExact: false, uniqueness: "server" });
    expect((await scim.get("/scim/t1/Schemas/urn:nothing")).status).toBe(404);
    expect((await scim.get("/scim/t1/ResourceTypes/Printer")).status).toBe(404);
  });
});

describe("SCIM errors", () => {
  it("answers bad JSON, bad filters, unknown paths and wrong methods with SCIM errors", async () => {
    const scim = scimClient();
    const badJson = await scim.post("/scim/t1/Users", "{ not json");
    expect(badJson.status).toBe(400);
    expect(badJson.headers.get("content-type")).toBe("application/scim+json");
    expect(badJson.body).toMatchObject({ schemas: [ERROR], status: "400", scimType: "invalidSyntax" });

    const empty = await scim.call("POST", "/scim/t1/Users", "");
    expect(empty.body.scimType).toBe("invalidSyntax");
    const notObject = await scim.post("/scim/t1/Users", [1, 2]);
    expect(notObject.body.scimType).toBe("invalidSyntax");

    const badFilter = await scim.get(`/scim/t1/Users${filterQuery('userName eq "a" and')}`);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body).toMatchObject({ scimType: "invalidFilter" });
    expect((await scim.get(`/scim/t1/Users${filterQuery("userName equals 3")}`)).body.scimType).toBe(
      "invalidFilter",
    );

    const unknown = await scim.get("/scim/t1/Printers");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ schemas: [ERROR], status: "404" });
    expect((await scim.get("/scim/nowhere/Users")).status).toBe(404);
    expect((await scim.get("/v1.0/users")).status).toBe(404);

    const wrongMethod = await scim.delete("/scim/t1/Users");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, POST");
    expect((await scim.post("/scim/t1/Bulk", { Operations: [] })).status).toBe(501);

    const wrongType = await scim.post("/scim/t1/Users", {
      schemas: [USER_SCHEMA],
      userName: "ada@contoso.com",
      active: "yes",
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({ scimType: "invalidValue" });
    expect(wrongType.body.detail).toContain("active");
    expect(scim.targets.list("t1", "Users")).toEqual([]);
  });
});

describe("SCIM authentication", () => {
  it("requires the configured bearer token on every endpoint", async () => {
    const scim = scimClient([
      { id: "locked", displayName: "Locked", bearerToken: "s3cret" },
      { id: "open", displayName: "Open", bearerToken: null },
    ]);
    const anonymous = await scim.get("/scim/locked/Users");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ schemas: [ERROR], status: "401" });
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    expect(
      (await scim.get("/scim/locked/ServiceProviderConfig", { Authorization: "Bearer wrong" })).status,
    ).toBe(401);
    expect((await scim.get("/scim/locked/Users", { Authorization: "Basic czNjcmV0" })).status).toBe(401);

    const allowed = await scim.get("/scim/locked/Users", { Authorization: "Bearer s3cret" });
    expect(allowed.status).toBe(200);
    expect(
      (await scim.get("/scim/locked/ServiceProviderConfig", { Authorization: "bearer s3cret" })).body
        .authenticationSchemes,
    ).toHaveLength(1);
    expect((await scim.get("/scim/open/Users")).status).toBe(200);
    expect(scim.targets.requestLog("locked").map((entry) => entry.status)).toEqual([401, 401, 401, 200, 200]);
  });
});

describe("SCIM rejection rules", () => {
  it("refuses writes that would store a matching value, with the configured error, and changes nothing", async () => {
    const scim = scimClient([
      {
        id: "picky",
        displayName: "Picky app",
        bearerToken: null,
        rejections: [
          {
            attribute: "userName",
            matches: "^blocked\\.",
            operations: ["create"],
            status: 400,
            scimType: "invalidValue",
            detail: "Blocked users cannot be created.",
          },
          {
            attribute: `${ENTERPRISE}:department`,
            matches: "^legal$",
            operations: ["create", "update"],
            status: 403,
            detail: "Legal is managed elsewhere.",
          },
          {
            attribute: 'emails[type eq "work"].value',
            matches: "@competitor\\.com$",
            operations: ["update"],
            status: 409,
            scimType: "uniqueness",
            detail: "Address taken.",
          },
        ],
      },
    ]);
    const blocked = await scim.post("/scim/picky/Users", {
      schemas: [USER_SCHEMA],
      userName: "Blocked.Bob@contoso.com",
    });
    expect(blocked.status).toBe(400);
    expect(blocked.body).toEqual({
      schemas: [ERROR],
      status: "400",
      scimType: "invalidValue",
      detail: "Blocked users cannot be created.",
    });
    expect(scim.targets.list("picky", "Users")).toEqual([]);

    const ada = await scim.createUser(
      "ada@contoso.com",
      { [ENTERPRISE]: { department: "Research" } },
      "picky",
    );
    const toLegal = await scim.patch(`/scim/picky/Users/${ada.id}`, [
      { op: "Replace", path: `${ENTERPRISE}:department`, value: "LEGAL" },
    ]);
    expect(toLegal.status).toBe(403);
    expect(toLegal.body).toEqual({ schemas: [ERROR], status: "403", detail: "Legal is managed elsewhere." });

    // The update-only rule does not stop a create, but stops a later update that keeps the value.
    const eve = await scim.createUser(
      "eve@contoso.com",
      { emails: [{ type: "work", value: "eve@competitor.com" }] },
      "picky",
    );
    const update = await scim.patch(`/scim/picky/Users/${eve.id}`, [
      { op: "Replace", path: "displayName", value: "Eve" },
    ]);
    expect(update.status).toBe(409);
    const snapshot = scim.targets.list("picky", "Users");
    expect(
      snapshot.map((user) => (user[ENTERPRISE] as { department?: string } | undefined)?.department),
    ).toEqual(["Research", undefined]);
    expect(snapshot[1]).not.toHaveProperty("displayName");
  });

  it("fails at configuration time on a rule that cannot work", () => {
    expect(() =>
      createScimTargets([
        {
          id: "t",
          displayName: "T",
          bearerToken: null,
          rejections: [
            { attribute: "userName", matches: "(", operations: ["create"], status: 400, detail: "x" },
          ],
        },
      ]),
    ).toThrow(/rejection rule 1.*regular expression/);
    expect(() =>
      createScimTargets([
        { id: "t", displayName: "T", bearerToken: null },
        { id: "t", displayName: "T", bearerToken: null },
      ]),
    ).toThrow(/twice/);
  });
});

describe("SCIM target state", () => {
  it("keeps targets apart, logs requests and resets to empty", async () => {
    const scim = scimClient([
      { id: "a", displayName: "A", bearerToken: null },
      { id: "b", displayName: "B", bearerToken: null },
    ]);
    await scim.createUser("ada@contoso.com", {}, "a");
    await scim.createUser("ada@contoso.com", {}, "b");
    await scim.get(`/scim/a/Users${filterQuery('userName eq "ada@contoso.com"')}`);
    expect(scim.targets.list("a", "Users")).toHaveLength(1);
    expect(scim.targets.list("a", "Users")[0]?.meta).toMatchObject({
      location: expect.stringMatching(/^\/scim\/a\/Users\//),
    });
    expect(scim.targets.requestLog("a")).toEqual([
      { method: "POST", path: "/Users", status: 201 },
      { method: "GET", path: '/Users?filter=userName eq "ada@contoso.com"', status: 200 },
    ]);

    scim.targets.reset();
    expect(scim.targets.list("a", "Users")).toEqual([]);
    expect(scim.targets.list("b", "Users")).toEqual([]);
    expect(scim.targets.requestLog("a")).toEqual([]);
    expect((await scim.get("/scim/a/Users")).body.totalResults).toBe(0);
    expect(() => scim.targets.list("zzz", "Users")).toThrow(/No SCIM target "zzz"/);
  });

  it("keeps only the last 500 requests in the log", async () => {
    const scim = scimClient();
    for (let index = 0; index < 510; index += 1) await scim.get(`/scim/t1/Users?startIndex=${index + 1}`);
    const log = scim.targets.requestLog("t1");
    expect(log).toHaveLength(500);
    expect(log[0]?.path).toBe("/Users?startIndex=11");
    expect(log.at(-1)?.path).toBe("/Users?startIndex=510");
  });

  it("filters thousands of users quickly", async () => {
    const scim = scimClient();
    const indices = Array.from({ length: 2000 }, (_, index) => index);
    for (const index of indices) {
      await scim.createUser(`user${index}@contoso.com`, {
        displayName: `User ${index}`,
        [ENTERPRISE]: { department: `D${index % 10}` },
      });
    }
    const expected = indices.filter((index) => index % 10 === 3 && String(index).includes("99")).length;
    const started = performance.now();
    const byName = await scim.get(`/scim/t1/Users${filterQuery('userName eq "USER1999@contoso.com"')}`);
    const byDepartment = await scim.get(
      `/scim/t1/Users${filterQuery(`${ENTERPRISE}:department eq "d3" and displayName co "99"`, "&count=5")}`,
    );
    const elapsed = performance.now() - started;
    expect(byName.body.totalResults).toBe(1);
    expect(byDepartment.body.totalResults).toBe(expected);
    expect(byDepartment.body.itemsPerPage).toBe(Math.min(5, expected));
    expect(elapsed).toBeLessThan(250);
  });
});
