import { describe, expect, it } from "vitest";

import { filterQuery, GROUP_SCHEMA, scimClient } from "@/lib/testing/demo-scim-client";

function memberIds(group: { members?: { value: string }[] }): string[] {
  return (group.members ?? []).map((member) => member.value).sort();
}

describe("SCIM Groups", () => {
  it("creates a group without members and finds it by displayName in any case, excluding members", async () => {
    const scim = scimClient();
    const ada = await scim.createUser("ada@contoso.com");
    const created = await scim.post("/scim/t1/Groups", {
      schemas: [GROUP_SCHEMA],
      displayName: "Engineers",
      externalId: "aad-object-id",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      schemas: [GROUP_SCHEMA],
      displayName: "Engineers",
      externalId: "aad-object-id",
      meta: { resourceType: "Group" },
    });
    const group = created.body;
    await scim.patch(`/scim/t1/Groups/${group.id}`, [
      { op: "Add", path: "members", value: [{ $ref: null, value: ada.id }] },
    ]);

    const found = await scim.get(
      `/scim/t1/Groups${filterQuery('displayName eq "ENGINEERS"', "&excludedAttributes=members")}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0]).toMatchObject({ id: group.id, displayName: "Engineers" });
    expect(found.body.Resources[0]).not.toHaveProperty("members");

    const byId = await scim.get(`/scim/t1/Groups/${group.id}?excludedAttributes=members`);
    expect(byId.body).not.toHaveProperty("members");
    const full = await scim.get(`/scim/t1/Groups/${group.id}`);
    expect(full.body.members).toEqual([
      { value: ada.id, type: "User", $ref: `https://demo.invalid/scim/t1/Users/${ada.id}` },
    ]);
  });

  it("adds and removes members the ways Entra does, answering 204", async () => {
    const scim = scimClient();
    const [ada, grace, alan] = [
      await scim.createUser("ada@contoso.com"),
      await scim.createUser("grace@contoso.com"),
      await scim.createUser("alan@contoso.com"),
    ];
    const group = await scim.createGroup("Engineers");
    const path = `/scim/t1/Groups/${group.id}`;

    const added = await scim.patch(path, [
      { op: "Add", path: "members", value: [{ $ref: null, value: ada.id }, { value: grace.id }] },
    ]);
    expect(added.status).toBe(204);
    expect(added.body).toBeUndefined();
    expect(memberIds((await scim.get(path)).body)).toEqual([ada.id, grace.id].sort());

    // Adding someone already there changes nothing, not even the version.
    const before = (await scim.get(path)).body.meta.version;
    await scim.patch(path, [{ op: "Add", path: "members", value: [{ value: ada.id }] }]);
    expect((await scim.get(path)).body.meta.version).toBe(before);

    expect(
      (await scim.patch(path, [{ op: "Remove", path: "members", value: [{ value: ada.id }] }])).status,
    ).toBe(204);
    expect(memberIds((await scim.get(path)).body)).toEqual([grace.id]);

    await scim.patch(path, [{ op: "add", path: "members", value: [{ value: alan.id }] }]);
    expect((await scim.patch(path, [{ op: "remove", path: `members[value eq "${grace.id}"]` }])).status).toBe(
      204,
    );
    expect(memberIds((await scim.get(path)).body)).toEqual([alan.id]);

    // Removing a user who is not a member is not an error.
    expect(
      (await scim.patch(path, [{ op: "Remove", path: "members", value: [{ value: ada.id }] }])).status,
    ).toBe(204);
    expect((await scim.patch(path, [{ op: "remove", path: "members" }])).status).toBe(204);
    expect((await scim.get(path)).body).not.toHaveProperty("members");
  });

  it("answers membership checks filtered on members.value", async () => {
    const scim = scimClient();
    const ada = await scim.createUser("ada@contoso.com");
    const grace = await scim.createUser("grace@contoso.com");
    const group = await scim.createGroup("Engineers", { members: [{ value: ada.id }] });

    const member = await scim.get(
      `/scim/t1/Groups${filterQuery(`id eq "${group.id}" and members.value eq "${ada.id}"`, "&excludedAttributes=members")}`,
    );
    expect(member.body.totalResults).toBe(1);
    const notMember = await scim.get(
      `/scim/t1/Groups${filterQuery(`id eq "${group.id}" and members[value eq "${grace.id}"]`)}`,
    );
    expect(notMember.body.totalResults).toBe(0);
  });

  it("refuses members that are not resources of the target, changing nothing", async () => {
    const scim = scimClient();
    const ada = await scim.createUser("ada@contoso.com");
    const group = await scim.createGroup("Engineers", { members: [{ value: ada.id }] });
    const ghost = crypto.randomUUID();

    const onPatch = await scim.patch(`/scim/t1/Groups/${group.id}`, [
      { op: "Add", path: "members", value: [{ value: ghost }] },
    ]);
    expect(onPatch.status).toBe(400);
    expect(onPatch.body).toMatchObject({ scimType: "invalidValue", status: "400" });
    expect(onPatch.body.detail).toContain(ghost);
    expect(memberIds((await scim.get(`/scim/t1/Groups/${group.id}`)).body)).toEqual([ada.id]);

    const onCreate = await scim.post("/scim/t1/Groups", {
      schemas: [GROUP_SCHEMA],
      displayName: "Ghosts",
      members: [{ value: ghost }],
    });
    expect(onCreate.status).toBe(400);
    expect(scim.targets.list("t1", "Groups")).toHaveLength(1);
  });

  it("keeps group displayNames unique regardless of case", async () => {
    const scim = scimClient();
    const engineers = await scim.createGroup("Engineers");
    await scim.createGroup("Designers");
    const duplicate = await scim.post("/scim/t1/Groups", {
      schemas: [GROUP_SCHEMA],
      displayName: "engineers",
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.scimType).toBe("uniqueness");
    const renamed = await scim.patch(`/scim/t1/Groups/${engineers.id}`, [
      { op: "Replace", value: { id: engineers.id, displayName: "DESIGNERS" } },
    ]);
    expect(renamed.status).toBe(409);
  });

  it("renames with a path-less replace, returns the group when attributes are asked for, and deletes", async () => {
    const scim = scimClient();
    const group = await scim.createGroup("Engineers");
    const path = `/scim/t1/Groups/${group.id}`;
    expect((await scim.patch(path, [{ op: "Replace", value: { displayName: "Engineering" } }])).status).toBe(
      204,
    );
    const withBody = await scim.patch(`${path}?attributes=displayName`, [
      { op: "Replace", path: "displayName", value: "R&D" },
    ]);
    expect(withBody.status).toBe(200);
    expect(withBody.body).toEqual({ schemas: [GROUP_SCHEMA], id: group.id, displayName: "R&D" });

    expect((await scim.delete(path)).status).toBe(204);
    expect((await scim.get(path)).status).toBe(404);
    expect((await scim.delete(path)).status).toBe(404);
  });

  it("replaces members with PUT", async () => {
    const scim = scimClient();
    const ada = await scim.createUser("ada@contoso.com");
    const grace = await scim.createUser("grace@contoso.com");
    const group = await scim.createGroup("Engineers", { members: [{ value: ada.id }] });
    const reply = await scim.put(`/scim/t1/Groups/${group.id}`, {
      schemas: [GROUP_SCHEMA],
      displayName: "Engineers",
      members: [{ value: grace.id }, { value: grace.id }],
    });
    expect(reply.status).toBe(200);
    expect(memberIds(reply.body)).toEqual([grace.id]);
  });
});
