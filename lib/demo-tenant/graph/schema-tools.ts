import "server-only";
import { z } from "zod";
import {
  attributeReaderOf,
  evaluateMappingSource,
  ExpressionError,
  IGNORE_FLOW,
  parseMappingExpression,
  type ExpressionValue,
} from "../engine/expressions";
import { functionSchemas } from "../engine/expressions/function-schemas";
import type { DemoJob, TenantState } from "../model";
import { findJob, findServicePrincipal } from "./directory-lookup";
import { jsonResult, type GraphCall, type GraphResult } from "./graph-call";
import { badRequest, resourceNotFound } from "./graph-error";
import { contextUrl } from "./odata";

// The schema's tools, for a job's schema and a template's: parseExpression (parsed and evaluated by the
// engine's own evaluator, so a test here and a provisioning run always agree), functions and filterOperators.

/** A job's schema, or a template's (the demo serves a template's schema from a job made from it). */
export type SchemaOwner = { kind: "job"; id: string } | { kind: "template"; id: string };

function jobOf(tenant: TenantState, spId: string, owner: SchemaOwner): DemoJob {
  const sp = findServicePrincipal(tenant, spId);
  if (owner.kind === "job") return findJob(sp, owner.id);
  const job = sp.jobs.find((j) => j.job.templateId.toLowerCase() === owner.id.toLowerCase());
  if (!job) throw resourceNotFound(owner.id);
  return job;
}

const inputValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number(), z.boolean()])),
]);

const parseExpressionBody = z.object({
  expression: z.string({ error: "expression is required and must be a string" }),
  testInputObject: z
    .object({
      definition: z.unknown().optional(),
      properties: z.array(z.looseObject({ key: z.string(), value: inputValue.optional() })).nullish(),
    })
    .nullish(),
  targetAttributeDefinition: z.unknown().optional(),
});

function asText(value: string | number | boolean): string {
  if (typeof value === "boolean") return value ? "True" : "False";
  return String(value);
}

function inputReader(properties: { key: string; value?: z.infer<typeof inputValue> }[]) {
  const attributes: Record<string, ExpressionValue> = {};
  for (const { key, value } of properties) {
    attributes[key] =
      value === undefined || value === null ? null : Array.isArray(value) ? value.map(asText) : asText(value);
  }
  return attributeReaderOf(attributes);
}

const publicError = (code: string, message: string) => ({
  code,
  message,
  target: null,
  details: [],
  innerError: null,
});

function resultValues(value: ExpressionValue): string[] {
  if (value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export const schemaToolRoutes = {
  async parseExpression(
    call: GraphCall,
    t: TenantState,
    spId: string,
    owner: SchemaOwner,
  ): Promise<GraphResult> {
    jobOf(t, spId, owner);
    const parsed = parseExpressionBody.safeParse(await call.readJson());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badRequest(
        `Invalid request body at '${issue?.path.join(".") ?? ""}': ${issue?.message ?? "not understood"}.`,
      );
    }
    const { expression, testInputObject } = parsed.data;
    const answer = (fields: Record<string, unknown>) =>
      jsonResult({
        "@odata.context": contextUrl(call.version, "microsoft.graph.parseExpressionResponse"),
        error: null,
        evaluationSucceeded: false,
        evaluationResult: null,
        parsedExpression: null,
        parsingSucceeded: false,
        ...fields,
      });
    let tree;
    try {
      tree = parseMappingExpression(expression);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      return answer({ error: publicError("ExpressionParsingFailed", error.message) });
    }
    if (!testInputObject) return answer({ parsedExpression: tree, parsingSucceeded: true });
    try {
      const value = evaluateMappingSource(tree, inputReader(testInputObject.properties ?? []));
      return answer({
        parsedExpression: tree,
        parsingSucceeded: true,
        evaluationSucceeded: true,
        evaluationResult: value === IGNORE_FLOW ? [] : resultValues(value),
      });
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      return answer({
        parsedExpression: tree,
        parsingSucceeded: true,
        error: publicError("ExpressionEvaluationFailed", error.message),
      });
    }
  },

  functions(call: GraphCall, t: TenantState, spId: string, owner: SchemaOwner): GraphResult {
    jobOf(t, spId, owner);
    return jsonResult({ "@odata.context": contextUrl(call.version, "functions"), value: functionSchemas() });
  },

  filterOperators(call: GraphCall, t: TenantState, spId: string, owner: SchemaOwner): GraphResult {
    jobOf(t, spId, owner);
    return jsonResult({
      "@odata.context": contextUrl(call.version, "filterOperators"),
      value: FILTER_OPERATORS,
    });
  },
};

const ALL_TYPES = ["Integer", "String", "Binary", "Boolean"];
const operator = (name: string, arity: "Binary" | "Unary", supportedAttributeTypes: string[]) => ({
  name,
  arity,
  multivaluedComparisonType: "All",
  supportedAttributeTypes,
});

/** The scoping operators the engine evaluates (lib/demo-tenant/engine/scoping.ts), in Graph's shape. */
export const FILTER_OPERATORS = [
  operator("EQUALS", "Binary", ["Integer", "String"]),
  operator("NOT EQUALS", "Binary", ["Integer", "String"]),
  operator("ENDS WITH", "Binary", ["String"]),
  operator("INCLUDES", "Binary", ["String"]),
  operator("REGEX MATCH", "Binary", ["Integer", "String"]),
  operator("NOT REGEX MATCH", "Binary", ["Integer", "String"]),
  operator("GREATER THAN", "Binary", ["Integer"]),
  operator("GREATER THAN OR EQUALS", "Binary", ["Integer"]),
  operator("&", "Binary", ["Integer"]),
  operator("!&", "Binary", ["Integer"]),
  operator("IS TRUE", "Unary", ["Boolean"]),
  operator("IS FALSE", "Unary", ["Boolean"]),
  operator("IS NULL", "Unary", ALL_TYPES),
  operator("IS NOT NULL", "Unary", ALL_TYPES),
];
