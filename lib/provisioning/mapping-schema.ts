// The parts of a synchronization schema the explanations read, as loose structural types: Graph's
// JSON fits them (lib/graph checks it), and so does anything built by hand in a test.

/** attributeMappingSource: an Attribute, a Constant or a Function with parameters. */
export interface MappingSource {
  expression?: string | null;
  name?: string | null;
  type?: string | null;
  parameters?: readonly ({ key?: string | null; value?: MappingSource | null } | null)[] | null;
}

export interface AttributeMappingInput {
  targetAttributeName: string;
  source?: MappingSource | null;
  defaultValue?: string | null;
  flowType?: string | null;
  flowBehavior?: string | null;
  matchingPriority?: number | null;
}

export interface ScopeClauseInput {
  operatorName: string;
  sourceOperandName: string;
  targetOperand?: { values?: readonly string[] | null } | null;
}

export interface ScopeGroupInput {
  name?: string | null;
  clauses?: readonly ScopeClauseInput[] | null;
}

export interface ScopingFilterInput {
  groups?: readonly ScopeGroupInput[] | null;
  inputFilterGroups?: readonly ScopeGroupInput[] | null;
}

export interface ObjectMappingInput {
  name?: string | null;
  enabled?: boolean | null;
  sourceObjectName?: string | null;
  targetObjectName?: string | null;
  flowTypes?: string | null;
  scope?: ScopingFilterInput | null;
  /** The schema has a scoping filter, but it could not be read: it must not be taken as "no filter". */
  scopeUnreadable?: boolean;
  attributeMappings?: readonly AttributeMappingInput[] | null;
}

export interface SynchronizationRuleInput {
  id: string;
  name?: string | null;
  sourceDirectoryName?: string | null;
  targetDirectoryName?: string | null;
  objectMappings?: readonly ObjectMappingInput[] | null;
}

/** The enabled object mapping of a rule for a source object type, matched in any case ("User", AD's "user"). */
export function objectMappingOf(
  rule: SynchronizationRuleInput,
  sourceObjectName: string,
): ObjectMappingInput | null {
  const wanted = sourceObjectName.trim().toLowerCase();
  return (
    (rule.objectMappings ?? []).find(
      (mapping) => mapping.enabled !== false && mapping.sourceObjectName?.trim().toLowerCase() === wanted,
    ) ?? null
  );
}
