import { beforeAll, describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES, type DemoTenant } from "../index";
import { graphTestClient, type GraphTestClient, type Json } from "@/lib/testing/demo-graph-client";
import { GROUP_PROPERTIES, SERVICE_PRINCIPAL_PROPERTIES, USER_PROPERTIES } from "./graph-properties";

// What Graph clients send to these collections: every property, lambdas, endswith, $orderby, not,
// in, $count, $expand and OData casts, with the same 400s where Graph refuses them.

const EVENTUAL = { ConsistencyLevel: "eventual" };
let tenant: DemoTenant;
let graph: GraphTestClient;
beforeAll(() => {
  tenant = createDemoTenant({ throttle: false });
  graph = graphTestClient(tenant.handle);
});

const { inScopeUser, missingAttributesUser, groupWithMembers, scimApp } = DEMO_FIXTURES;
const q = (text: string) => encodeURIComponent(text);
const ids = (answer: Json): string[] => answer.json.value.map((item: Json) => item.id);

describe("properties", () => {
  it.each([
    ["users", inScopeUser.id, USER_PROPERTIES],
    ["groups", groupWithMembers.id, GROUP_PROPERTIES],
    ["servicePrincipals", scimApp.spId, SERVICE_PRINCIPAL_PROPERTIES],
  ] as const)(
    "selects every structural property of %s in v1.0 and beta",
    async (collection, id, properties) => {
      for (const version of ["v1.0", "beta"] as const) {
        const answer = await graph.get(
          `/${version}/${collection}/${id}?$select=${properties[version].join(",")}`,
        );
        expect(answer.status).toBe(200);
        const { "@odata.context": _context, ...served } = answer.json;
        expect(Object.keys(served)).toEqual([...properties[version]]);
      }
    },
  );

  it("refuses on v1.0 a property only beta has, as Graph does", async () => {
    const answer = await graph.get(`/v1.0/users/${inScopeUser.id}?$select=infoCatalogs`);
    expect(answer.status).toBe(400);
    expect(answer.json.error.message).toBe(
      "Could not find a property named 'infoCatalogs' on type 'microsoft.graph.user'.",
    );
    expect((await graph.get(`/beta/users/${inScopeUser.id}?$select=infoCatalogs`)).status).toBe(200);
  });

  it("returns v1.0's eleven user properties by default and beta's larger set", async () => {
    const v1 = await graph.get(`/v1.0/users/${inScopeUser.id}`);
    expect(Object.keys(v1.json).filter((k) => !k.startsWith("@"))).toHaveLength(11);
    const beta = await graph.get(`/beta/users/${inScopeUser.id}`);
    expect(beta.json).toMatchObject({
      employeeType: "Employee",
      proxyAddresses: [`SMTP:${inScopeUser.userPrincipalName}`, "smtp:AdeleV@contoso.onmicrosoft.com"],
      onPremisesSyncEnabled: true,
      onPremisesDomainName: "corp.contoso.com",
    });
    expect(beta.json).not.toHaveProperty("signInActivity");
  });

  it("returns the group and service principal properties Graph returns by default", async () => {
    const group = await graph.get(`/v1.0/groups/${groupWithMembers.id}`);
    expect(group.json).toMatchObject({
      visibility: "Public",
      membershipRule: null,
      proxyAddresses: expect.any(Array),
    });
    expect(group.json).not.toHaveProperty("unseenCount");
    const sp = await graph.get(`/v1.0/servicePrincipals/${scimApp.spId}`);
    for (const property of [
      "keyCredentials",
      "passwordCredentials",
      "replyUrls",
      "info",
      "verifiedPublisher",
      "appOwnerOrganizationId",
      "applicationTemplateId",
    ])
      expect(sp.json).toHaveProperty(property);
    expect(sp.json).not.toHaveProperty("createdDateTime");
  });

  it("gives first-party apps their real application ids", async () => {
    const graphApp = await graph.get(
      "/v1.0/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')?$select=displayName,appOwnerOrganizationId",
    );
    expect(graphApp.json).toMatchObject({
      displayName: "Microsoft Graph",
      appOwnerOrganizationId: "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
    });
    const exchange = await graph.get(
      `/v1.0/servicePrincipals?$filter=${q("appId eq '00000002-0000-0ff1-ce00-000000000000'")}&$select=displayName`,
    );
    expect(exchange.json.value).toEqual([{ displayName: "Office 365 Exchange Online" }]);
  });

  it("serves synchronizedEntryCountByType values as numbers (Int64)", async () => {
    const job = await graph.get(
      `/v1.0/servicePrincipals/${scimApp.spId}/synchronization/jobs/${encodeURIComponent(scimApp.jobId)}`,
    );
    const counts = job.json.status.synchronizedEntryCountByType;
    expect(counts.length).toBeGreaterThan(0);
    for (const { value } of counts) expect(typeof value).toBe("number");
  });
});

describe("$filter", () => {
  it("takes any() lambdas over tags and identities without an advanced query", async () => {
    const tagged = await graph.get(
      `/v1.0/servicePrincipals?$filter=${q("tags/any(t:t eq 'WindowsAzureActiveDirectoryCustomSingleSignOnApplication')")}&$select=id&$top=999`,
    );
    expect(tagged.status).toBe(200);
    expect(ids(tagged)).toContain(scimApp.spId);
    const byIdentity = await graph.get(
      `/v1.0/users?$filter=${q(`identities/any(c:c/issuerAssignedId eq '${inScopeUser.userPrincipalName}' and c/issuer eq 'contoso.onmicrosoft.com')`)}&$select=id`,
    );
    expect(ids(byIdentity)).toEqual([inScopeUser.id]);
  });

  it("takes endswith only as an advanced query, as the user-list docs show", async () => {
    const plain = await graph.get(`/v1.0/users?$filter=${q("endswith(mail,'@contoso.com')")}`);
    expect(plain.status).toBe(400);
    expect(plain.json.error.code).toBe("Request_UnsupportedQuery");
    expect(plain.json.error.message).toContain(
      "Try adding $count with a value of true and ConsistencyLevel header",
    );
    const advanced = await graph.get(
      `/v1.0/users?$filter=${q("endswith(mail,'@contoso.com')")}&$count=true&$top=5&$select=mail`,
      EVENTUAL,
    );
    expect(advanced.status).toBe(200);
    expect(advanced.json["@odata.count"]).toBeGreaterThan(5000);
  });

  it("refuses an operator a property's documentation does not list", async () => {
    const answer = await graph.get(`/v1.0/users?$filter=${q("startswith(department,'Sa')")}`);
    expect(answer.status).toBe(400);
    expect(answer.json.error.message).toContain("'department'");
  });

  it("takes ne, not and $count only as advanced queries", async () => {
    for (const filter of [
      "department ne 'Sales'",
      "not(groupTypes/any(c:c eq 'Unified'))",
      "assignedLicenses/$count eq 0",
    ]) {
      const collection = filter.includes("groupTypes") ? "groups" : "users";
      expect((await graph.get(`/v1.0/${collection}?$filter=${q(filter)}`)).status).toBe(400);
    }
    const security = await graph.get(
      `/v1.0/groups?$filter=${q("not(groupTypes/any(c:c eq 'Unified'))")}&$count=true&$select=groupTypes`,
      EVENTUAL,
    );
    expect(security.json.value.length).toBeGreaterThan(0);
    for (const g of security.json.value) expect(g.groupTypes).not.toContain("Unified");
    const unlicensed = await graph.get(
      `/v1.0/users?$filter=${q("assignedLicenses/$count eq 0")}&$count=true&$select=id&$top=999`,
      EVENTUAL,
    );
    expect(ids(unlicensed)).toContain(missingAttributesUser.id);
    expect(ids(unlicensed)).not.toContain(inScopeUser.id);
  });

  it("takes in, sub-properties of complex values and date-time comparisons", async () => {
    const both = await graph.get(
      `/v1.0/users?$filter=${q(`id in ('${inScopeUser.id}', '${missingAttributesUser.id}')`)}&$select=id`,
    );
    expect(ids(both).sort()).toEqual([inScopeUser.id, missingAttributesUser.id].sort());
    const sales = await graph.get(
      `/v1.0/users?$filter=${q("onPremisesExtensionAttributes/extensionAttribute1 eq 'SAL'")}&$select=department&$top=5`,
    );
    expect(sales.status).toBe(200);
    for (const u of sales.json.value) expect(u.department).toBe("Sales");
    const recent = await graph.get(
      `/v1.0/users?$filter=${q("createdDateTime ge 2026-01-01T00:00:00Z")}&$count=true&$select=createdDateTime&$top=50`,
      EVENTUAL,
    );
    expect(recent.status).toBe(200);
    for (const u of recent.json.value)
      expect(Date.parse(u.createdDateTime)).toBeGreaterThanOrEqual(Date.parse("2026-01-01T00:00:00Z"));
  });
});

describe("$orderby", () => {
  it("sorts by displayName without an advanced query, by anything else or with $filter only with one", async () => {
    const byName = await graph.get("/v1.0/users?$orderby=displayName desc&$select=displayName&$top=20");
    const names = byName.json.value.map((u: Json) => u.displayName.toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
    const refused = await graph.get("/v1.0/users?$orderby=department");
    expect(refused.json.error).toMatchObject({
      code: "Request_UnsupportedQuery",
      message: "Sorting not supported for current query.",
    });
    const filtered = `/v1.0/users?$filter=${q("department eq 'Sales'")}&$orderby=displayName&$select=displayName`;
    expect((await graph.get(filtered)).status).toBe(400);
    expect((await graph.get(`${filtered}&$count=true`, EVENTUAL)).status).toBe(200);
  });
});

describe("$expand", () => {
  it("inlines a user's manager with a nested $select, and refuses what Graph refuses", async () => {
    const user = await graph.get(
      `/v1.0/users/${inScopeUser.id}?$select=displayName&$expand=manager($select=id,displayName)`,
    );
    expect(user.json.manager).toEqual({
      "@odata.type": "#microsoft.graph.user",
      id: expect.any(String),
      displayName: expect.any(String),
    });
    expect(
      (await graph.get(`/v1.0/users/${inScopeUser.id}?$expand=displayName`)).json.error.message,
    ).toContain("not a navigation property");
    expect((await graph.get(`/v1.0/users/${inScopeUser.id}?$expand=manager($filter=id eq 'x')`)).status).toBe(
      400,
    );
  });

  it("inlines memberOf and members, at most 20 of them", async () => {
    const user = await graph.get(
      `/v1.0/users/${inScopeUser.id}?$select=id&$expand=memberOf($select=displayName)`,
    );
    expect(user.json.memberOf.map((g: Json) => g.displayName)).toContain("Contoso Sales");
    const big = [...tenant.state().groups.values()].find((g) => g.memberIds.length > 20)!;
    const group = await graph.get(`/v1.0/groups/${big.id}?$select=id&$expand=members($select=id)`);
    expect(group.json.members).toHaveLength(20);
    const members = await graph.get(`/v1.0/groups/${groupWithMembers.id}?$select=id&$expand=members`);
    expect(members.json.members.map((m: Json) => m.id).sort()).toEqual(
      [...groupWithMembers.memberIds].sort(),
    );
  });
});

describe("OData casts on member collections", () => {
  it("answers members cast to users as users, cast to groups as none, and counts a cast", async () => {
    const base = `/v1.0/groups/${groupWithMembers.id}/members`;
    const users = await graph.get(`${base}/microsoft.graph.user?$select=id,displayName`);
    expect(users.json["@odata.context"]).toBe(
      "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName)",
    );
    expect(ids(users).sort()).toEqual([...groupWithMembers.memberIds].sort());
    expect(users.json.value[0]).not.toHaveProperty("@odata.type");
    expect((await graph.get(`${base}/microsoft.graph.group`)).json.value).toEqual([]);
    expect((await graph.get(`${base}/microsoft.graph.user/$count`, EVENTUAL)).text).toBe(
      String(groupWithMembers.memberIds.length),
    );
    expect((await graph.get(`${base}/microsoft.graph.device`)).status).toBe(400);
    const groups = await graph.get(
      `/v1.0/users/${inScopeUser.id}/memberOf/microsoft.graph.group?$select=displayName`,
    );
    expect(groups.json.value.map((g: Json) => g.displayName)).toContain("Contoso Sales");
    const memberships = await graph.get(`/v1.0/users/${inScopeUser.id}/memberOf/$count`, EVENTUAL);
    expect(Number(memberships.text)).toBe(groups.json.value.length);
  });
});

describe("synchronization templates and schema directories", () => {
  const sp = `/v1.0/servicePrincipals/${scimApp.spId}/synchronization`;
  const job = `${sp}/jobs/${encodeURIComponent(scimApp.jobId)}`;

  it("lists the templates an app's jobs came from, and serves a template's schema", async () => {
    const templates = await graph.get(`${sp}/templates`);
    expect(templates.json.value).toEqual([
      expect.objectContaining({
        id: "scim",
        factoryTag: "scim",
        applicationId: scimApp.appId,
        default: true,
      }),
    ]);
    const schema = await graph.get(`${sp}/templates/scim/schema`);
    expect(schema.json.id).toBe("scim");
    expect(schema.json.synchronizationRules[0].id).toBe(scimApp.ruleId);
    expect((await graph.get(`${sp}/templates/aws`)).status).toBe(404);
  });

  it("lists a schema's directories and serves one by id", async () => {
    const directories = await graph.get(`${job}/schema/directories`);
    expect(directories.json.value.map((d: Json) => d.name)).toEqual([
      "Azure Active Directory",
      "customappsso",
    ]);
    const first = directories.json.value[0];
    const one = await graph.get(`${job}/schema/directories/${first.id}`);
    expect(one.json).toMatchObject({ id: first.id, name: "Azure Active Directory" });
    expect(one.json.objects[0].attributes[0]).toHaveProperty("defaultValue", null);
  });
});
