import "server-only";

import type { AttributeMapping, ObjectMapping } from "../model";
import { AppObjectReport, type AppObjectRun } from "./app-report";
import type { AppSubject } from "./app-subjects";
import type { AppRun } from "./context";
import {
  decide,
  scopeVerdict,
  type Decision,
  type Deprovisioning,
  type FlowTypes,
  type ScopeVerdict,
} from "./decision";
import { evaluateEntitlement, type Entitlement } from "./entitlement";
import type { AttributeReader } from "./entra-source";
import { attributesUsedBy, ExpressionError } from "./expressions";
import { desiredAttributes, flowTypesOf, importedAttributes, objectMappingFor } from "./mapped-values";
import { resolveReferences } from "./references";
import {
  changesTo,
  newResource,
  targetAttributeKinds,
  type ResolvedAttribute,
  type ScimChange,
} from "./scim-changes";
import { ScimCallError } from "./scim-client";
import type { ScimResource } from "./scim-path";
import { findInTarget, matchersFor, type Matcher, type TargetMatch } from "./target-match";

export type { AppObjectRun } from "./app-report";

const RESOURCE_TYPE = { User: "Users", Group: "Groups" } as const;
const CORE_SCHEMA = {
  User: "urn:ietf:params:scim:schemas:core:2.0:User",
  Group: "urn:ietf:params:scim:schemas:core:2.0:Group",
} as const;
/** The source attributes Graph lists first and last in the Import step's details. */
const IMPORT_DETAILS_FRAME = {
  User: { leading: ["objectId", "accountEnabled"], trailing: ["appRoleAssignments"] },
  Group: { leading: ["objectId"], trailing: [] },
} as const;

/** How one subject's attributes flow through its object mapping. */
interface ObjectFlow {
  objectMapping: ObjectMapping;
  /** Every mapping but those that flow in a separate step (a group's members). */
  mappings: AttributeMapping[];
  /** The mappings that read IsSoftDeleted: how Entra disables an object in the target. */
  disablingMappings: AttributeMapping[];
  kinds: (name: string) => string;
  flowTypes: FlowTypes;
  deprovisioning: Deprovisioning;
}

/**
 * One object through Entra's app-provisioning pipeline: Import → Matching → Scoping → decide →
 * Export, reported in the order Graph reports the steps.
 */
export async function provisionAppObject(run: AppRun, subject: AppSubject): Promise<AppObjectRun> {
  const objectMapping = objectMappingFor(run.rule, subject.objectType);
  const report = new AppObjectReport(run, subject, objectMapping);
  if (!objectMapping) return report.noMapping();
  try {
    return await throughThePipeline(run, subject, objectFlow(run, subject, objectMapping), report);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return report.mappingNotEvaluated(error);
  }
}

async function throughThePipeline(
  run: AppRun,
  subject: AppSubject,
  flow: ObjectFlow,
  report: AppObjectReport,
): Promise<AppObjectRun> {
  const { imported, matchers } = importSource(subject, flow.objectMapping);
  const [primary] = matchers;
  if (primary && primary.value === null) return report.importSkipped(imported, primary.mapping);
  report.importSucceeded(imported);

  const match = await lookUp(run, subject, matchers);
  if (match instanceof ScimCallError) return report.lookupFailed(match);
  const matchedAt = report.timestamp();
  const entitlement = evaluateEntitlement(run.job, flow.objectMapping, subject, subject.read);
  if (match.kind === "duplicate") return report.duplicates(match, matchedAt);
  const target = match.kind === "found" ? match.resource : null;
  report.matched(target, entitlement, matchedAt);

  const verdict = scopeVerdict(entitlement.entitled, target !== null);
  report.scoped(entitlement, verdict);

  const differences =
    target === null ? null : changesTo(target, await wantedState(run, subject, flow, verdict));
  const decision = decide({
    entitled: entitlement.entitled,
    differences,
    flows: flow.flowTypes,
    deprovisioning: flow.deprovisioning,
  });
  return exportDecision(run, subject, flow, { decision, target, entitlement }, report);
}

function objectFlow(run: AppRun, subject: AppSubject, objectMapping: ObjectMapping): ObjectFlow {
  const mappings = objectMapping.attributeMappings.filter(
    (m) => !subject.separateTargetAttributes.includes(m.targetAttributeName),
  );
  const disablingMappings = mappings.filter(
    (m) => m.source && attributesUsedBy(m.source).some((a) => a.toLowerCase() === "issoftdeleted"),
  );
  return {
    objectMapping,
    mappings,
    disablingMappings,
    kinds: targetAttributeKinds(run.job, run.rule, objectMapping),
    flowTypes: flowTypesOf(objectMapping),
    deprovisioning: deprovisioningOf(subject, disablingMappings),
  };
}

/**
 * Users are disabled through the mappings that read IsSoftDeleted, and left alone without one, as
 * Microsoft documents. A SCIM group has nothing to disable: Entra deletes it once out of scope.
 */
function deprovisioningOf(subject: AppSubject, disablingMappings: AttributeMapping[]): Deprovisioning {
  if (disablingMappings.length > 0) return "Disable";
  return subject.objectType === "Group" ? "Delete" : null;
}

function importSource(
  subject: AppSubject,
  objectMapping: ObjectMapping,
): { imported: Record<string, string>; matchers: Matcher[] } {
  const { leading, trailing } = IMPORT_DETAILS_FRAME[subject.objectType];
  return {
    imported: importedAttributes(objectMapping, subject.read, [...leading], [...trailing]),
    matchers: matchersFor(objectMapping, subject.read),
  };
}

async function lookUp(
  run: AppRun,
  subject: AppSubject,
  matchers: Matcher[],
): Promise<TargetMatch | ScimCallError> {
  try {
    return await findInTarget(run.scim, RESOURCE_TYPE[subject.objectType], matchers);
  } catch (error) {
    if (error instanceof ScimCallError) return error;
    throw error;
  }
}

/**
 * What the target should hold for an object it already has: the mapped values while in scope; once
 * out of scope, what the mappings that read IsSoftDeleted give for a deleted object.
 */
async function wantedState(
  run: AppRun,
  subject: AppSubject,
  flow: ObjectFlow,
  verdict: ScopeVerdict,
): Promise<ResolvedAttribute[]> {
  if (verdict === "Provision")
    return resolveReferences(run, desiredAttributes(flow.mappings, subject.read, false), flow.kinds);
  const deletedRead: AttributeReader = (attribute) =>
    attribute.toLowerCase() === "issoftdeleted" ? "True" : subject.read(attribute);
  return resolveReferences(run, desiredAttributes(flow.disablingMappings, deletedRead, false), flow.kinds);
}

interface Decided {
  decision: Decision<ScimChange>;
  target: ScimResource | null;
  entitlement: Entitlement;
}

async function exportDecision(
  run: AppRun,
  subject: AppSubject,
  flow: ObjectFlow,
  { decision, target, entitlement }: Decided,
  report: AppObjectReport,
): Promise<AppObjectRun> {
  switch (decision.action) {
    case "Skip":
      return report.skipped(decision.cause, entitlement);
    case "Create":
      return createInTarget(run, subject, flow, report);
    case "Update":
    case "Disable": {
      report.sending(decision.changes.map((c) => c.property));
      const failure = await patchTarget(run, subject, target!, decision.changes);
      if (failure) return report.exportFailed(decision.action, failure);
      return decision.action === "Update" ? report.updated() : report.disabled(entitlement);
    }
    case "Delete": {
      const failure = await deleteFromTarget(run, subject, target!);
      return failure ? report.exportFailed("Delete", failure) : report.deleted(entitlement);
    }
  }
}

async function createInTarget(
  run: AppRun,
  subject: AppSubject,
  flow: ObjectFlow,
  report: AppObjectReport,
): Promise<AppObjectRun> {
  const attributes = await resolveReferences(
    run,
    desiredAttributes(flow.mappings, subject.read, true),
    flow.kinds,
  );
  const { resource, modified } = newResource([CORE_SCHEMA[subject.objectType]], attributes);
  report.sending(modified);
  try {
    const created = await run.scim.create(RESOURCE_TYPE[subject.objectType], resource);
    return report.created(String(created.id));
  } catch (error) {
    if (!(error instanceof ScimCallError)) throw error;
    return report.exportFailed("Create", error);
  }
}

/** Sends the changes as one PATCH; answers the target's refusal, if any. */
async function patchTarget(
  run: AppRun,
  subject: AppSubject,
  target: ScimResource,
  changes: ScimChange[],
): Promise<ScimCallError | null> {
  try {
    await run.scim.patch(
      RESOURCE_TYPE[subject.objectType],
      String(target.id),
      changes.map((c) => c.operation),
    );
    return null;
  } catch (error) {
    if (error instanceof ScimCallError) return error;
    throw error;
  }
}

async function deleteFromTarget(
  run: AppRun,
  subject: AppSubject,
  target: ScimResource,
): Promise<ScimCallError | null> {
  try {
    await run.scim.delete(RESOURCE_TYPE[subject.objectType], String(target.id));
    return null;
  } catch (error) {
    if (error instanceof ScimCallError) return error;
    throw error;
  }
}
