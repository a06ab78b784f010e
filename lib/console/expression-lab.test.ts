import { describe, expect, it } from "vitest";
import { expressionLabContext, labEvaluation } from "@/lib/api/contracts";
import { createGraphClient, GraphError, type GraphClient } from "@/lib/graph";
import { demoStory, STORY_PEOPLE as people } from "@/lib/testing/demo-story";
import { labContext, labEvaluate } from "./expression-lab";

const caller = { id: "alice", displayName: "Alice", roles: [] };

function lab() {
  const story = demoStory();
  const graph = createGraphClient({ fetch: story.tenant.handle, baseUrl: "https://graph.microsoft.com" });
  const { spId, jobId } = story.jobOf("hrPortal");
  const services = { graphFor: () => graph, runs: { get: async () => null } as never };
  return { story, graph, spId, jobId, services };
}

describe("the expression lab", () => {
  it("offers every mapping of the job and the functions for completion", async () => {
    const { services, spId, jobId } = lab();
    const context = expressionLabContext.parse(await labContext(services, caller, spId, jobId));
    expect(context.mappings.find((m) => m.targetAttributeName === "active")).toMatchObject({
      sourceObjectName: "User",
      expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
    });
    expect(context.functions.map((f) => f.name)).toContain("Join");
    expect(context.sourceDirectoryName).toBe("Azure Active Directory");
  });

  it("answers 404 for a job that does not exist", async () => {
    const { services, spId } = lab();
    await expect(labContext(services, caller, spId, "scim.nope")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("evaluates against the user's attributes as Graph has them, and says where each value came from", async () => {
    const { services, spId, jobId } = lab();
    const answer = labEvaluation.parse(
      await labEvaluate(services, caller, spId, jobId, {
        expression: 'Join(" / ", [jobTitle], [department], [extensionAttribute1])',
        userId: people.adele.id,
      }),
    );
    expect(answer).toMatchObject({
      parsingSucceeded: true,
      evaluationSucceeded: true,
      result: ["Retail Manager / Sales"],
    });
    expect(answer.input).toEqual([
      { attribute: "jobTitle", value: "Retail Manager", from: "graph" },
      { attribute: "department", value: "Sales", from: "graph" },
      { attribute: "extensionAttribute1", value: null, from: "none" },
    ]);
    expect(answer.warnings[0]).toMatch(/\[extensionAttribute1\]/);
  });

  it("lets typed values stand in for what Graph cannot give", async () => {
    const { services, spId, jobId } = lab();
    const answer = await labEvaluate(services, caller, spId, jobId, {
      expression: 'Append([extensionAttribute1], "-x")',
      userId: people.adele.id,
      values: { extensionAttribute1: "E42" },
    });
    expect(answer.result).toEqual(["E42-x"]);
    expect(answer.input).toEqual([{ attribute: "extensionAttribute1", value: "E42", from: "typed" }]);
  });

  it("shows Graph's error for a broken expression, whether Graph answers 200 or 400", async () => {
    const { services, spId, jobId } = lab();
    const broken = await labEvaluate(services, caller, spId, jobId, { expression: "ToLower([mail]" });
    expect(broken).toMatchObject({ parsingSucceeded: false, error: { code: "ExpressionParsingFailed" } });
    const refusing = {
      graphFor: () =>
        ({
          readSourceAttributes: async () => ({ values: {}, unreadable: [] }),
          parseExpression: async () => {
            throw new GraphError({
              status: 400,
              code: "BadRequest",
              message: "Invalid expression.",
              requestId: "r-1",
            });
          },
        }) as unknown as GraphClient,
      runs: { get: async () => null } as never,
    };
    expect(await labEvaluate(refusing, caller, spId, jobId, { expression: "x(" })).toMatchObject({
      error: { code: "BadRequest", message: "Invalid expression." },
      graphRequestId: "r-1",
    });
  });

  it("refuses an unknown user by the field's name", async () => {
    const { services, spId, jobId } = lab();
    await expect(
      labEvaluate(services, caller, spId, jobId, { expression: "[mail]", userId: "nobody" }),
    ).rejects.toMatchObject({ code: "not_found", message: expect.stringMatching(/^userId:/) });
  });
});
