import { describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES } from "@/lib/demo-tenant";
import { FIXTURE_PEOPLE as people } from "@/lib/demo-tenant/seed/fixtures";
import { createGraphClient } from "./client";

const hr = DEMO_FIXTURES.scimApp;

function client(
  fetch: (request: Request) => Promise<Response> = createDemoTenant({ throttle: false }).handle,
) {
  return createGraphClient({ fetch, baseUrl: "https://graph.microsoft.com", retry: { maxAttempts: 1 } });
}

/** A Graph that answers every request with this JSON. */
const answering = (body: unknown) => async () =>
  new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });

describe("the job's schema as the explanations read it", () => {
  it("reads mappings with their sources and the scoping filter's clauses", async () => {
    const graph = client();
    const [rule] = await graph.getSchemaRules(hr.spId, hr.jobId);
    const users = rule!.objectMappings!.find((m) => m.sourceObjectName === "User")!;
    expect(users.scope!.groups!.map((g) => g.name)).toEqual(["Sales department", "Marketing department"]);
    const userName = users.attributeMappings!.find((m) => m.targetAttributeName === "userName")!;
    expect(userName).toMatchObject({
      matchingPriority: 1,
      source: { type: "Attribute", name: "userPrincipalName" },
    });
  });

  it("leaves out the parts it cannot read instead of failing the answer", async () => {
    const graph = client(
      answering({
        synchronizationRules: [
          {
            id: "r1",
            objectMappings: [
              {
                sourceObjectName: "User",
                scope: { groups: [{ name: "g", clauses: [{ operatorName: "EQUALS" }, "junk"] }] },
                attributeMappings: [
                  { targetAttributeName: "a", source: { type: "Attribute", name: "x" } },
                  { nope: 1 },
                  {},
                ],
              },
            ],
          },
          {},
        ],
      }),
    );
    const rules = await graph.getSchemaRules("sp", "job");
    expect(rules).toHaveLength(1);
    const mapping = rules[0]!.objectMappings![0]!;
    expect(mapping.attributeMappings!.map((m) => m.targetAttributeName)).toEqual(["a"]);
    expect(mapping).toMatchObject({ scope: null, scopeUnreadable: true });
  });
});

describe("parseExpression and the function list", () => {
  it("evaluates against test input, a list sent as a collection", async () => {
    const graph = client();
    const answer = await graph.parseExpression(hr.spId, hr.jobId, 'Join(", ", [proxyAddresses])', [
      { key: "proxyAddresses", value: ["smtp:a@contoso.com", "smtp:b@contoso.com"] },
    ]);
    expect(answer).toMatchObject({
      parsingSucceeded: true,
      evaluationSucceeded: true,
      evaluationResult: ["smtp:a@contoso.com, smtp:b@contoso.com"],
    });
    expect(answer.requestId).toEqual(expect.any(String));
  });

  it("hands back Graph's error for a broken expression", async () => {
    const answer = await client().parseExpression(hr.spId, hr.jobId, "ToLower([mail]", []);
    expect(answer.parsingSucceeded).toBe(false);
    expect(answer.error?.message).toMatch(/no closing \)/);
  });

  it("lists the functions with their parameters", async () => {
    const functions = await client().listExpressionFunctions(hr.spId, hr.jobId);
    expect(functions.find((f) => f.name === "Switch")).toEqual({
      name: "Switch",
      parameters: [
        { name: "source", required: true, repeats: false },
        { name: "defaultValue", required: false, repeats: false },
        { name: "key", required: true, repeats: true },
        { name: "value", required: true, repeats: true },
      ],
    });
  });
});

describe("the scope setting and a user's access", () => {
  it("reads SyncAll and nothing else of the secrets", async () => {
    expect(await client().getSyncAllSetting(hr.spId)).toBe(false);
    const secrets = answering({
      value: [
        { key: "SecretToken", value: "hunter2" },
        { key: "SyncAll", value: "True" },
      ],
    });
    expect(await client(secrets).getSyncAllSetting("sp")).toBe(true);
    expect(await client(async () => new Response("{}", { status: 403 })).getSyncAllSetting("sp")).toBeNull();
  });

  it("reads source attributes under the schema's names, booleans as True/False", async () => {
    const { values, unreadable } = await client().readSourceAttributes(people.adele.id, [
      "department",
      "accountEnabled",
      "IsSoftDeleted",
      "physicalDeliveryOfficeName",
      "extensionAttribute1",
    ]);
    expect(values).toMatchObject({ department: "Sales", accountEnabled: "True", IsSoftDeleted: "False" });
    expect(values.physicalDeliveryOfficeName).toEqual(expect.any(String));
    expect(unreadable).toEqual(["extensionAttribute1"]);
  });

  it("lists a user's direct groups and the app's assignments", async () => {
    const graph = client();
    const groups = await graph.listGroupsOf(people.lynne.id, "direct");
    expect(groups.items.map((g) => g.displayName)).toContain("Sales Team EMEA");
    const assignments = await graph.listAppAssignments(hr.spId);
    expect(
      assignments.items.some(
        (a) => a.principalType === "Group" && a.principalId === DEMO_FIXTURES.groupWithMembers.id,
      ),
    ).toBe(true);
    expect(
      (await graph.listAppRoleAssignments({ kind: "user", id: people.adele.id })).items.some(
        (a) => a.resourceId === hr.spId,
      ),
    ).toBe(true);
  });
});
