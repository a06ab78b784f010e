import { describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES } from "@/lib/demo-tenant";
import { FIXTURE_PEOPLE as people } from "@/lib/demo-tenant/seed/fixtures";
import { evaluateScopingFilter } from "@/lib/demo-tenant/engine/scoping";
import { supportedFunctionNames } from "@/lib/demo-tenant/engine/expressions";
import { graphTestClient, provisionPath, userSubjectBody } from "@/lib/testing/demo-graph-client";
import { FILTER_OPERATORS } from "./schema-tools";

const hr = DEMO_FIXTURES.scimApp;

function setUp() {
  const tenant = createDemoTenant({ throttle: false });
  const graph = graphTestClient(tenant.handle);
  const job = tenant.state().servicePrincipals.get(hr.spId)!.jobs[0]!;
  const schemaPath = `/v1.0/servicePrincipals/${hr.spId}/synchronization/jobs/${encodeURIComponent(job.job.id)}/schema`;
  return { tenant, graph, job, schemaPath };
}

describe("parseExpression", () => {
  it("answers Microsoft's documented example: the tree with Graph's keys, and the value", async () => {
    const { graph, schemaPath } = setUp();
    const answer = await graph.post(`${schemaPath}/parseExpression`, {
      expression: 'Replace([preferredLanguage], "-", , , "_", , )',
      targetAttributeDefinition: null,
      testInputObject: {
        definition: null,
        properties: [
          { key: "preferredLanguage", value: "EN-US" },
          {
            key: "appRoleAssignments",
            "value@odata.type": "#Collection(String)",
            value: ["Default Assignment"],
          },
        ],
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      error: null,
      evaluationSucceeded: true,
      evaluationResult: ["EN_US"],
      parsingSucceeded: true,
      parsedExpression: { name: "Replace", type: "Function" },
    });
    expect(answer.json.parsedExpression.parameters.map((p: { key: string }) => p.key)).toEqual([
      "source",
      "Find",
      "Replacement",
    ]);
  });

  it("agrees with the engine: every mapping of a created user evaluates to the value the run wrote", async () => {
    const { graph, job, schemaPath } = setUp();
    const run = await graph.post(
      provisionPath(hr.spId, job.job.id),
      userSubjectBody(job.schema.synchronizationRules[0]!.id, people.adele.id),
    );
    const value = JSON.parse(run.json.value);
    const imported = value.provisioningSteps.find((s: { type: string }) => s.type === "Import").details;
    const written = new Map<string, string>(
      value.modifiedProperties.map((p: { displayName: string; newValue: string }) => [
        p.displayName,
        p.newValue,
      ]),
    );
    const userMapping = job.schema.synchronizationRules[0]!.objectMappings[0]!;
    let compared = 0;
    for (const mapping of userMapping.attributeMappings) {
      const expected = written.get(mapping.targetAttributeName);
      // The manager flows as a resolved reference, not as the expression's value.
      if (
        !mapping.source?.expression ||
        expected === undefined ||
        mapping.targetAttributeName.endsWith(":manager")
      )
        continue;
      const answer = await graph.post(`${schemaPath}/parseExpression`, {
        expression: mapping.source.expression,
        testInputObject: { properties: Object.entries(imported).map(([key, v]) => ({ key, value: v })) },
      });
      expect(answer.json.evaluationResult, mapping.targetAttributeName).toEqual([expected]);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("answers a broken expression with parsingSucceeded false and Graph's error", async () => {
    const { graph, schemaPath } = setUp();
    const answer = await graph.post(`${schemaPath}/parseExpression`, {
      expression: 'Join(" ", [givenName]',
      testInputObject: { properties: [] },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      parsingSucceeded: false,
      evaluationSucceeded: false,
      parsedExpression: null,
    });
    expect(answer.json.error).toMatchObject({ code: "ExpressionParsingFailed" });
    expect(answer.json.error.message).toMatch(/no closing \)/);
  });

  it("parses without evaluating when no test input is given, and tells an evaluation failure apart", async () => {
    const { graph, schemaPath } = setUp();
    const parsedOnly = await graph.post(`${schemaPath}/parseExpression`, { expression: "ToLower([mail])" });
    expect(parsedOnly.json).toMatchObject({
      parsingSucceeded: true,
      evaluationSucceeded: false,
      evaluationResult: null,
    });
    const failing = await graph.post(`${schemaPath}/parseExpression`, {
      expression: 'Mid([mail], "x", 2)',
      testInputObject: { properties: [{ key: "mail", value: "a@b" }] },
    });
    expect(failing.json).toMatchObject({ parsingSucceeded: true, evaluationSucceeded: false });
    expect(failing.json.error.code).toBe("ExpressionEvaluationFailed");
  });

  it("refuses a body without an expression, and serves a template's schema too", async () => {
    const { graph, schemaPath } = setUp();
    expect((await graph.post(`${schemaPath}/parseExpression`, { testInputObject: null })).status).toBe(400);
    const template = `/v1.0/servicePrincipals/${hr.spId}/synchronization/templates/scim/schema`;
    const answer = await graph.post(`${template}/parseExpression`, {
      expression: 'Append([mailNickname], "@contoso.com")',
      testInputObject: { properties: [{ key: "mailNickname", value: "AdeleV" }] },
    });
    expect(answer.json.evaluationResult).toEqual(["AdeleV@contoso.com"]);
    expect(
      (await graph.get(`/v1.0/servicePrincipals/${hr.spId}/synchronization/templates/nope/schema/functions`))
        .status,
    ).toBe(404);
  });
});

describe("schema/functions and schema/filterOperators", () => {
  it("lists every function the evaluator knows, in Graph's shape", async () => {
    const { graph, schemaPath } = setUp();
    const answer = await graph.get(`${schemaPath}/functions`);
    expect(answer.status).toBe(200);
    const names = answer.json.value.map((f: { name: string }) => f.name);
    expect(names).toEqual([...supportedFunctionNames]);
    const join = answer.json.value.find((f: { name: string }) => f.name === "Join");
    expect(join.parameters).toEqual([
      { allowMultipleOccurrences: false, name: "separator", required: true, type: "String" },
      { allowMultipleOccurrences: true, name: "source", required: true, type: "String" },
    ]);
  });

  it("lists only operators the engine's scoping evaluator knows", async () => {
    const { graph, schemaPath } = setUp();
    const answer = await graph.get(`${schemaPath}/filterOperators`);
    expect(answer.json.value.map((o: { name: string }) => o.name)).toEqual(
      FILTER_OPERATORS.map((o) => o.name),
    );
    for (const { name } of FILTER_OPERATORS) {
      const evaluation = evaluateScopingFilter(
        {
          groups: [
            {
              name: "g",
              clauses: [{ operatorName: name, sourceOperandName: "x", targetOperand: { values: ["1"] } }],
            },
          ],
          inputFilterGroups: [],
          categoryFilterGroups: [],
        },
        () => "1",
      );
      expect(evaluation.unknownOperators, name).toEqual([]);
    }
  });
});

describe("a user's memberships and an app's scope setting", () => {
  it("lists the groups a user is a direct member of, and their app role assignments", async () => {
    const { graph } = setUp();
    const groups = await graph.get(`/v1.0/users/${people.lynne.id}/memberOf?$select=id,displayName`);
    expect(groups.json.value).toContainEqual({
      "@odata.type": "#microsoft.graph.group",
      id: DEMO_FIXTURES.groupWithMembers.id,
      displayName: "Sales Team EMEA",
    });
    const assignments = await graph.get(`/v1.0/users/${people.adele.id}/appRoleAssignments`);
    expect(assignments.json.value.map((a: { resourceId: string }) => a.resourceId)).toContain(hr.spId);
    expect((await graph.get(`/v1.0/users/not-a-user/memberOf`)).status).toBe(404);
  });

  it("serves the scope setting with the secret token masked", async () => {
    const { graph } = setUp();
    const secrets = await graph.get(`/v1.0/servicePrincipals/${hr.spId}/synchronization/secrets`);
    const byKey = Object.fromEntries(
      secrets.json.value.map((p: { key: string; value: string }) => [p.key, p.value]),
    );
    expect(byKey).toMatchObject({ SyncAll: "false", SecretToken: "*" });
  });
});
