import { z } from "zod";
import { list } from "./common";

// Why a run came out as it did: the members of a group run, the mapping behind each value, the
// scope decision, and the expression lab.

/** One member sent with a group run, as the directory and the history know it now. */
export const runMember = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  userPrincipalName: z.string().nullable(),
  /** False when the directory has no user with this id (any more). */
  found: z.boolean(),
  /** The newest run of this member on its own on the same job, if there is one. */
  latestRun: z
    .object({
      id: z.string(),
      createdAt: z.string(),
      outcome: z.string().nullable(),
      action: z.string().nullable(),
    })
    .nullable(),
});
export type RunMember = z.infer<typeof runMember>;
/** GET /api/runs/{id}/members */
export const runMembers = list(runMember);
export type RunMembers = z.infer<typeof runMembers>;

const nullableText = z.string().nullable();
const sourceValue = z.union([z.string(), z.array(z.string()), z.null()]);

/** One attribute mapping in words, with the values its sources had in the run's Import step. */
export const mappingFacts = z.object({
  targetAttributeName: z.string(),
  expression: nullableText,
  sourceType: z.enum(["Attribute", "Constant", "Function", "None"]),
  defaultValue: nullableText,
  flowType: z.string(),
  flow: z.string(),
  flowBehavior: nullableText,
  matchingPriority: z.number().nullable(),
  sources: z.array(z.object({ attribute: z.string(), value: nullableText, imported: z.boolean() })),
});
export type MappingFactsView = z.infer<typeof mappingFacts>;

export const propertyExplanation = z.object({
  property: z.string(),
  /** "target": a mapping writes it; "source": a skip's evaluated source value, read by these mappings. */
  role: z.enum(["target", "source"]),
  mappings: z.array(mappingFacts),
});
export type PropertyExplanationView = z.infer<typeof propertyExplanation>;

const scopeClause = z.object({
  attribute: z.string(),
  operator: z.string(),
  values: z.array(z.string()),
  value: sourceValue,
  /** Where the value comes from: the run's Import step, Microsoft Graph now, or nowhere. */
  valueFrom: z.enum(["import", "graph", "none"]),
  held: z.boolean(),
  note: nullableText,
});
const scopeFilter = z.object({ name: nullableText, held: z.boolean(), clauses: z.array(scopeClause) });
export type ScopeFilterView = z.infer<typeof scopeFilter>;

/** Why a user is in or out of scope: active, assigned, and each scoping filter, computed from Graph's data. */
export const scopeDecision = z.object({
  flavour: z.enum(["app", "cloudSync"]),
  objectMappingName: nullableText,
  /** Cloud Sync: provisioning on demand does not apply the scoping filters. */
  filtersIgnoredOnDemand: z.boolean(),
  active: z.object({ value: z.boolean().nullable(), from: z.enum(["run", "graph"]).nullable() }),
  /** Null for Cloud Sync, where assignment plays no part. */
  assignment: z
    .object({
      setting: z.enum(["syncAll", "syncAssigned", "unknown"]),
      settingFrom: z.enum(["settings", "run"]).nullable(),
      direct: z.boolean().nullable(),
      viaGroups: z.array(z.object({ id: z.string(), displayName: nullableText })),
      /** The assignment check passes (always under "sync all"). */
      holds: z.boolean().nullable(),
    })
    .nullable(),
  filters: z.object({
    hasFilter: z.boolean(),
    /** The schema has a scoping filter the console could not read. */
    unreadable: z.boolean(),
    inScope: z.boolean().nullable(),
    groups: z.array(scopeFilter),
    inputGroups: z.array(scopeFilter),
    unknownOperators: z.array(z.string()),
  }),
  /** The console's evaluation of the filters matches what the run's Scoping step says; null when either is unknown. */
  agreesWithRun: z.boolean().nullable(),
});
export type ScopeDecision = z.infer<typeof scopeDecision>;

/** GET /api/runs/{id}/explanation — one entry per report of the run's result, in order. */
export const runExplanation = z.object({
  appId: nullableText,
  rule: z.object({ id: z.string(), name: nullableText }).nullable(),
  reports: z.array(
    z.object({
      objectMappingName: nullableText,
      properties: z.array(propertyExplanation),
      scope: scopeDecision.nullable(),
    }),
  ),
  /** What could not be read or matched (the schema, the user, the assignments), in words. */
  warnings: z.array(z.string()),
});
export type RunExplanation = z.infer<typeof runExplanation>;

/** An attribute mapping the lab can start from. */
export const labMapping = z.object({
  ruleId: z.string(),
  ruleName: nullableText,
  objectMappingName: nullableText,
  sourceObjectName: nullableText,
  targetAttributeName: z.string(),
  expression: nullableText,
  defaultValue: nullableText,
  flow: z.string(),
});
export type LabMapping = z.infer<typeof labMapping>;

export const labFunction = z.object({
  name: z.string(),
  parameters: z.array(z.object({ name: z.string(), required: z.boolean(), repeats: z.boolean() })),
});
export type LabFunction = z.infer<typeof labFunction>;

/** GET /api/service-principals/{spId}/jobs/{jobId}/expression-lab */
export const expressionLabContext = z.object({
  mappings: z.array(labMapping),
  functions: z.array(labFunction),
  /** The rules' source directory, e.g. "Active Directory" for Cloud Sync, whose users Graph cannot read. */
  sourceDirectoryName: nullableText,
  warnings: z.array(z.string()),
});
export type ExpressionLabContext = z.infer<typeof expressionLabContext>;

const attributeName = z.string().trim().min(1).max(256);

/** POST /api/service-principals/{spId}/jobs/{jobId}/expression-lab/evaluate body. */
export const labEvaluationRequest = z.strictObject({
  expression: z
    .string()
    .trim()
    .min(1, "expression: write an expression to evaluate")
    .max(10_000, "expression: at most 10,000 characters"),
  /** Evaluate against this user's attributes as Graph has them now… */
  userId: z.string().trim().min(1).max(200).optional(),
  /** …or against what this run's Import step read. */
  runId: z.string().trim().min(1).max(100).optional(),
  /** Values typed in the lab, over the user's or the run's. */
  values: z.record(attributeName, z.string().max(10_000).nullable()).optional(),
});
export type LabEvaluationRequest = z.infer<typeof labEvaluationRequest>;

export const labEvaluation = z.object({
  /** The test input sent to parseExpression: each attribute the expression reads, and where its value came from. */
  input: z.array(
    z.object({ attribute: z.string(), value: sourceValue, from: z.enum(["graph", "run", "typed", "none"]) }),
  ),
  parsingSucceeded: z.boolean(),
  evaluationSucceeded: z.boolean(),
  result: z.array(z.string().nullable()).nullable(),
  /** Graph's parsed tree (attributeMappingSource). */
  parsedExpression: z.unknown().nullable(),
  error: z.object({ code: nullableText, message: nullableText }).nullable(),
  graphRequestId: nullableText,
  warnings: z.array(z.string()),
});
export type LabEvaluation = z.infer<typeof labEvaluation>;
