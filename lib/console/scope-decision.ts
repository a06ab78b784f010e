import "server-only";
import type { ScopeDecision, ScopeFilterView } from "@/lib/api/contracts";
import { isGraphError, type GraphClient, type SourceValue } from "@/lib/graph";
import {
  evaluateScope,
  importedAttributesOf,
  scopeFactsOf,
  type EvaluatedFilter,
  type ObjectMappingInput,
  type ProvisioningReport,
  type ScopeGroupInput,
} from "@/lib/provisioning";

// Why a user is in or out of an application's scope, from Graph's data: the rule's scoping filter
// evaluated on the user's values, the assignment check (direct, or through a direct group), and the
// app's scope setting. The run's own Scoping step is the first witness; Graph fills the gaps.

type ScopeGraph = Pick<
  GraphClient,
  | "readSourceAttributes"
  | "listGroupsOf"
  | "listAppRoleAssignments"
  | "listAppAssignments"
  | "getSyncAllSetting"
>;

export interface ScopeQuestion {
  servicePrincipalId: string;
  userId: string | null;
  flavour: "app" | "cloudSync";
  objectMapping: ObjectMappingInput;
  report: ProvisioningReport;
}

function lookup(values: Readonly<Record<string, string>>, name: string): string | undefined {
  if (Object.hasOwn(values, name)) return values[name];
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(values)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function clauseAttributes(groups: readonly ScopeGroupInput[] | null | undefined): string[] {
  return (groups ?? []).flatMap((group) => (group.clauses ?? []).map((clause) => clause.sourceOperandName));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function decideScope(
  graph: ScopeGraph,
  question: ScopeQuestion,
  warnings: string[],
): Promise<ScopeDecision> {
  const { report, objectMapping, flavour } = question;
  const facts = scopeFactsOf(report);
  const imported = importedAttributesOf(report);
  const scope = objectMapping.scope ?? null;
  const attributes = [
    ...new Set([...clauseAttributes(scope?.groups), ...clauseAttributes(scope?.inputFilterGroups)]),
  ];

  // Values: what the run imported, then (for what it did not list) the user's attributes in Graph now.
  const fromImport = new Map<string, string>();
  for (const attribute of attributes) {
    const value = lookup(imported, attribute);
    if (value !== undefined) fromImport.set(attribute, value);
  }
  const missing = attributes.filter((a) => !fromImport.has(a));
  const wanted = flavour === "app" && question.userId ? [...missing, "accountEnabled"] : [];
  let fromGraph: Record<string, SourceValue> = {};
  if (wanted.length > 0 && question.userId) {
    try {
      fromGraph = (await graph.readSourceAttributes(question.userId, wanted)).values;
    } catch (error) {
      warnings.push(
        isGraphError(error) && error.status === 404
          ? "The user is not in the directory now (deleted, or in the deleted users): only the run's own values are shown."
          : `The user's current attributes could not be read from Microsoft Graph: ${messageOf(error)}`,
      );
    }
  }
  const read = (attribute: string): SourceValue => fromImport.get(attribute) ?? fromGraph[attribute] ?? null;
  const evaluation = evaluateScope(scope, read);
  const view = (filter: EvaluatedFilter): ScopeFilterView => ({
    name: filter.name,
    held: filter.held,
    clauses: filter.clauses.map((clause) => ({
      ...clause,
      value:
        clause.value === null ? null : typeof clause.value === "string" ? clause.value : [...clause.value],
      valueFrom: fromImport.has(clause.attribute)
        ? "import"
        : Object.hasOwn(fromGraph, clause.attribute)
          ? "graph"
          : "none",
    })),
  });
  const unreadable = objectMapping.scopeUnreadable === true;
  const hasFilter = evaluation.filters.length > 0 || evaluation.inputFilters.length > 0;
  const ownInScope = unreadable ? null : evaluation.inScope;
  const graphActive = fromGraph.accountEnabled;

  return {
    flavour,
    objectMappingName: objectMapping.name ?? null,
    filtersIgnoredOnDemand: flavour === "cloudSync",
    active:
      facts?.isActive !== null && facts?.isActive !== undefined
        ? { value: facts.isActive, from: "run" }
        : typeof graphActive === "string"
          ? { value: graphActive === "True", from: "graph" }
          : { value: null, from: null },
    assignment: flavour === "app" ? await checkAssignment(graph, question, facts, warnings) : null,
    filters: {
      hasFilter: hasFilter || unreadable,
      unreadable,
      inScope: ownInScope,
      groups: evaluation.filters.map(view),
      inputGroups: evaluation.inputFilters.map(view),
      unknownOperators: evaluation.unknownOperators,
    },
    agreesWithRun:
      ownInScope === null ||
      facts?.inScope === null ||
      facts?.inScope === undefined ||
      flavour === "cloudSync"
        ? null
        : ownInScope === facts.inScope,
  };
}

async function checkAssignment(
  graph: ScopeGraph,
  question: ScopeQuestion,
  facts: ReturnType<typeof scopeFactsOf>,
  warnings: string[],
): Promise<NonNullable<ScopeDecision["assignment"]>> {
  const { servicePrincipalId, userId } = question;
  // The run is the better witness of the setting: not assigned yet entitled can only be "sync all".
  const runShowsSyncAll = facts?.assigned === false && facts.entitled === true;
  const [syncAll, direct] = await Promise.all([
    runShowsSyncAll ? Promise.resolve(true) : graph.getSyncAllSetting(servicePrincipalId),
    userId ? directAssignment(graph, servicePrincipalId, userId, warnings) : Promise.resolve(null),
  ]);
  // Groups matter only when the user is not assigned directly; the app's assignments can be many.
  const viaGroups =
    userId && direct !== true ? await groupAssignments(graph, servicePrincipalId, userId, warnings) : null;
  const setting = syncAll === true ? "syncAll" : syncAll === false ? "syncAssigned" : "unknown";
  const assigned =
    direct === null && viaGroups === null
      ? (facts?.assigned ?? null)
      : direct === true || (viaGroups?.length ?? 0) > 0;
  return {
    setting,
    settingFrom: runShowsSyncAll ? "run" : syncAll === null ? null : "settings",
    direct,
    viaGroups: viaGroups ?? [],
    holds: setting === "syncAll" ? true : assigned,
  };
}

async function directAssignment(
  graph: ScopeGraph,
  spId: string,
  userId: string,
  warnings: string[],
): Promise<boolean | null> {
  try {
    const assignments = await graph.listAppRoleAssignments({ kind: "user", id: userId });
    if (assignments.items.some((a) => a.resourceId.toLowerCase() === spId.toLowerCase())) return true;
    if (assignments.truncated) {
      warnings.push(
        "The user has more app role assignments than the console reads; a direct assignment may be missed.",
      );
      return null;
    }
    return false;
  } catch (error) {
    if (!(isGraphError(error) && error.status === 404))
      warnings.push(`The user's own assignments could not be read: ${messageOf(error)}`);
    return null;
  }
}

async function groupAssignments(
  graph: ScopeGraph,
  spId: string,
  userId: string,
  warnings: string[],
): Promise<{ id: string; displayName: string | null }[] | null> {
  try {
    const [groups, assignments] = await Promise.all([
      graph.listGroupsOf(userId, "direct"),
      graph.listAppAssignments(spId),
    ]);
    const assigned = new Set(
      assignments.items
        .filter((a) => a.principalType?.toLowerCase() === "group" && a.principalId)
        .map((a) => a.principalId!.toLowerCase()),
    );
    if (assignments.truncated)
      warnings.push(
        "The application has more assignments than the console reads; a group assignment may be missed.",
      );
    if (groups.truncated)
      warnings.push("The user is in more groups than the console reads; a group assignment may be missed.");
    return groups.items
      .filter((group) => assigned.has(group.id.toLowerCase()))
      .map((group) => ({ id: group.id, displayName: group.displayName ?? null }));
  } catch (error) {
    if (!(isGraphError(error) && error.status === 404))
      warnings.push(
        `The user's groups or the application's group assignments could not be read: ${messageOf(error)}`,
      );
    return null;
  }
}
