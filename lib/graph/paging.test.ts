import { describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES } from "@/lib/demo-tenant";
import { createGraphClient } from "./client";
import { GraphError } from "./graph-error";
import { json, scriptedGraph, type Reply } from "@/lib/testing/scripted-graph";

const BASE = "https://graph.microsoft.com";
const tenant = createDemoTenant();

const fakeClient = (reply: Reply) => {
  const graph = scriptedGraph(reply);
  return { client: createGraphClient({ fetch: graph.fetch, baseUrl: BASE }), seen: graph.seen };
};

describe("service principals, page by page", () => {
  it("walks every service principal of the demo tenant with opaque cursors, each once", async () => {
    const client = createGraphClient({ fetch: tenant.handle, baseUrl: BASE });
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await client.listServicePrincipals({ top: 60, cursor });
      ids.push(...page.items.map((sp) => sp.id));
      expect(Object.keys(page.items[0]!).sort()).toEqual(["appId", "displayName", "id", "tags"]);
      if (page.nextCursor) expect(page.nextCursor).not.toContain("graph.microsoft.com");
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(ids).toHaveLength(tenant.state().servicePrincipals.size);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBe(Math.ceil(ids.length / 60));
  });

  it("searches by name with ConsistencyLevel: eventual, on later pages too", async () => {
    const { client, seen } = fakeClient((_r, i) =>
      json({
        value: [{ id: `sp-${i}`, displayName: "Contoso" }],
        ...(i === 0 ? { "@odata.nextLink": `${BASE}/v1.0/servicePrincipals?$search=x&$skiptoken=abc` } : {}),
      }),
    );
    const first = await client.listServicePrincipals({ search: 'Con"toso' });
    await client.listServicePrincipals({ cursor: first.nextCursor! });
    expect(seen[0]!.url.searchParams.get("$search")).toBe('"displayName:Con\\"toso"');
    expect(seen.map((r) => r.headers.get("ConsistencyLevel"))).toEqual(["eventual", "eventual"]);
    expect(seen[1]!.url.searchParams.get("$skiptoken")).toBe("abc");
  });

  it("finds service principals of the demo tenant by name", async () => {
    const client = createGraphClient({ fetch: tenant.handle, baseUrl: BASE });
    const page = await client.listServicePrincipals({ search: "Tailspin" });
    expect(page.items.map((sp) => sp.id)).toContain(DEMO_FIXTURES.quarantinedApp.spId);
  });

  it("refuses a cursor it did not hand out, without calling Graph", async () => {
    const { client, seen } = fakeClient(() => json({ value: [] }));
    const forged = Buffer.from("/users?$top=1").toString("base64url");
    for (const cursor of [
      forged,
      "not a cursor!",
      Buffer.from("https://evil.example/v1.0/servicePrincipals").toString("base64url"),
    ]) {
      await expect(client.listServicePrincipals({ cursor })).rejects.toMatchObject({
        status: 400,
        code: "InvalidCursor",
      });
    }
    expect(seen).toHaveLength(0);
  });

  it("never follows a next-page link to another origin (the token would go with it)", async () => {
    const { client, seen } = fakeClient(() =>
      json({
        value: [{ id: "sp-1" }],
        "@odata.nextLink": "https://evil.example/v1.0/servicePrincipals?$skiptoken=1",
      }),
    );
    const error = await client.listServicePrincipals().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: "UnexpectedResponse" });
    expect((error as GraphError).message).toContain("https://evil.example");

    const members = fakeClient(() =>
      json({
        value: [{ id: "u1" }],
        "@odata.nextLink": "http://graph.microsoft.com/v1.0/groups/g/members?$skiptoken=1",
      }),
    );
    await expect(members.client.listGroupMembers("g", { followPages: true, top: 10 })).rejects.toMatchObject({
      code: "UnexpectedResponse",
    });
    expect([...seen, ...members.seen].every((r) => r.url.origin === BASE)).toBe(true);
  });
});

describe("group members", () => {
  it("follows pages up to the number asked for and says more were left", async () => {
    const { client, seen } = fakeClient((_r, i) =>
      json({
        value: [
          { "@odata.type": "#microsoft.graph.user", id: `u${2 * i}`, displayName: `User ${2 * i}` },
          { "@odata.type": "#microsoft.graph.user", id: `u${2 * i + 1}`, displayName: `User ${2 * i + 1}` },
        ],
        "@odata.nextLink": `${BASE}/v1.0/groups/g%231/members?$skiptoken=${i + 1}`,
      }),
    );
    const found = await client.listGroupMembers("g#1", { followPages: true, top: 5 });
    expect(found.items.map((m) => m.id)).toEqual(["u0", "u1", "u2", "u3", "u4"]);
    expect(found.truncated).toBe(true);
    expect(seen).toHaveLength(3);
    expect(seen[0]!.url.pathname).toBe("/v1.0/groups/g%231/members");
  });

  it("lists and searches the user members of a demo group, leaving out other object types", async () => {
    const client = createGraphClient({ fetch: tenant.handle, baseUrl: BASE });
    const { groupWithMembers } = DEMO_FIXTURES;
    const all = await client.listGroupMembers(groupWithMembers.id);
    expect(all.items.map((m) => m.id).sort()).toEqual([...groupWithMembers.memberIds].sort());
    const searched = await client.listGroupMembers(groupWithMembers.id, { search: "diego" });
    expect(searched.items.map((m) => m.displayName)).toEqual(["Diego Siciliani"]);

    const mixed = fakeClient(() =>
      json({
        value: [
          { "@odata.type": "#microsoft.graph.group", id: "g2" },
          { "@odata.type": "#microsoft.graph.user", id: "u1" },
        ],
      }),
    );
    expect((await mixed.client.listGroupMembers("g")).items.map((m) => m.id)).toEqual(["u1"]);
  });
});

describe("users and groups", () => {
  const client = createGraphClient({ fetch: tenant.handle, baseUrl: BASE });
  const adele = DEMO_FIXTURES.inScopeUser;

  it("finds a user by name, by UPN prefix and by mail, and by object id directly", async () => {
    for (const text of ["Vance", "AdeleV@contoso", "adelev@contoso.com", adele.id]) {
      const found = await client.searchUsers(text);
      expect(found.items.map((u) => u.id)).toContain(adele.id);
    }
    expect((await client.searchUsers("00000000-0000-0000-0000-000000000000")).items).toEqual([]);
  });

  it("sends the three search clauses with ConsistencyLevel: eventual", async () => {
    const { client: fake, seen } = fakeClient(() => json({ value: [] }));
    await fake.searchUsers("ad", { top: 7 });
    expect(seen[0]!.url.searchParams.get("$search")).toBe(
      '"displayName:ad" OR "userPrincipalName:ad" OR "mail:ad"',
    );
    expect(seen[0]!.url.searchParams.get("$top")).toBe("7");
    expect(seen[0]!.headers.get("ConsistencyLevel")).toBe("eventual");
    await expect(fake.searchUsers("ad", { top: 0 })).rejects.toThrow(/top/);
  });

  it("gets a user by UPN and finds none for an unknown one", async () => {
    expect((await client.getUser(adele.userPrincipalName)).id).toBe(adele.id);
    expect(await client.findUserByPrincipalName("nobody@contoso.com")).toBeNull();
    await expect(client.getUser("nobody@contoso.com")).rejects.toMatchObject({
      status: 404,
      code: "Request_ResourceNotFound",
    });
  });

  it("finds groups by name and by id", async () => {
    const { groupWithMembers } = DEMO_FIXTURES;
    expect((await client.searchGroups("Sales Team")).items.map((g) => g.id)).toContain(groupWithMembers.id);
    expect((await client.getGroup(groupWithMembers.id)).displayName).toBe(groupWithMembers.displayName);
    expect((await client.searchGroups(groupWithMembers.id)).items).toHaveLength(1);
  });
});
