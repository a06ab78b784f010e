import "server-only";

import type { ObjectMapping } from "../model";
import { ENTRA_SYSTEM_NAME, type AppRun } from "./context";
import { decide, scopeVerdict, SKIP_REASON, type SkipCause } from "./decision";
import { evaluateEntitlement, scopingDetails, type Entitlement } from "./entitlement";
import { entraUserReader, type AttributeReader } from "./entra-source";
import { attributesUsedBy, ExpressionError } from "./expressions";
import {
  desiredAttributes,
  flowTypesOf,
  importedAttributes,
  mappingValue,
  matchingMappings,
  objectMappingFor,
  type DesiredAttribute,
} from "./mapped-values";
import {
  failure,
  ReportBuilder,
  skipped,
  success,
  type ModifiedProperty,
  type ProvisioningAction,
  type ProvisioningOutcome,
  type ProvisioningReport,
} from "./report";
import {
  changesTo,
  matchedDetails,
  newResource,
  targetAttributeKinds,
  type ResolvedAttribute,
  type ScimChange,
} from "./scim-changes";
import { ScimCallError, type ScimPatchOperation } from "./scim-client";
import type { ScimResource } from "./scim-path";
import { findInTarget, type TargetMatch } from "./target-match";

/** A source object (Entra user or group) as the app flow needs it. */
export interface AppSubject {
  objectType: "User" | "Group";
  sourceId: string;
  reportableIdentifier: string;
  displayName: string;
  read: AttributeReader;
  /** accountEnabled and not soft-deleted (always true for groups). */
  isActive: boolean;
  /** Assigned to the app directly, or (users) through a group they are a direct member of. */
  assigned: boolean;
  /** Target attributes that flow separately (a group's members). */
  separateTargetAttributes: string[];
}

export interface AppObjectRun {
  report: ProvisioningReport;
  /** The object's id in the app after the run, when it exists there. */
  targetId: string | null;
}

const RESOURCE_TYPE = { User: "Users", Group: "Groups" } as const;
const CORE_SCHEMA = {
  User: "urn:ietf:params:scim:schemas:core:2.0:User",
  Group: "urn:ietf:params:scim:schemas:core:2.0:Group",
} as const;

/**
 * One object through Entra's app-provisioning pipeline: Import → Matching → Scoping → Export
 * (create, update, disable, or skip), reported in the order Graph reports the steps.
 */
export async function provisionAppObject(run: AppRun, subject: AppSubject): Promise<AppObjectRun> {
  const builder = new ReportBuilder(run.env.now);
  const changeId = run.env.newId();
  const system = run.systemName;
  const { objectType, reportableIdentifier: name } = subject;
  const objectMapping = objectMappingFor(run.rule, objectType);
  let targetId: string | null = null;
  let modified: ModifiedProperty[] = [];

  const finish = (action: ProvisioningAction, outcome: ProvisioningOutcome): AppObjectRun => ({
    targetId,
    report: builder.finish({
      action,
      changeId,
      modifiedProperties: modified,
      reportableIdentifier: name,
      outcome,
      sourceIdentity: { id: subject.sourceId, type: objectType, displayName: subject.displayName },
      targetIdentity: {
        id: targetId,
        type: objectMapping?.targetObjectName ?? objectType,
        displayName: null,
      },
      sourceSystem: ENTRA_SYSTEM_NAME,
      targetSystem: system,
    }),
  });

  const failed = (
    step: { name: string; type: "Matching" | "Export"; description: string },
    error: unknown,
    action: ProvisioningAction,
  ) => {
    const callError = asCallError(error);
    builder.step({ ...step, status: "Failure", details: failureDetails(callError) });
    return finish(
      action,
      failure(callError.errorCode, failureReason(callError, system), callError.recommendedAction),
    );
  };

  if (!objectMapping) {
    builder.step({
      name: "EntryImport",
      type: "Import",
      status: "Skipped",
      description: `${objectType} '${name}' was not imported: the rule has no enabled mapping for ${objectType} objects`,
      details: {},
    });
    return finish(
      "Other",
      skipped(
        "EntrySynchronizationSkipped",
        `The synchronization rule has no enabled mapping for ${objectType} objects.`,
      ),
    );
  }

  try {
    return await pipeline(objectMapping);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    builder.step({
      name: "EntryImport",
      type: "Import",
      status: "Failure",
      description: `An attribute mapping for ${objectType} '${name}' could not be evaluated`,
      details: { ErrorMessage: error.message },
    });
    return finish(
      "Other",
      failure(
        "InvalidMappingExpression",
        `An attribute mapping could not be evaluated: ${error.message}`,
        "Fix the expression of the attribute mapping named in the message.",
        "ServiceFailure",
      ),
    );
  }

  async function pipeline(objectMapping: ObjectMapping): Promise<AppObjectRun> {
    // Import
    const imported =
      objectType === "User"
        ? importedAttributes(
            objectMapping,
            subject.read,
            ["objectId", "accountEnabled"],
            ["appRoleAssignments"],
          )
        : importedAttributes(objectMapping, subject.read, ["objectId"], []);
    const sourceAsProperties = (): ModifiedProperty[] =>
      Object.entries(imported).map(([displayName, newValue]) => ({ displayName, oldValue: null, newValue }));
    const matchers = matchingMappings(objectMapping).map((mapping) => ({
      mapping,
      value: mappingValue(mapping, subject.read),
    }));
    const primary = matchers[0];
    if (primary && primary.value === null) {
      const sourceNames = primary.mapping.source
        ? attributesUsedBy(primary.mapping.source).join(", ")
        : "(none)";
      builder.step({
        name: "EntryImport",
        type: "Import",
        status: "Skipped",
        description: `${objectType} '${name}' from ${ENTRA_SYSTEM_NAME} has no value for the matching attribute '${primary.mapping.targetAttributeName}' (from ${sourceNames}), so it was not imported`,
        details: { ...imported, SkipReason: "ImportSkipped" },
      });
      modified = sourceAsProperties();
      return finish(
        "Other",
        skipped(
          "ImportSkipped",
          `The ${objectType.toLowerCase()} has no value for the matching attribute '${primary.mapping.targetAttributeName}'; objects without one cannot be matched and are not imported.`,
        ),
      );
    }
    builder.step({
      name: "EntryImport",
      type: "Import",
      status: "Success",
      description: `Retrieved ${objectType} '${name}' from ${ENTRA_SYSTEM_NAME}`,
      details: imported,
    });

    // Matching (reported before Scoping, as Graph does; its wording depends on the scope)
    let match: TargetMatch;
    try {
      match = await findInTarget(run.scim, RESOURCE_TYPE[objectType], matchers);
    } catch (error) {
      return failed(
        {
          name: "EntryImport",
          type: "Matching",
          description: `Failed to look up ${objectType} '${name}' in ${system}`,
        },
        error,
        "Other",
      );
    }
    const matchTime = builder.timestamp();
    const entitlement = evaluateEntitlement(run.job, objectMapping, subject, subject.read);

    if (match.kind === "duplicate") {
      builder.step({
        name: "EntryImport",
        type: "Matching",
        status: "Failure",
        timestamp: matchTime,
        description: `Found ${match.resources.length} ${objectType}s in ${system} that match '${name}' (${match.filter})`,
        details: {
          MatchingFilter: match.filter,
          MatchCount: String(match.resources.length),
          TargetIds: match.resources.map((r) => String(r.id)).join(", "),
        },
      });
      modified = sourceAsProperties();
      return finish(
        "Other",
        failure(
          "DuplicateTargetEntries",
          `More than one ${objectType} in ${system} matches ${match.filter}, so the engine cannot tell which one to update.`,
          `Remove the duplicate ${objectType.toLowerCase()}s in ${system}, or choose a matching attribute whose values are unique there.`,
        ),
      );
    }
    const mappedTargetNames = objectMapping.attributeMappings
      .map((m) => m.targetAttributeName)
      .filter((n) => !subject.separateTargetAttributes.includes(n));
    builder.step({
      ...matchingStep(match, subject, entitlement, run, mappedTargetNames),
      timestamp: matchTime,
    });
    if (match.kind === "found") targetId = String(match.resource.id);

    // Scoping
    const verdict = scopeVerdict(entitlement.entitled, match.kind === "found");
    builder.step({
      name: "EntrySynchronizationScoping",
      type: "Scoping",
      status: verdict === "OutOfScope" ? "Skipped" : "Success",
      description: `Determine if ${objectType} in scope by evaluating against each scoping filter`,
      details:
        verdict === "OutOfScope"
          ? { ...scopingDetails(entitlement), SkipReason: SKIP_REASON.OutOfScope }
          : scopingDetails(entitlement),
    });

    // Decide
    const flows = flowTypesOf(objectMapping);
    const kinds = targetAttributeKinds(run.job, run.rule, objectMapping);
    const flowing = objectMapping.attributeMappings.filter(
      (m) => !subject.separateTargetAttributes.includes(m.targetAttributeName),
    );
    const softDeleteMappings = flowing.filter(
      (m) => m.source && attributesUsedBy(m.source).some((a) => a.toLowerCase() === "issoftdeleted"),
    );
    const target = match.kind === "found" ? match.resource : null;
    const wanted = async (): Promise<ResolvedAttribute[]> => {
      if (verdict === "Provision")
        return resolve(run, desiredAttributes(flowing, subject.read, false), kinds);
      const deletedRead: AttributeReader = (attribute) =>
        attribute.toLowerCase() === "issoftdeleted" ? "True" : subject.read(attribute);
      return resolve(run, desiredAttributes(softDeleteMappings, deletedRead, false), kinds);
    };
    const decision = decide({
      entitled: entitlement.entitled,
      differences: target === null ? null : changesTo(target, await wanted()),
      flows,
      canDisable: softDeleteMappings.length > 0,
    });

    // Export
    const notEntitledMessage = `The ${objectType.toLowerCase()} is not effectively entitled for provisioning: ${entitlement.reasons.join("; ")}.`;
    const skipExport = (errorCode: string, message: string, description: string) => {
      builder.step({
        name: "EntrySynchronizationSkip",
        type: "Export",
        status: "Skipped",
        description,
        details: { SkipReason: errorCode },
      });
      if (modified.length === 0) modified = sourceAsProperties();
      return finish("Other", skipped(errorCode, message));
    };
    switch (decision.action) {
      case "Skip":
        return skipFor(decision.cause);
      case "Create":
        return createInTarget();
      case "Update":
      case "Disable":
        modified = decision.changes.map((c) => c.property);
        return patchTarget(decision.action, target!, decision.changes);
    }

    function skipFor(cause: SkipCause): AppObjectRun {
      const reason = SKIP_REASON[cause];
      switch (cause) {
        case "OutOfScope":
          modified = sourceAsProperties();
          return finish("Other", skipped(reason, notEntitledMessage));
        case "AlreadyInSync":
          return skipExport(
            reason,
            `The state of the ${objectType.toLowerCase()} in both the source and target systems already match.`,
            `The state of the ${objectType.toLowerCase()} in both the source and target systems already match. No change to the ${objectType} '${name}' currently needs to be made.`,
          );
        case "CreateTurnedOff":
          return skipExport(
            reason,
            `Creating ${objectType.toLowerCase()}s is turned off for this mapping.`,
            `${objectType} '${name}' was not created in ${system}: the mapping does not allow creating objects`,
          );
        case "UpdateTurnedOff":
          return skipExport(
            reason,
            `Updating ${objectType.toLowerCase()}s is turned off for this mapping.`,
            `${objectType} '${name}' was not updated in ${system}: the mapping does not allow updates`,
          );
        case "DeletesTurnedOff":
        case "NoSoftDeleteMapping": {
          const why =
            cause === "DeletesTurnedOff"
              ? "the mapping does not allow deletes"
              : "no attribute mapping reads IsSoftDeleted";
          return skipExport(
            reason,
            `${notEntitledMessage} It is left as it is in ${system} because ${why}.`,
            `${objectType} '${name}' is out of scope but was left as it is in ${system}: ${why}`,
          );
        }
      }
    }

    async function createInTarget(): Promise<AppObjectRun> {
      const attributes = await resolve(run, desiredAttributes(flowing, subject.read, true), kinds);
      const { resource, modified: sent } = newResource([CORE_SCHEMA[objectType]], attributes);
      modified = sent;
      try {
        const created = await run.scim.create(RESOURCE_TYPE[objectType], resource);
        targetId = String(created.id);
      } catch (error) {
        return failed(
          {
            name: "EntryExportAdd",
            type: "Export",
            description: `Failed to create ${objectType} '${name}' in ${system}`,
          },
          error,
          "Create",
        );
      }
      builder.step({
        name: "EntryExportAdd",
        type: "Export",
        status: "Success",
        description: `${objectType} '${name}' was created in ${system}`,
        details: {},
      });
      return finish("Create", success());
    }

    async function patchTarget(
      action: "Update" | "Disable",
      target: ScimResource,
      changes: ScimChange[],
    ): Promise<AppObjectRun> {
      const verb = action === "Update" ? "update" : "disable";
      return exportPatch(
        run,
        builder,
        target,
        changes.map((c) => c.operation),
        objectType,
        () => finish(action, success()),
        (error) =>
          failed(
            {
              name: "EntryExportUpdate",
              type: "Export",
              description: `Failed to ${verb} ${objectType} '${name}' in ${system}`,
            },
            error,
            action,
          ),
        action === "Update"
          ? `${objectType} '${name}' was updated in ${system}`
          : `${objectType} '${name}' was disabled in ${system} (${entitlement.reasons.join("; ")})`,
      );
    }
  }
}

async function exportPatch(
  run: AppRun,
  builder: ReportBuilder,
  target: ScimResource,
  operations: ScimPatchOperation[],
  objectType: "User" | "Group",
  done: () => AppObjectRun,
  onError: (error: unknown) => AppObjectRun,
  description: string,
): Promise<AppObjectRun> {
  try {
    await run.scim.patch(RESOURCE_TYPE[objectType], String(target.id), operations);
  } catch (error) {
    return onError(error);
  }
  builder.step({ name: "EntryExportUpdate", type: "Export", status: "Success", description, details: {} });
  return done();
}

function matchingStep(
  match: Exclude<TargetMatch, { kind: "duplicate" }>,
  subject: AppSubject,
  entitlement: Entitlement,
  run: AppRun,
  mappedTargetNames: string[],
) {
  const { objectType, reportableIdentifier: name } = subject;
  const system = run.systemName;
  if (match.kind === "found") {
    // Graph leaves the object type out of this sentence, hence the double space.
    return {
      name: "EntryImport",
      type: "Matching" as const,
      status: "Success" as const,
      description: `Retrieved  '${name}' from ${system}`,
      details: matchedDetails(match.resource, mappedTargetNames),
    };
  }
  if (entitlement.entitled) {
    const why = run.job.syncAssignedOnly ? "is active and assigned" : "is active and in scope";
    return {
      name: "EntrySynchronizationAdd",
      type: "Matching" as const,
      status: "Success" as const,
      description: `${objectType} '${name}' will be created in ${system} (${objectType} ${why} in ${ENTRA_SYSTEM_NAME}, but no matching ${objectType} was found in ${system})`,
      details: {},
    };
  }
  return {
    name: "EntryImport",
    type: "Matching" as const,
    status: "Success" as const,
    description: `No matching ${objectType} was found in ${system} for '${name}'`,
    details: {},
  };
}

/** Turns reference values (a manager's object id) into the referenced object's id in the app. */
async function resolve(
  run: AppRun,
  desired: DesiredAttribute[],
  kinds: (name: string) => string,
): Promise<ResolvedAttribute[]> {
  const resolved: ResolvedAttribute[] = [];
  for (const attribute of desired) {
    const kind = kinds(attribute.targetAttributeName) as ResolvedAttribute["kind"];
    if (kind !== "Reference" || attribute.value === null) {
      resolved.push({ ...attribute, kind });
      continue;
    }
    const sourceId = Array.isArray(attribute.value) ? attribute.value[0] : attribute.value;
    resolved.push({
      ...attribute,
      kind,
      value: sourceId === undefined ? null : await targetIdOfUser(run, sourceId),
    });
  }
  return resolved;
}

/** A referenced user only resolves when it is already in the app (exportMissingReferences is off). */
async function targetIdOfUser(run: AppRun, userId: string): Promise<string | null> {
  const user = run.env.tenant.users.get(userId);
  const userMapping: ObjectMapping | undefined = objectMappingFor(run.rule, "User");
  if (!user || !userMapping) return null;
  const read = entraUserReader(run.env.tenant, run.servicePrincipal, user);
  const matchers = matchingMappings(userMapping).map((mapping) => ({
    mapping,
    value: mappingValue(mapping, read),
  }));
  try {
    const match = await findInTarget(run.scim, "Users", matchers);
    return match.kind === "found" ? String(match.resource.id) : null;
  } catch {
    return null;
  }
}

function asCallError(error: unknown): ScimCallError {
  if (error instanceof ScimCallError) return error;
  throw error;
}

function failureDetails(error: ScimCallError): Record<string, string> {
  const details: Record<string, string> = {
    ErrorCode: error.errorCode,
    Request: error.call,
    ErrorMessage: error.targetMessage,
  };
  if (error.status !== null) details.StatusCode = String(error.status);
  return details;
}

function failureReason(error: ScimCallError, system: string): string {
  if (error.status === null) return `The call ${error.call} to ${system} failed: ${error.targetMessage}`;
  return `${system} returned an error response with the HTTP status code ${error.status} to ${error.call}. Message from ${system}: ${error.targetMessage}`;
}
