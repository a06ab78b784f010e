import "server-only";
import { z } from "zod";
import type {
  AttributeMappingInput,
  MappingSource,
  ObjectMappingInput,
  ScopeGroupInput,
  SynchronizationRuleInput,
} from "@/lib/provisioning";
import type { GraphReader } from "./graph-reader";
import { readAnswer } from "./graph-reader";
import { graphPath, type GraphTransport } from "./graph-transport";
import { requireId } from "./query-input";

// A job's schema as the explanations read it (mappings and scoping filters), and the schema's tools:
// parseExpression, functions and filterOperators. Each answer is checked loosely: a part the console
// does not need, or cannot read, is left out rather than failing the whole answer.

const text = z.string().nullish();

const sourceSchema: z.ZodType<MappingSource> = z.lazy(() =>
  z.looseObject({
    expression: text,
    name: text,
    type: text,
    parameters: z
      .array(z.looseObject({ key: text, value: sourceSchema.nullish() }).nullable())
      .nullish()
      .catch(null),
  }),
);

const clauseSchema = z.looseObject({
  operatorName: z.string(),
  sourceOperandName: z.string(),
  targetOperand: z.looseObject({ values: z.array(z.string()).nullish() }).nullish(),
});
const groupsSchema = z
  .array(z.looseObject({ name: text, clauses: z.array(clauseSchema).nullish() }))
  .nullish();
const scopeSchema = z.looseObject({ groups: groupsSchema, inputFilterGroups: groupsSchema });
/** A scoping filter with a clause the console cannot read is not evaluated at all, rather than half. */
const UNREADABLE = "unreadable" as const;

const attributeMappingSchema = z.looseObject({
  targetAttributeName: z.string(),
  source: sourceSchema.nullish().catch(null),
  defaultValue: text,
  flowType: text,
  flowBehavior: text,
  matchingPriority: z.number().nullish().catch(null),
});

const objectMappingSchema = z.looseObject({
  name: text,
  enabled: z.boolean().nullish(),
  sourceObjectName: text,
  targetObjectName: text,
  flowTypes: text,
  scope: z.unknown().transform((value) => {
    if (value === null || value === undefined) return null;
    const parsed = scopeSchema.safeParse(value);
    return parsed.success ? parsed.data : UNREADABLE;
  }),
  attributeMappings: z
    .array(z.unknown())
    .nullish()
    .transform((items) =>
      (items ?? []).flatMap((item) => {
        const parsed = attributeMappingSchema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
});

const schemaWithMappings = z.looseObject({
  synchronizationRules: z
    .array(
      z.looseObject({
        id: text,
        name: text,
        sourceDirectoryName: text,
        targetDirectoryName: text,
        objectMappings: z.array(objectMappingSchema).nullish().catch(null),
      }),
    )
    .nullish(),
});

function scopeGroups(groups: z.infer<typeof groupsSchema>): ScopeGroupInput[] {
  return (groups ?? []).map((group) => ({
    name: group.name ?? null,
    clauses: (group.clauses ?? []).map((clause) => ({
      operatorName: clause.operatorName,
      sourceOperandName: clause.sourceOperandName,
      targetOperand: { values: clause.targetOperand?.values ?? [] },
    })),
  }));
}

function ruleInputs(schema: z.infer<typeof schemaWithMappings>): SynchronizationRuleInput[] {
  return (schema.synchronizationRules ?? []).flatMap((rule) =>
    rule.id
      ? [
          {
            id: rule.id,
            name: rule.name ?? null,
            sourceDirectoryName: rule.sourceDirectoryName ?? null,
            targetDirectoryName: rule.targetDirectoryName ?? null,
            objectMappings: (rule.objectMappings ?? []).map(
              (mapping): ObjectMappingInput => ({
                name: mapping.name ?? null,
                enabled: mapping.enabled ?? null,
                sourceObjectName: mapping.sourceObjectName ?? null,
                targetObjectName: mapping.targetObjectName ?? null,
                flowTypes: mapping.flowTypes ?? null,
                scope:
                  mapping.scope && mapping.scope !== UNREADABLE
                    ? {
                        groups: scopeGroups(mapping.scope.groups),
                        inputFilterGroups: scopeGroups(mapping.scope.inputFilterGroups),
                      }
                    : null,
                scopeUnreadable: mapping.scope === UNREADABLE,
                attributeMappings: mapping.attributeMappings as AttributeMappingInput[],
              }),
            ),
          },
        ]
      : [],
  );
}

export const parseExpressionAnswerSchema = z.looseObject({
  error: z.looseObject({ code: text, message: text }).nullish(),
  evaluationSucceeded: z.boolean().nullish(),
  evaluationResult: z.array(z.string().nullable()).nullish(),
  parsedExpression: sourceSchema.nullish().catch(null),
  parsingSucceeded: z.boolean().nullish(),
});
export type ParseExpressionAnswer = z.infer<typeof parseExpressionAnswerSchema> & {
  requestId: string | null;
};

/** One property of parseExpression's test input: a string, or a list marked as a collection. */
export type TestInputProperty = { key: string; value: string | null } | { key: string; value: string[] };

const functionSchema = z.looseObject({
  name: text,
  id: text,
  parameters: z
    .array(
      z.looseObject({
        name: text,
        type: text,
        required: z.boolean().nullish(),
        allowMultipleOccurrences: z.boolean().nullish(),
      }),
    )
    .nullish()
    .catch(null),
});

export interface ExpressionFunction {
  name: string;
  parameters: { name: string; required: boolean; repeats: boolean }[];
}

const secretsSchema = z.looseObject({
  value: z.array(z.looseObject({ key: text, value: text })).nullish(),
});

export function createSchemaTools(transport: GraphTransport, reader: GraphReader, readTimeoutMs: number) {
  const schemaPath = (spId: string, jobId: string, ...rest: string[]) =>
    graphPath(
      "servicePrincipals",
      requireId(spId, "service principal id"),
      "synchronization",
      "jobs",
      requireId(jobId, "job id"),
      "schema",
      ...rest,
    );

  return {
    /** The job's rules with their object mappings, attribute mappings and scoping filters. */
    async getSchemaRules(
      spId: string,
      jobId: string,
      signal?: AbortSignal,
    ): Promise<SynchronizationRuleInput[]> {
      const schema = await reader.one(
        schemaWithMappings,
        `the schema of job ${jobId}`,
        schemaPath(spId, jobId),
        {
          signal,
        },
      );
      return ruleInputs(schema);
    },

    /** Parses, and with test input evaluates, an expression; nothing is written anywhere. */
    async parseExpression(
      spId: string,
      jobId: string,
      expression: string,
      testInput: TestInputProperty[] | null,
      signal?: AbortSignal,
    ): Promise<ParseExpressionAnswer> {
      const properties = testInput?.map((property) =>
        Array.isArray(property.value)
          ? { key: property.key, "value@odata.type": "#Collection(String)", value: property.value }
          : property,
      );
      const answer = await transport.call({
        method: "POST",
        target: schemaPath(spId, jobId, "parseExpression"),
        body: {
          expression,
          targetAttributeDefinition: null,
          testInputObject: properties ? { definition: null, properties } : null,
        },
        timeoutMs: readTimeoutMs,
        timeoutName: "read timeout",
        signal,
        // Parsing writes nothing, so sending it twice is harmless.
        idempotent: true,
      });
      return {
        ...readAnswer(answer, parseExpressionAnswerSchema, "parseExpression"),
        requestId: answer.requestId,
      };
    },

    /** The functions the job's expressions may use, for completion. */
    async listExpressionFunctions(
      spId: string,
      jobId: string,
      signal?: AbortSignal,
    ): Promise<ExpressionFunction[]> {
      const page = await reader.page(
        functionSchema,
        `the functions of job ${jobId}`,
        schemaPath(spId, jobId, "functions"),
        {
          signal,
        },
      );
      return page.items.flatMap((fn) => {
        const name = fn.name ?? fn.id;
        if (!name) return [];
        return [
          {
            name,
            parameters: (fn.parameters ?? []).map((p) => ({
              name: p.name ?? "value",
              required: p.required ?? false,
              repeats: p.allowMultipleOccurrences ?? false,
            })),
          },
        ];
      });
    },

    /**
     * The app's scope setting: true for "Sync all users and groups", false for "Sync only assigned",
     * null when it cannot be read. Only SyncAll is kept; no other secret leaves this function.
     */
    async getSyncAllSetting(spId: string, signal?: AbortSignal): Promise<boolean | null> {
      try {
        const secrets = await reader.one(
          secretsSchema,
          `the provisioning settings of service principal ${spId}`,
          graphPath(
            "servicePrincipals",
            requireId(spId, "service principal id"),
            "synchronization",
            "secrets",
          ),
          { signal },
        );
        const syncAll = secrets.value?.find((pair) => pair.key?.toLowerCase() === "syncall")?.value;
        const flag = syncAll?.trim().toLowerCase();
        return flag === "true" ? true : flag === "false" ? false : null;
      } catch {
        return null;
      }
    },
  };
}
