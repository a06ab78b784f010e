import "server-only";
import type {
  ExpressionLabContext,
  LabEvaluation,
  LabEvaluationRequest,
  LabMapping,
} from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import type { Caller } from "@/lib/auth";
import { isGraphError, type SourceValue, type TestInputProperty } from "@/lib/graph";
import { attributesInExpression, importedAttributesOf, mappingFactsOf } from "@/lib/provisioning";
import { getRun } from "./runs";
import type { ConsoleServices } from "./services";

// The expression lab: evaluate a mapping's expression, or any other, against a user's real
// attributes with Graph's parseExpression. Nothing is written to the target.

type Services = Pick<ConsoleServices, "graphFor" | "runs">;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The job's attribute mappings to start from, and the functions its expressions may use. */
export async function labContext(
  services: Pick<Services, "graphFor">,
  caller: Caller,
  servicePrincipalId: string,
  jobId: string,
): Promise<ExpressionLabContext> {
  const graph = services.graphFor(caller);
  const warnings: string[] = [];
  const [rules, functions] = await Promise.all([
    graph.getSchemaRules(servicePrincipalId, jobId).catch((error: unknown) => {
      if (isGraphError(error) && error.status === 404)
        throw new ApiError("not_found", `No job ${jobId} in application ${servicePrincipalId}.`);
      warnings.push(`The job's mappings could not be read: ${messageOf(error)}`);
      return [];
    }),
    graph.listExpressionFunctions(servicePrincipalId, jobId).catch((error: unknown) => {
      warnings.push(
        `The list of functions could not be read, so there is no completion: ${messageOf(error)}`,
      );
      return [];
    }),
  ]);
  const mappings: LabMapping[] = rules.flatMap((rule) =>
    (rule.objectMappings ?? [])
      .filter((objectMapping) => objectMapping.enabled !== false)
      .flatMap((objectMapping) =>
        (objectMapping.attributeMappings ?? []).map((mapping) => {
          const facts = mappingFactsOf(mapping, {});
          return {
            ruleId: rule.id,
            ruleName: rule.name ?? null,
            objectMappingName: objectMapping.name ?? null,
            sourceObjectName: objectMapping.sourceObjectName ?? null,
            targetAttributeName: mapping.targetAttributeName,
            expression: facts.expression,
            defaultValue: facts.defaultValue,
            flow: facts.flow,
          };
        }),
      ),
  );
  return { mappings, functions, sourceDirectoryName: rules[0]?.sourceDirectoryName ?? null, warnings };
}

type InputValue = { value: SourceValue; from: "graph" | "run" | "typed" | "none" };

function lookup(values: Readonly<Record<string, string>>, name: string): string | undefined {
  if (Object.hasOwn(values, name)) return values[name];
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(values)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Evaluates an expression against the chosen user's attributes (or a run's import), with Graph's parseExpression. */
export async function labEvaluate(
  services: Services,
  caller: Caller,
  servicePrincipalId: string,
  jobId: string,
  request: LabEvaluationRequest,
): Promise<LabEvaluation> {
  const graph = services.graphFor(caller);
  const warnings: string[] = [];
  const attributes = attributesInExpression(request.expression);
  const input = new Map<string, InputValue>(attributes.map((a) => [a, { value: null, from: "none" }]));

  if (request.runId) {
    const run = await getRun(services, request.runId);
    if (run.request.servicePrincipalId !== servicePrincipalId || run.request.jobId !== jobId)
      throw new ApiError(
        "bad_request",
        "runId: that run is of another job; pick a run of this job, or a user.",
      );
    const imported = run.result?.reports[0] ? importedAttributesOf(run.result.reports[0]) : {};
    for (const attribute of attributes) {
      const value = lookup(imported, attribute);
      if (value !== undefined) input.set(attribute, { value, from: "run" });
    }
  } else if (request.userId) {
    try {
      const read = await graph.readSourceAttributes(request.userId, attributes);
      for (const [attribute, value] of Object.entries(read.values))
        input.set(attribute, { value, from: "graph" });
      if (read.unreadable.length > 0)
        warnings.push(
          `Microsoft Graph has no user property for ${read.unreadable.map((a) => `[${a}]`).join(", ")}; type a value below to try one.`,
        );
    } catch (error) {
      if (isGraphError(error) && error.status === 404)
        throw new ApiError("not_found", `userId: no user ${request.userId} in the directory.`);
      throw error;
    }
  }
  for (const [attribute, value] of Object.entries(request.values ?? {}))
    input.set(attribute, { value, from: "typed" });

  const testInput = [...input].map(([key, { value }]) => ({ key, value }) as TestInputProperty);
  const inputView = [...input].map(([attribute, { value, from }]) => ({ attribute, value, from }));
  try {
    const answer = await graph.parseExpression(servicePrincipalId, jobId, request.expression, testInput);
    return {
      input: inputView,
      parsingSucceeded: answer.parsingSucceeded ?? false,
      evaluationSucceeded: answer.evaluationSucceeded ?? false,
      result: answer.evaluationResult ?? null,
      parsedExpression: answer.parsedExpression ?? null,
      error: answer.error ? { code: answer.error.code ?? null, message: answer.error.message ?? null } : null,
      graphRequestId: answer.requestId,
      warnings,
    };
  } catch (error) {
    // Graph may refuse a broken expression with a 400: that refusal is the lab's answer, not a failure.
    if (!(isGraphError(error) && error.status === 400)) throw error;
    return {
      input: inputView,
      parsingSucceeded: false,
      evaluationSucceeded: false,
      result: null,
      parsedExpression: null,
      error: { code: error.code, message: error.message },
      graphRequestId: error.requestId,
      warnings,
    };
  }
}
