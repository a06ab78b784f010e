import { describe, expect, it } from "vitest";

import { ENTERPRISE, filterQuery, scimClient, USER_SCHEMA } from "@/lib/testing/demo-scim-client";

describe("SCIM Users", () => {
  it("creates a user with 201, Location, ETag and server-owned id and meta", async () => {
    const scim = scimClient();
    const reply = await scim.post("/scim/t1/Users", {
      schemas: [USER_SCHEMA, ENTERPRISE],
      externalId: "0a1b",
      userName: "Ada@Contoso.com",
      active: "True",
      name: { givenName: "Ada", familyName: "Lovelace" },
      emails: [{ type: "work", value: "ada@contoso.com", primary: "true" }],
      [ENTERPRISE]: { department: "Research", employeeNumber: 42 },
      id: "client-chosen",
      password: "secret",
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get("content-type")).toBe("application/scim+json");
    const user = reply.body;
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.headers.get("location")).toBe(`https://demo.invalid/scim/t1/Users/${user.id}`);
    expect(reply.headers.get("etag")).toBe('W/"1"');
    expect(user).toMatchObject({
      schemas: [USER_SCHEMA, ENTERPRISE],
      userName: "Ada@Contoso.com",
      active: true,
      emails: [{ type: "work", value: "ada@contoso.com", primary: true }],
      [ENTERPRISE]: { department: "Research", employeeNumber: "42" },
      meta: {
        resourceType: "User",
        location: `https://demo.invalid/scim/t1/Users/${user.id}`,
        version: 'W/"1"',
      },
    });
    expect(user.meta.created).toBe(user.meta.lastModified);
    expect(user).not.toHaveProperty("password");

    const fetched = await scim.get(`/scim/t1/Users/${user.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(user);
  });

  it("finds users by userName with any case, and answers an empty list for no match", async () => {
    const scim = scimClient();
    const ada = await scim.createUser("ada@contoso.com");
    await scim.createUser("grace@contoso.com");

    const found = await scim.get(`/scim/t1/Users${filterQuery('userName eq "ADA@Contoso.COM"')}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
    });
    expect(found.body.Resources[0].id).toBe(ada.id);

    // Entra's test connection: a filter on a random value must answer 200 with an empty list.
    const none = await scim.get(`/scim/t1/Users${filterQuery(`userName eq "${crypto.randomUUID()}"`)}`);
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ totalResults: 0, itemsPerPage: 0, Resources: [] });
  });

  it("evaluates the filter operators, value paths, extension paths and logic", async () => {
    const scim = scimClient();
    await scim.createUser("ada@contoso.com", {
      displayName: "Ada Lovelace",
      active: true,
      emails: [
        { type: "work", value: "ada@contoso.com" },
        { type: "home", value: "ada@home.example" },
      ],
      [ENTERPRISE]: { department: "Research", employeeNumber: "100" },
    });
    await scim.createUser("grace@contoso.com", {
      displayName: "Grace Hopper",
      active: false,
      [ENTERPRISE]: { department: "Navy" },
    });
    await scim.createUser("alan@fabrikam.com", { displayName: "Alan Turing", title: "Mathematician" });

    const names = async (filter: string) => {
      const reply = await scim.get(`/scim/t1/Users${filterQuery(filter)}`);
      expect(reply.status, filter).toBe(200);
      return (reply.body.Resources as { userName: string }[]).map((user) => user.userName).sort();
    };
    expect(await names('userName co "CONTOSO"')).toEqual(["ada@contoso.com", "grace@contoso.com"]);
    expect(await names('displayName sw "ada"')).toEqual(["ada@contoso.com"]);
    expect(await names('userName ew "fabrikam.com"')).toEqual(["alan@fabrikam.com"]);
    expect(await names("title pr")).toEqual(["alan@fabrikam.com"]);
    expect(await names("active eq false")).toEqual(["grace@contoso.com"]);
    expect(await names('active eq "True"')).toEqual(["ada@contoso.com", "alan@fabrikam.com"]);
    expect(await names('emails[type eq "work" and value co "ada"]')).toEqual(["ada@contoso.com"]);
    expect(await names('emails.value eq "ada@home.example"')).toEqual(["ada@contoso.com"]);
    expect(await names(`${ENTERPRISE}:department eq "navy"`)).toEqual(["grace@contoso.com"]);
    expect(await names('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "alan@fabrikam.com"')).toEqual(
      ["alan@fabrikam.com"],
    );
    expect(await names('not (userName co "contoso") or displayName eq "grace hopper"')).toEqual([
      "alan@fabrikam.com",
      "grace@contoso.com",
    ]);
    expect(await names('displayName ne "Ada Lovelace" and (title pr or active eq false)')).toEqual([
      "alan@fabrikam.com",
      "grace@contoso.com",
    ]);
    expect(await names('displayName gt "B" and displayName lt "H"')).toEqual(["grace@contoso.com"]);
    expect(await names('meta.created ge "2000-01-01T00:00:00Z"')).toHaveLength(3);
    // id is caseExact (RFC 7643 §3.1), so an upper-cased id does not match.
    const [first] = scim.targets.list("t1", "Users");
    expect(await names(`id eq "${String(first?.id).toUpperCase()}"`)).toEqual([]);
    expect(await names(`id eq "${String(first?.id)}"`)).toEqual(["ada@contoso.com"]);
  });

  it("refuses a second user with the same userName in any case, on POST, PUT and PATCH", async () => {
    const scim = scimClient();
    await scim.createUser("ada@contoso.com");
    const grace = await scim.createUser("grace@contoso.com");

    const duplicate = await scim.post("/scim/t1/Users", {
      schemas: [USER_SCHEMA],
      userName: "ADA@contoso.com",
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "409",
      scimType: "uniqueness",
    });

    expect(
      (await scim.put(`/scim/t1/Users/${grace.id}`, { schemas: [USER_SCHEMA], userName: "Ada@Contoso.com" }))
        .status,
    ).toBe(409);
    expect(
      (
        await scim.patch(`/scim/t1/Users/${grace.id}`, [
          { op: "Replace", path: "userName", value: "ada@CONTOSO.com" },
        ])
      ).status,
    ).toBe(409);
    expect(scim.targets.list("t1", "Users").map((user) => user.userName)).toEqual([
      "ada@contoso.com",
      "grace@contoso.com",
    ]);

    // Changing only the case of one's own userName is not a conflict.
    const renamed = await scim.patch(`/scim/t1/Users/${grace.id}`, [
      { op: "Replace", path: "userName", value: "Grace@Contoso.com" },
    ]);
    expect(renamed.status).toBe(200);
    expect(renamed.body.userName).toBe("Grace@Contoso.com");
  });

  it("applies PATCH as Entra sends it and answers 200 with the resource", async () => {
    const scim = scimClient();
    const manager = await scim.createUser("boss@contoso.com");
    const user = await scim.createUser("ada@contoso.com", {
      emails: [{ type: "work", value: "old@contoso.com", primary: true }],
    });

    const reply = await scim.patch(`/scim/t1/Users/${user.id}`, [
      { op: "Replace", path: "active", value: "False" },
      { op: "Replace", path: 'emails[type eq "work"].value', value: "ada@contoso.com" },
      { op: "Add", path: 'phoneNumbers[type eq "mobile"].value', value: "+1 555 0100" },
      { op: "Add", path: "name.givenName", value: "Ada" },
      { op: "Add", path: `${ENTERPRISE}:department`, value: "Research" },
      { op: "Add", path: `${ENTERPRISE}:manager`, value: manager.id },
      { op: "Replace", path: "displayName", value: "Ada Lovelace" },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("etag")).toBe('W/"2"');
    expect(reply.body).toMatchObject({
      schemas: [USER_SCHEMA, ENTERPRISE],
      active: false,
      displayName: "Ada Lovelace",
      name: { givenName: "Ada" },
      emails: [{ type: "work", value: "ada@contoso.com", primary: true }],
      phoneNumbers: [{ type: "mobile", value: "+1 555 0100" }],
      [ENTERPRISE]: { department: "Research", manager: { value: manager.id } },
      meta: { version: 'W/"2"' },
    });
    expect((await scim.get(`/scim/t1/Users/${user.id}`)).body).toEqual(reply.body);
  });

  it("accepts the other shapes Entra and validators send: manager objects, path-less values, lower-case and upper-case ops", async () => {
    const scim = scimClient();
    const first = await scim.createUser("first-boss@contoso.com");
    const second = await scim.createUser("second-boss@contoso.com");
    const user = await scim.createUser("ada@contoso.com");
    const path = `/scim/t1/Users/${user.id}`;

    let reply = await scim.patch(path, [
      { op: "Add", path: "manager", value: [{ $ref: null, value: first.id }] },
    ]);
    expect(reply.body[ENTERPRISE].manager).toEqual({ value: first.id });
    reply = await scim.patch(path, [
      { op: "replace", path: `${ENTERPRISE}:manager`, value: { value: second.id } },
    ]);
    expect(reply.body[ENTERPRISE].manager).toEqual({ value: second.id });
    reply = await scim.patch(path, [{ op: "REMOVE", path: `${ENTERPRISE}:manager` }]);
    expect(reply.status).toBe(200);
    expect(reply.body).not.toHaveProperty(ENTERPRISE);
    expect(reply.body.schemas).toEqual([USER_SCHEMA]);

    reply = await scim.patch(path, [
      {
        op: "replace",
        value: {
          id: user.id,
          active: "False",
          userName: "ada.lovelace@contoso.com",
          "name.familyName": "Lovelace",
          'emails[type eq "work"].value': "ada.lovelace@contoso.com",
          [`${ENTERPRISE}:employeeNumber`]: "7",
          [ENTERPRISE]: { costCenter: "CC-1" },
        },
      },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: user.id,
      active: false,
      userName: "ada.lovelace@contoso.com",
      name: { familyName: "Lovelace" },
      emails: [{ type: "work", value: "ada.lovelace@contoso.com" }],
      [ENTERPRISE]: { employeeNumber: "7", costCenter: "CC-1" },
    });

    // Replacing through an equality filter that selects nothing adds the element, as Entra relies on.
    reply = await scim.patch(path, [
      { op: "Replace", path: 'phoneNumbers[type eq "mobile"].value', value: "+1 555 0100" },
    ]);
    expect(reply.body.phoneNumbers).toEqual([{ type: "mobile", value: "+1 555 0100" }]);
    reply = await scim.patch(path, [
      { op: "Replace", path: 'emails[value co "nowhere"].value', value: "x@contoso.com" },
    ]);
    expect(reply.status).toBe(400);
    expect(reply.body.scimType).toBe("noTarget");
  });

  it("treats a PATCH with no operations, or one that changes nothing, as a no-op that keeps the version", async () => {
    const scim = scimClient();
    const user = await scim.createUser("ada@contoso.com", { active: true });
    const empty = await scim.patch(`/scim/t1/Users/${user.id}`, []);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual(user);
    const same = await scim.patch(`/scim/t1/Users/${user.id}`, [
      { op: "Replace", path: "active", value: "True" },
    ]);
    expect(same.body.meta.version).toBe('W/"1"');
    expect(same.body.meta.lastModified).toBe(user.meta.lastModified);
  });

  it("rejects malformed PATCH operations with the RFC's error types", async () => {
    const scim = scimClient();
    const user = await scim.createUser("ada@contoso.com");
    const path = `/scim/t1/Users/${user.id}`;
    const cases: [unknown, number, string][] = [
      [[{ op: "Merge", path: "active", value: false }], 400, "invalidSyntax"],
      [[{ op: "Remove" }], 400, "noTarget"],
      [[{ op: "Replace", path: "active" }], 400, "invalidSyntax"],
      [[{ op: "Replace", path: "active", value: "perhaps" }], 400, "invalidValue"],
      [[{ op: "Replace", path: "id", value: "mine" }], 400, "mutability"],
      [[{ op: "Replace", path: "meta.version", value: 'W/"99"' }], 400, "mutability"],
      [[{ op: "Replace", path: "emails[type eq", value: "x" }], 400, "invalidPath"],
      [[{ op: "Replace", value: "not an object" }], 400, "invalidValue"],
    ];
    for (const [operations, status, scimType] of cases) {
      const reply = await scim.patch(path, operations as unknown[]);
      expect(reply.status, JSON.stringify(operations)).toBe(status);
      expect(reply.body.scimType, JSON.stringify(operations)).toBe(scimType);
    }
    expect((await scim.call("PATCH", path, { schemas: [] })).body.scimType).toBe("invalidSyntax");
    expect((await scim.get(path)).body.meta.version).toBe('W/"1"');
  });

  it("replaces a user with PUT, keeping id and created, and answers 404 for an unknown id", async () => {
    const scim = scimClient();
    const user = await scim.createUser("ada@contoso.com", { displayName: "Ada", title: "Countess" });
    const reply = await scim.put(`/scim/t1/Users/${user.id}`, {
      schemas: [USER_SCHEMA],
      userName: "ada@contoso.com",
      displayName: "Ada L.",
      active: false,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: user.id,
      displayName: "Ada L.",
      active: false,
      meta: { created: user.meta.created, version: 'W/"2"' },
    });
    expect(reply.body).not.toHaveProperty("title");

    const missing = await scim.put(`/scim/t1/Users/${crypto.randomUUID()}`, {
      schemas: [USER_SCHEMA],
      userName: "x@contoso.com",
    });
    expect(missing.status).toBe(404);
    expect(missing.body.status).toBe("404");
    const noUserName = await scim.put(`/scim/t1/Users/${user.id}`, {
      schemas: [USER_SCHEMA],
      displayName: "nameless",
    });
    expect(noUserName.status).toBe(400);
    expect(noUserName.body.scimType).toBe("invalidValue");
    expect(noUserName.body.detail).toContain("userName");
  });

  it("honours If-Match with 412 when the version has moved on", async () => {
    const scim = scimClient();
    const user = await scim.createUser("ada@contoso.com");
    const path = `/scim/t1/Users/${user.id}`;
    expect(
      (await scim.patch(path, [{ op: "Replace", path: "title", value: "A" }], { "If-Match": 'W/"1"' }))
        .status,
    ).toBe(200);
    const stale = await scim.patch(path, [{ op: "Replace", path: "title", value: "B" }], {
      "If-Match": 'W/"1"',
    });
    expect(stale.status).toBe(412);
    expect((await scim.get(path)).body.title).toBe("A");
  });

  it("deletes a user with 204, then answers 404 for it and removes it from its groups", async () => {
    const scim = scimClient();
    const ada = await scim.createUser("ada@contoso.com");
    const grace = await scim.createUser("grace@contoso.com");
    const group = await scim.createGroup("Engineers", { members: [{ value: ada.id }, { value: grace.id }] });

    const reply = await scim.delete(`/scim/t1/Users/${ada.id}`);
    expect(reply.status).toBe(204);
    expect(reply.body).toBeUndefined();
    expect((await scim.get(`/scim/t1/Users/${ada.id}`)).status).toBe(404);
    expect((await scim.delete(`/scim/t1/Users/${ada.id}`)).status).toBe(404);
    const members = (await scim.get(`/scim/t1/Groups/${group.id}`)).body.members as { value: string }[];
    expect(members.map((member) => member.value)).toEqual([grace.id]);
  });

  it("pages with startIndex and count and reports the total", async () => {
    const scim = scimClient();
    for (let index = 1; index <= 7; index += 1) await scim.createUser(`user${index}@contoso.com`);

    const page = await scim.get("/scim/t1/Users?startIndex=3&count=2");
    expect(page.body).toMatchObject({ totalResults: 7, startIndex: 3, itemsPerPage: 2 });
    expect(page.body.Resources.map((user: { userName: string }) => user.userName)).toEqual([
      "user3@contoso.com",
      "user4@contoso.com",
    ]);
    const tail = await scim.get("/scim/t1/Users?startIndex=6&count=10");
    expect(tail.body).toMatchObject({ totalResults: 7, itemsPerPage: 2 });
    const clamped = await scim.get("/scim/t1/Users?startIndex=0&count=-5");
    expect(clamped.body).toMatchObject({ totalResults: 7, startIndex: 1, itemsPerPage: 0, Resources: [] });
    const bad = await scim.get("/scim/t1/Users?count=many");
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain("count");
  });

  it("projects with attributes and excludedAttributes", async () => {
    const scim = scimClient();
    const user = await scim.createUser("ada@contoso.com", {
      displayName: "Ada",
      name: { givenName: "Ada", familyName: "Lovelace" },
      emails: [{ type: "work", value: "ada@contoso.com", primary: true }],
      [ENTERPRISE]: { department: "Research", costCenter: "1" },
    });

    const only = await scim.get(
      `/scim/t1/Users/${user.id}?attributes=userName,name.familyName,emails.value,${ENTERPRISE}:department`,
    );
    expect(only.body).toEqual({
      schemas: [USER_SCHEMA, ENTERPRISE],
      id: user.id,
      userName: "ada@contoso.com",
      name: { familyName: "Lovelace" },
      emails: [{ value: "ada@contoso.com" }],
      [ENTERPRISE]: { department: "Research" },
    });

    const without = await scim.get(
      `/scim/t1/Users${filterQuery('userName eq "ada@contoso.com"')}&excludedAttributes=emails,name.givenName,${ENTERPRISE},id`,
    );
    const listed = without.body.Resources[0];
    expect(listed).not.toHaveProperty("emails");
    expect(listed).not.toHaveProperty(ENTERPRISE);
    expect(listed.name).toEqual({ familyName: "Lovelace" });
    expect(listed.id).toBe(user.id);
    expect(listed.meta.resourceType).toBe("User");
  });

  it("searches with POST /.search", async () => {
    const scim = scimClient();
    await scim.createUser("ada@contoso.com");
    await scim.createGroup("Ada's group");
    const reply = await scim.post("/scim/t1/Users/.search", {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
      filter: 'userName sw "ada"',
      attributes: ["userName"],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.Resources).toEqual([
      { schemas: [USER_SCHEMA], id: expect.any(String), userName: "ada@contoso.com" },
    ]);
    const everywhere = await scim.post("/scim/t1/.search", {
      filter: 'userName sw "ada" or displayName sw "ada"',
    });
    expect(
      everywhere.body.Resources.map(
        (resource: { meta: { resourceType: string } }) => resource.meta.resourceType,
      ),
    ).toEqual(["User", "Group"]);
  });
});
