import "server-only";
import { newDirectoryUser } from "../directory-user";
import type { DirectoryUser, OnPremisesUser, SynchronizationRule } from "../model";
import { ENTRA_SYSTEM_NAME, type EngineEnvironment } from "./context";
import type { AttributeReader } from "./entra-source";
import { entraUserField, entraValuesEqual } from "./entra-user-fields";
import { desiredAttributes, mappingValue, matchingMappings, objectMappingFor } from "./mapped-values";
import {
  displayText,
  failure,
  ReportBuilder,
  skipped,
  success,
  type ModifiedProperty,
  type ProvisioningAction,
  type ProvisioningOutcome,
  type ProvisioningReport,
} from "./report";

export const ACTIVE_DIRECTORY_SYSTEM_NAME = "Active Directory";

function adReader(adUser: OnPremisesUser): AttributeReader {
  const byLowerName = new Map(
    Object.entries(adUser.attributes).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return (name) => {
    const value =
      name.toLowerCase() === "distinguishedname"
        ? adUser.distinguishedName
        : byLowerName.get(name.toLowerCase());
    return value === undefined || value === "" ? null : value;
  };
}

/** userAccountControl bit 2 is ACCOUNTDISABLE; the agent also reports accountDisabled. */
function isActiveInAd(read: AttributeReader): boolean {
  const control = Number(read("userAccountControl"));
  const disabledByControl = Number.isInteger(control) && (control & 2) === 2;
  return !disabledByControl && String(read("accountDisabled")).toLowerCase() !== "true";
}

/** AD's objectGUID (base64 of the little-endian GUID bytes) as the GUID text Graph shows. */
export function guidText(objectGuidBase64: string | null): string | null {
  if (objectGuidBase64 === null) return null;
  const bytes = Buffer.from(objectGuidBase64, "base64");
  if (bytes.length !== 16) return null;
  const hex = (from: number, to: number, reverse: boolean) => {
    const slice = [...bytes.subarray(from, to)];
    return (reverse ? slice.reverse() : slice).map((b) => b.toString(16).padStart(2, "0")).join("");
  };
  return `${hex(0, 4, true)}-${hex(4, 6, true)}-${hex(6, 8, true)}-${hex(8, 10, false)}-${hex(10, 16, false)}`;
}

/**
 * Cloud Sync on demand: one AD user, addressed by distinguished name, into the tenant's own Entra ID.
 * Scoping filters are not applied on demand (as Microsoft documents), and the steps are those of
 * Graph's Example 2: two Import steps, Scoping, Export.
 */
export function provisionFromActiveDirectory(
  env: EngineEnvironment,
  rule: SynchronizationRule,
  adUser: OnPremisesUser,
): ProvisioningReport {
  const builder = new ReportBuilder(env.now);
  const changeId = env.newId();
  const read = adReader(adUser);
  const name = displayText(read("userPrincipalName")) ?? adUser.distinguishedName;
  let targetId: string | null = null;
  let modified: ModifiedProperty[] = [];
  const finish = (action: ProvisioningAction, outcome: ProvisioningOutcome) =>
    builder.finish({
      action,
      changeId,
      modifiedProperties: modified,
      reportableIdentifier: name,
      outcome,
      sourceIdentity: {
        id: guidText(displayText(read("objectGUID"))) ?? adUser.distinguishedName,
        type: "user",
        displayName: displayText(read("displayName")),
      },
      targetIdentity: { id: targetId, type: "User", displayName: null },
      sourceSystem: ACTIVE_DIRECTORY_SYSTEM_NAME,
      targetSystem: ENTRA_SYSTEM_NAME,
    });

  const imported: Record<string, string> = {
    distinguishedName: adUser.distinguishedName,
    ...adUser.attributes,
  };
  builder.step({
    name: "EntryImportAdd",
    type: "Import",
    status: "Success",
    description: `Received user '${name}' change of type (Add) from Active Directory`,
    details: imported,
  });
  builder.step({
    name: "EntryImport",
    type: "Import",
    status: "Success",
    description: `Retrieved user '${name}' from Active Directory`,
    details: imported,
  });
  builder.step({
    name: "EntrySynchronizationScoping",
    type: "Scoping",
    status: "Success",
    description: "Determine if user in scope by evaluating against each scoping filter",
    details: {
      "Active in the source system": isActiveInAd(read) ? "True" : "False",
      "Scoping filter evaluation passed": "True",
    },
  });

  const objectMapping = objectMappingFor(rule, "user");
  if (!objectMapping) {
    builder.step({
      name: "EntrySynchronizationSkip",
      type: "Export",
      status: "Skipped",
      description: `The rule has no enabled mapping for AD users, so user '${name}' was not exported`,
      details: { SkipReason: "EntrySynchronizationSkipped" },
    });
    return finish(
      "Other",
      skipped(
        "EntrySynchronizationSkipped",
        "The synchronization rule has no enabled mapping for Active Directory users.",
      ),
    );
  }

  const users = [...env.tenant.users.values()].filter((u) => u.deletedDateTime === null);
  let existing: DirectoryUser | undefined;
  for (const mapping of matchingMappings(objectMapping)) {
    const value = mappingValue(mapping, read);
    const field = entraUserField(mapping.targetAttributeName);
    if (value === null || !field) continue;
    const hits = users.filter((u) => entraValuesEqual(mapping.targetAttributeName, field.read(u), value));
    if (hits.length > 1) {
      builder.step({
        name: "EntryExportUpdate",
        type: "Export",
        status: "Failure",
        description: `More than one user in Azure Active Directory matches user '${name}'`,
        details: {
          MatchingAttribute: mapping.targetAttributeName,
          MatchingValue: value,
          TargetIds: hits.map((u) => u.id).join(", "),
        },
      });
      return finish(
        "Other",
        failure(
          "DuplicateTargetEntries",
          `${hits.length} users in Azure Active Directory have ${mapping.targetAttributeName} '${value}'.`,
          "Remove the duplicate users in Entra ID, or fix the value in Active Directory.",
        ),
      );
    }
    existing = hits[0];
    if (existing) break;
  }

  const desired = desiredAttributes(objectMapping.attributeMappings, read, existing === undefined)
    .map((d) => ({
      name: d.targetAttributeName,
      value: displayText(d.value),
      field: entraUserField(d.targetAttributeName),
    }))
    .filter(
      (d): d is { name: string; value: string; field: NonNullable<typeof d.field> } =>
        d.value !== null && d.field !== undefined,
    )
    .sort((a, b) => a.name.localeCompare(b.name));

  if (!existing) {
    const upn = desired.find((d) => d.name === "UserPrincipalName")?.value;
    if (!upn) {
      builder.step({
        name: "EntryExportAdd",
        type: "Export",
        status: "Failure",
        description: `Failed to create user '${name}' in Azure Active Directory`,
        details: { MissingAttribute: "UserPrincipalName" },
      });
      return finish(
        "Create",
        failure(
          "MandatoryFieldsMissing",
          `User '${name}' has no value for UserPrincipalName, which Entra ID requires.`,
          "Set userPrincipalName on the user in Active Directory, or fix the UserPrincipalName mapping.",
        ),
      );
    }
    let user = newCloudUser(env, upn);
    for (const d of desired) user = d.field.write(user, d.value);
    targetId = user.id;
    modified = desired.map((d) => ({ displayName: d.name, oldValue: null, newValue: d.value }));
    save(env, user);
    builder.step({
      name: "EntryExportAdd",
      type: "Export",
      status: "Success",
      description: `User '${name}' was created in Azure Active Directory`,
      details: {},
    });
    return finish("Create", success());
  }

  targetId = existing.id;
  const changes = desired.filter((d) => d.field.read(existing) !== d.value);
  if (changes.length === 0) {
    builder.step({
      name: "EntrySynchronizationSkip",
      type: "Export",
      status: "Skipped",
      description: `The state of the user in both the source and target systems already match. No change to the user '${name}' currently needs to be made.`,
      details: { SkipReason: "RedundantExport" },
    });
    return finish(
      "Other",
      skipped(
        "RedundantExport",
        "The state of the user in both the source and target systems already match.",
      ),
    );
  }
  let user: DirectoryUser = { ...existing, onPremisesSyncEnabled: true };
  for (const d of changes) user = d.field.write(user, d.value);
  modified = changes.map((d) => ({
    displayName: d.name,
    oldValue: d.field.read(existing),
    newValue: d.value,
  }));
  save(env, user);
  builder.step({
    name: "EntryExportUpdate",
    type: "Export",
    status: "Success",
    description: `User '${name}' was updated in Azure Active Directory`,
    details: {},
  });
  return finish("Update", success());
}

function newCloudUser(env: EngineEnvironment, userPrincipalName: string): DirectoryUser {
  return newDirectoryUser({
    id: env.newId(),
    userPrincipalName,
    createdDateTime: env.now().toISOString(),
    onPremisesSyncEnabled: true,
  });
}

function save(env: EngineEnvironment, user: DirectoryUser): void {
  env.tenant.users.set(user.id, user);
  env.onDirectoryUserChanged?.(user);
}
