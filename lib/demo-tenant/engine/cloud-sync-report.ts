import "server-only";

import type { DirectoryUser } from "../model";
import { ENTRA_SYSTEM_NAME, type EngineEnvironment } from "./context";
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

export const ACTIVE_DIRECTORY_SYSTEM_NAME = "Active Directory";

/** One Entra ID attribute Cloud Sync writes, with the value it had before (null when new). */
export interface EntraChange {
  name: string;
  oldValue: string | null;
  newValue: string;
}

/** The AD user as Graph identifies it in the answer. */
export interface AdSubject {
  name: string;
  sourceId: string;
  displayName: string | null;
}

/**
 * The steps and outcome of one Cloud Sync run, worded as Graph's Example 2: two Import steps,
 * Scoping, then Export. The methods that end the run answer with the finished report.
 */
export class CloudSyncReport {
  private readonly builder: ReportBuilder;
  private readonly changeId: string;
  private targetId: string | null = null;
  private modified: ModifiedProperty[] = [];

  constructor(
    env: EngineEnvironment,
    private readonly subject: AdSubject,
  ) {
    this.builder = new ReportBuilder(env.now);
    this.changeId = env.newId();
  }

  imported(details: Record<string, string>): void {
    const { name } = this.subject;
    this.step("EntryImportAdd", "Import", "Success", {
      description: `Received user '${name}' change of type (Add) from Active Directory`,
      details,
    });
    this.step("EntryImport", "Import", "Success", {
      description: `Retrieved user '${name}' from Active Directory`,
      details,
    });
  }

  /** Scoping filters are not applied on demand, so evaluation always passes. */
  scoped(activeInSource: boolean): void {
    this.step("EntrySynchronizationScoping", "Scoping", "Success", {
      description: "Determine if user in scope by evaluating against each scoping filter",
      details: {
        "Active in the source system": activeInSource ? "True" : "False",
        "Scoping filter evaluation passed": "True",
      },
    });
  }

  noMapping(): ProvisioningReport {
    this.step("EntrySynchronizationSkip", "Export", "Skipped", {
      description: `The rule has no enabled mapping for AD users, so user '${this.subject.name}' was not exported`,
      details: { SkipReason: "EntrySynchronizationSkipped" },
    });
    return this.finish(
      "Other",
      skipped(
        "EntrySynchronizationSkipped",
        "The synchronization rule has no enabled mapping for Active Directory users.",
      ),
    );
  }

  duplicates(attribute: string, value: string, users: DirectoryUser[]): ProvisioningReport {
    this.step("EntryExportUpdate", "Export", "Failure", {
      description: `More than one user in Azure Active Directory matches user '${this.subject.name}'`,
      details: {
        MatchingAttribute: attribute,
        MatchingValue: value,
        TargetIds: users.map((u) => u.id).join(", "),
      },
    });
    return this.finish(
      "Other",
      failure(
        "DuplicateTargetEntries",
        `${users.length} users in Azure Active Directory have ${attribute} '${value}'.`,
        "Remove the duplicate users in Entra ID, or fix the value in Active Directory.",
      ),
    );
  }

  missingUserPrincipalName(): ProvisioningReport {
    this.step("EntryExportAdd", "Export", "Failure", {
      description: `Failed to create user '${this.subject.name}' in Azure Active Directory`,
      details: { MissingAttribute: "UserPrincipalName" },
    });
    return this.finish(
      "Create",
      failure(
        "MandatoryFieldsMissing",
        `User '${this.subject.name}' has no value for UserPrincipalName, which Entra ID requires.`,
        "Set userPrincipalName on the user in Active Directory, or fix the UserPrincipalName mapping.",
      ),
    );
  }

  inSync(targetId: string): ProvisioningReport {
    this.targetId = targetId;
    this.step("EntrySynchronizationSkip", "Export", "Skipped", {
      description: `The state of the user in both the source and target systems already match. No change to the user '${this.subject.name}' currently needs to be made.`,
      details: { SkipReason: "RedundantExport" },
    });
    return this.finish(
      "Other",
      skipped(
        "RedundantExport",
        "The state of the user in both the source and target systems already match.",
      ),
    );
  }

  created(targetId: string, changes: EntraChange[]): ProvisioningReport {
    return this.exported("Create", targetId, changes);
  }

  updated(targetId: string, changes: EntraChange[]): ProvisioningReport {
    return this.exported("Update", targetId, changes);
  }

  private exported(
    action: "Create" | "Update",
    targetId: string,
    changes: EntraChange[],
  ): ProvisioningReport {
    this.targetId = targetId;
    this.modified = changes.map((c) => ({ displayName: c.name, oldValue: c.oldValue, newValue: c.newValue }));
    const [name, done] =
      action === "Create" ? ["EntryExportAdd", "created"] : ["EntryExportUpdate", "updated"];
    this.step(name, "Export", "Success", {
      description: `User '${this.subject.name}' was ${done} in Azure Active Directory`,
    });
    return this.finish(action, success());
  }

  private step(
    name: string,
    type: ProvisioningStep["type"],
    status: ProvisioningStep["status"],
    text: { description: string; details?: Record<string, string> },
  ): void {
    this.builder.step({ name, type, status, details: {}, ...text });
  }

  private finish(action: ProvisioningAction, outcome: ProvisioningOutcome): ProvisioningReport {
    return this.builder.finish({
      action,
      changeId: this.changeId,
      modifiedProperties: this.modified,
      reportableIdentifier: this.subject.name,
      outcome,
      sourceIdentity: { id: this.subject.sourceId, type: "user", displayName: this.subject.displayName },
      targetIdentity: { id: this.targetId, type: "User", displayName: null },
      sourceSystem: ACTIVE_DIRECTORY_SYSTEM_NAME,
      targetSystem: ENTRA_SYSTEM_NAME,
    });
  }
}
