import "server-only";

import type { AttributeMapping, ObjectMapping } from "../model";
import type { AppSubject } from "./app-subjects";
import { ENTRA_SYSTEM_NAME, type AppRun } from "./context";
import { SKIP_REASON, type ScopeVerdict, type SkipCause } from "./decision";
import { scopingDetails, type Entitlement } from "./entitlement";
import { attributesUsedBy, type ExpressionError } from "./expressions";
import {
  failure,
  ReportBuilder,
  skipped,
  success,
  type ModifiedProperty,
  type ProvisioningAction,
  type ProvisioningOutcome,
  type ProvisioningReport,
  type ProvisioningStep,
} from "./report";
import { matchedDetails } from "./scim-changes";
import type { ScimCallError } from "./scim-client";
import type { ScimResource } from "./scim-path";
import type { TargetMatch } from "./target-match";

export interface AppObjectRun {
  report: ProvisioningReport;
  /** The object's id in the app after the run, when it exists there. */
  targetId: string | null;
  /** Whether the Scoping step found the object entitled for provisioning. */
  inScope: boolean;
}

type ExportAction = "Create" | "Update" | "Disable" | "Delete";

/** Graph's Export step for each action; a disable is the soft delete of Entra's provisioning events. */
const EXPORT_STEP: Record<ExportAction, { name: string; verb: string; done: string }> = {
  Create: { name: "EntryExportAdd", verb: "create", done: "created" },
  Update: { name: "EntryExportUpdate", verb: "update", done: "updated" },
  Disable: { name: "EntryExportUpdateSoftDelete", verb: "disable", done: "disabled" },
  Delete: { name: "EntryExportDelete", verb: "delete", done: "deleted" },
};

/**
 * The steps and outcome of one app-provisioning run, worded as Graph words them. Each stage of the
 * pipeline tells it what happened; the methods that end the run answer with the finished report.
 */
export class AppObjectReport {
  private readonly builder: ReportBuilder;
  private readonly changeId: string;
  private readonly type: AppSubject["objectType"];
  private readonly name: string;
  private readonly system: string;
  private targetId: string | null = null;
  private inScope = false;
  private modified: ModifiedProperty[] = [];
  private imported: Record<string, string> = {};

  constructor(
    private readonly run: AppRun,
    private readonly subject: AppSubject,
    private readonly objectMapping: ObjectMapping | undefined,
  ) {
    this.builder = new ReportBuilder(run.env.now);
    this.changeId = run.env.newId();
    this.type = subject.objectType;
    this.name = subject.reportableIdentifier;
    this.system = run.systemName;
  }

  /** Now, on the run's clock: for a step that is written later than it happened. */
  timestamp(): string {
    return this.builder.timestamp();
  }

  noMapping(): AppObjectRun {
    this.step("EntryImport", "Import", "Skipped", {
      description: `${this.type} '${this.name}' was not imported: the rule has no enabled mapping for ${this.type} objects`,
    });
    return this.finish(
      "Other",
      skipped(
        "EntrySynchronizationSkipped",
        `The synchronization rule has no enabled mapping for ${this.type} objects.`,
      ),
    );
  }

  mappingNotEvaluated(error: ExpressionError): AppObjectRun {
    this.step("EntryImport", "Import", "Failure", {
      description: `An attribute mapping for ${this.type} '${this.name}' could not be evaluated`,
      details: { ErrorMessage: error.message },
    });
    return this.finish(
      "Other",
      failure(
        "InvalidMappingExpression",
        `An attribute mapping could not be evaluated: ${error.message}`,
        "Fix the expression of the attribute mapping named in the message.",
        "ServiceFailure",
      ),
    );
  }

  // Import

  importSkipped(imported: Record<string, string>, matching: AttributeMapping): AppObjectRun {
    this.imported = imported;
    const sourceNames = matching.source ? attributesUsedBy(matching.source).join(", ") : "(none)";
    this.step("EntryImport", "Import", "Skipped", {
      description: `${this.type} '${this.name}' from ${ENTRA_SYSTEM_NAME} has no value for the matching attribute '${matching.targetAttributeName}' (from ${sourceNames}), so it was not imported`,
      details: { ...imported, SkipReason: "ImportSkipped" },
    });
    this.modified = this.sourceAsProperties();
    return this.finish(
      "Other",
      skipped(
        "ImportSkipped",
        `The ${this.lower()} has no value for the matching attribute '${matching.targetAttributeName}'; objects without one cannot be matched and are not imported.`,
      ),
    );
  }

  importSucceeded(imported: Record<string, string>): void {
    this.imported = imported;
    this.step("EntryImport", "Import", "Success", {
      description: `Retrieved ${this.type} '${this.name}' from ${ENTRA_SYSTEM_NAME}`,
      details: imported,
    });
  }

  // Matching

  lookupFailed(error: ScimCallError): AppObjectRun {
    return this.failed(
      "EntryImport",
      "Matching",
      `Failed to look up ${this.type} '${this.name}' in ${this.system}`,
      error,
      "Other",
    );
  }

  duplicates(match: Extract<TargetMatch, { kind: "duplicate" }>, at: string): AppObjectRun {
    this.step("EntryImport", "Matching", "Failure", {
      timestamp: at,
      description: `Found ${match.resources.length} ${this.type}s in ${this.system} that match '${this.name}' (${match.filter})`,
      details: {
        MatchingFilter: match.filter,
        MatchCount: String(match.resources.length),
        TargetIds: match.resources.map((r) => String(r.id)).join(", "),
      },
    });
    this.modified = this.sourceAsProperties();
    return this.finish(
      "Other",
      failure(
        "DuplicateTargetEntries",
        `More than one ${this.type} in ${this.system} matches ${match.filter}, so the engine cannot tell which one to update.`,
        `Remove the duplicate ${this.lower()}s in ${this.system}, or choose a matching attribute whose values are unique there.`,
      ),
    );
  }

  matched(target: ScimResource | null, entitlement: Entitlement, at: string): void {
    if (target !== null) {
      this.targetId = String(target.id);
      // Graph leaves the object type out of this sentence, hence the double space.
      this.step("EntryImport", "Matching", "Success", {
        timestamp: at,
        description: `Retrieved  '${this.name}' from ${this.system}`,
        details: matchedDetails(target, this.mappedTargetNames()),
      });
    } else if (entitlement.entitled) {
      const why = this.run.job.syncAssignedOnly ? "is active and assigned" : "is active and in scope";
      this.step("EntrySynchronizationAdd", "Matching", "Success", {
        timestamp: at,
        description: `${this.type} '${this.name}' will be created in ${this.system} (${this.type} ${why} in ${ENTRA_SYSTEM_NAME}, but no matching ${this.type} was found in ${this.system})`,
      });
    } else {
      this.step("EntryImport", "Matching", "Success", {
        timestamp: at,
        description: `No matching ${this.type} was found in ${this.system} for '${this.name}'`,
      });
    }
  }

  // Scoping

  /** Out of scope and not in the target, Graph ends the run here, at a skipped Scoping step. */
  scoped(entitlement: Entitlement, verdict: ScopeVerdict): void {
    this.inScope = entitlement.entitled;
    const stops = verdict === "OutOfScope";
    this.step("EntrySynchronizationScoping", "Scoping", stops ? "Skipped" : "Success", {
      description: `Determine if ${this.type} in scope by evaluating against each scoping filter`,
      details: stops
        ? { ...scopingDetails(entitlement), SkipReason: SKIP_REASON.OutOfScope }
        : scopingDetails(entitlement),
    });
  }

  // Export

  skipped(cause: SkipCause, entitlement: Entitlement): AppObjectRun {
    this.modified = this.sourceAsProperties();
    const reason = SKIP_REASON[cause];
    if (cause === "OutOfScope") return this.finish("Other", skipped(reason, this.notEntitled(entitlement)));
    const { message, description } = this.skipWording(cause, entitlement);
    this.step("EntrySynchronizationSkip", "Export", "Skipped", {
      description,
      details: { SkipReason: reason },
    });
    return this.finish("Other", skipped(reason, message));
  }

  /** What the export sends; Graph shows it as the modified properties even when the call fails. */
  sending(properties: ModifiedProperty[]): void {
    this.modified = properties;
  }

  created(targetId: string): AppObjectRun {
    this.targetId = targetId;
    return this.exportSucceeded("Create", "");
  }

  updated(): AppObjectRun {
    return this.exportSucceeded("Update", "");
  }

  disabled(entitlement: Entitlement): AppObjectRun {
    return this.exportSucceeded("Disable", ` (${entitlement.reasons.join("; ")})`);
  }

  /** The report names the deleted object; the run answers that it no longer exists in the app. */
  deleted(entitlement: Entitlement): AppObjectRun {
    const run = this.exportSucceeded("Delete", ` (${entitlement.reasons.join("; ")})`);
    return { ...run, targetId: null };
  }

  exportFailed(action: ExportAction, error: ScimCallError): AppObjectRun {
    const { name, verb } = EXPORT_STEP[action];
    return this.failed(
      name,
      "Export",
      `Failed to ${verb} ${this.type} '${this.name}' in ${this.system}`,
      error,
      action,
    );
  }

  private exportSucceeded(action: ExportAction, why: string): AppObjectRun {
    const { name, done } = EXPORT_STEP[action];
    this.step(name, "Export", "Success", {
      description: `${this.type} '${this.name}' was ${done} in ${this.system}${why}`,
    });
    return this.finish(action, success());
  }

  private skipWording(
    cause: Exclude<SkipCause, "OutOfScope">,
    entitlement: Entitlement,
  ): { message: string; description: string } {
    const { type, name, system } = this;
    switch (cause) {
      case "AlreadyInSync":
        return {
          message: `The state of the ${this.lower()} in both the source and target systems already match.`,
          description: `The state of the ${this.lower()} in both the source and target systems already match. No change to the ${type} '${name}' currently needs to be made.`,
        };
      case "CreateTurnedOff":
        return {
          message: `Creating ${this.lower()}s is turned off for this mapping.`,
          description: `${type} '${name}' was not created in ${system}: the mapping does not allow creating objects`,
        };
      case "UpdateTurnedOff":
        return {
          message: `Updating ${this.lower()}s is turned off for this mapping.`,
          description: `${type} '${name}' was not updated in ${system}: the mapping does not allow updates`,
        };
      case "DeletesTurnedOff":
      case "NoSoftDeleteMapping": {
        const why =
          cause === "DeletesTurnedOff"
            ? "the mapping does not allow deletes"
            : "no attribute mapping reads IsSoftDeleted";
        return {
          message: `${this.notEntitled(entitlement)} It is left as it is in ${system} because ${why}.`,
          description: `${type} '${name}' is out of scope but was left as it is in ${system}: ${why}`,
        };
      }
    }
  }

  private notEntitled(entitlement: Entitlement): string {
    return `The ${this.lower()} is not effectively entitled for provisioning: ${entitlement.reasons.join("; ")}.`;
  }

  private failed(
    name: string,
    type: "Matching" | "Export",
    description: string,
    error: ScimCallError,
    action: ProvisioningAction,
  ): AppObjectRun {
    const details: Record<string, string> = {
      ErrorCode: error.errorCode,
      Request: error.call,
      ErrorMessage: error.targetMessage,
    };
    if (error.status !== null) details.StatusCode = String(error.status);
    this.step(name, type, "Failure", { description, details });
    const reason =
      error.status === null
        ? `The call ${error.call} to ${this.system} failed: ${error.targetMessage}`
        : `${this.system} returned an error response with the HTTP status code ${error.status} to ${error.call}. Message from ${this.system}: ${error.targetMessage}`;
    return this.finish(action, failure(error.errorCode, reason, error.recommendedAction));
  }

  private step(
    name: string,
    type: ProvisioningStep["type"],
    status: ProvisioningStep["status"],
    text: { description: string; details?: Record<string, string>; timestamp?: string },
  ): void {
    this.builder.step({ name, type, status, details: {}, ...text });
  }

  private finish(action: ProvisioningAction, outcome: ProvisioningOutcome): AppObjectRun {
    const { subject } = this;
    return {
      targetId: this.targetId,
      inScope: this.inScope,
      report: this.builder.finish({
        action,
        changeId: this.changeId,
        modifiedProperties: this.modified,
        reportableIdentifier: this.name,
        outcome,
        sourceIdentity: { id: subject.sourceId, type: this.type, displayName: subject.displayName },
        targetIdentity: {
          id: this.targetId,
          type: this.objectMapping?.targetObjectName ?? this.type,
          displayName: null,
        },
        sourceSystem: ENTRA_SYSTEM_NAME,
        targetSystem: this.system,
      }),
    };
  }

  private sourceAsProperties(): ModifiedProperty[] {
    return Object.entries(this.imported).map(([displayName, newValue]) => ({
      displayName,
      oldValue: null,
      newValue,
    }));
  }

  private mappedTargetNames(): string[] {
    return (this.objectMapping?.attributeMappings ?? [])
      .map((m) => m.targetAttributeName)
      .filter((n) => !this.subject.separateTargetAttributes.includes(n));
  }

  private lower(): string {
    return this.type.toLowerCase();
  }
}
