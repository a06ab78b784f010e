import "server-only";
import type { DirectoryGroup, DirectoryUser, ServicePrincipal } from "../model";
import type {
  ModifiedPropertyEntry,
  ProvisioningErrorInformation,
  ProvisioningObjectSummary,
  ProvisioningStepEntry,
} from "./entry";

// Events of past cycles, worded as the engine words its reports (engine/app-report.ts,
// engine/cloud-sync-report.ts), so the seeded history reads like what on-demand runs write.

const ENTRA = "Azure Active Directory";
const ACTIVE_DIRECTORY = "Active Directory";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const SERVICE = { id: "", displayName: "Azure AD Provisioning Service", initiatorType: "system" as const };

export interface HistoryIds {
  id: string;
  cycleId: string;
  changeId: string;
  at: number;
  durationMs: number;
}

export interface AppEventContext {
  tenantId: string;
  servicePrincipal: ServicePrincipal;
  jobId: string;
  /** The app's directory name as Graph reports the target system ("customappsso"). */
  systemName: string;
  /** "is active and assigned" or "is active and in scope" (sync all). */
  why: string;
}

export type AppUserEvent =
  | { kind: "create"; targetId: string }
  | { kind: "update"; targetId: string; property: string; oldValue: string | null; newValue: string | null }
  | { kind: "redundant"; targetId: string }
  | { kind: "disable"; targetId: string; reason: string }
  | { kind: "outOfScope"; reasons: string[]; clauses: Record<string, boolean>; assigned: boolean }
  | {
      kind: "failure";
      targetId: string | null;
      action: "create" | "update";
      errorCode: string;
      status: number;
      message: string;
      recommendedAction: string;
    };

/** The attributes the SCIM mappings send for a user, as an export's modified properties. */
export function scimValues(user: DirectoryUser): Record<string, string | null> {
  return {
    userName: user.userPrincipalName,
    active: user.accountEnabled && user.deletedDateTime === null ? "True" : "False",
    displayName: user.displayName,
    title: user.jobTitle,
    'emails[type eq "work"].value': user.mail,
    "name.givenName": user.givenName,
    "name.familyName": user.surname,
    externalId: user.mailNickname,
    [`${ENTERPRISE}:department`]: user.department,
  };
}

function imported(user: DirectoryUser): Record<string, string> {
  const pairs: [string, string | null][] = [
    ["objectId", user.id],
    ["accountEnabled", user.accountEnabled ? "True" : "False"],
    ["displayName", user.displayName],
    ["userPrincipalName", user.userPrincipalName],
    ["mailNickname", user.mailNickname],
    ["department", user.department],
    ["jobTitle", user.jobTitle],
    ["mail", user.mail],
    ["IsSoftDeleted", user.deletedDateTime === null ? "False" : "True"],
  ];
  return Object.fromEntries(pairs.filter((pair): pair is [string, string] => pair[1] !== null));
}

const step = (
  name: string,
  provisioningStepType: string,
  status: string,
  description: string,
  details: Record<string, string> = {},
): ProvisioningStepEntry => ({ name, provisioningStepType, status, description, details });

function scoping(assigned: boolean, entitled: boolean, clauses: Record<string, boolean>, skip: boolean) {
  const flag = (value: boolean) => (value ? "True" : "False");
  const details: Record<string, string> = {
    IsActive: "True",
    Assigned: flag(assigned),
    IsEffectivelyEntitledForProvisioning: flag(entitled),
    IsInProvisioningScopeDisplayName: flag(Object.values(clauses).every(Boolean)),
    ScopeEvaluationResult: JSON.stringify(clauses),
  };
  if (skip) details.SkipReason = "NotEffectivelyEntitled";
  return step(
    "EntrySynchronizationScoping",
    "scoping",
    skip ? "skipped" : "success",
    "Determine if User in scope by evaluating against each scoping filter",
    details,
  );
}

function properties(values: Record<string, string | null>): ModifiedPropertyEntry[] {
  return Object.entries(values)
    .filter(([, value]) => value !== null)
    .map(([displayName, newValue]) => ({ displayName, oldValue: null, newValue }));
}

/** A user event of an Entra ID → SCIM app job. */
export function appUserEntry(
  context: AppEventContext,
  user: DirectoryUser,
  event: AppUserEvent,
  ids: HistoryIds,
  clauses: Record<string, boolean>,
): ProvisioningObjectSummary {
  const { systemName: app } = context;
  const upn = user.userPrincipalName;
  const steps: ProvisioningStepEntry[] = [
    step("EntryImport", "import", "success", `Retrieved User '${upn}' from ${ENTRA}`, imported(user)),
  ];
  let action = "other";
  let status = "success";
  let error: ProvisioningErrorInformation | null = null;
  let modified: ModifiedPropertyEntry[] = [];
  let targetId = "";
  const matched = (id: string) => {
    targetId = id;
    steps.push(
      step("EntryImport", "matching", "success", `Retrieved  '${upn}' from ${app}`, { id, userName: upn }),
    );
  };

  switch (event.kind) {
    case "create":
      targetId = event.targetId;
      steps.push(
        step(
          "EntrySynchronizationAdd",
          "matching",
          "success",
          `User '${upn}' will be created in ${app} (User ${context.why} in ${ENTRA}, but no matching User was found in ${app})`,
        ),
        scoping(true, true, clauses, false),
        step("EntryExportAdd", "export", "success", `User '${upn}' was created in ${app}`),
      );
      action = "create";
      modified = properties(scimValues(user));
      break;
    case "update":
      matched(event.targetId);
      steps.push(
        scoping(true, true, clauses, false),
        step("EntryExportUpdate", "export", "success", `User '${upn}' was updated in ${app}`),
      );
      action = "update";
      modified = [{ displayName: event.property, oldValue: event.oldValue, newValue: event.newValue }];
      break;
    case "redundant":
      matched(event.targetId);
      steps.push(
        scoping(true, true, clauses, false),
        step(
          "EntrySynchronizationSkip",
          "export",
          "skipped",
          `The state of the user in both the source and target systems already match. No change to the User '${upn}' currently needs to be made.`,
          { SkipReason: "RedundantExport" },
        ),
      );
      status = "skipped";
      modified = properties(scimValues(user));
      break;
    case "disable":
      matched(event.targetId);
      steps.push(
        scoping(true, false, clauses, false),
        step(
          "EntryExportUpdateSoftDelete",
          "export",
          "success",
          `User '${upn}' was disabled in ${app} (${event.reason})`,
        ),
      );
      action = "disable";
      modified = [{ displayName: "active", oldValue: "True", newValue: "False" }];
      break;
    case "outOfScope":
      steps.push(
        step("EntryImport", "matching", "success", `No matching User was found in ${app} for '${upn}'`),
        scoping(event.assigned, false, event.clauses, true),
      );
      status = "skipped";
      modified = properties(imported(user));
      break;
    case "failure": {
      const verb = event.action === "create" ? "create" : "update";
      const call = event.action === "create" ? "POST /Users" : `PATCH /Users/${event.targetId ?? ""}`;
      if (event.targetId) matched(event.targetId);
      else
        steps.push(
          step(
            "EntrySynchronizationAdd",
            "matching",
            "success",
            `User '${upn}' will be created in ${app} (User ${context.why} in ${ENTRA}, but no matching User was found in ${app})`,
          ),
        );
      steps.push(
        scoping(true, true, clauses, false),
        step(
          event.action === "create" ? "EntryExportAdd" : "EntryExportUpdate",
          "export",
          "failure",
          `Failed to ${verb} User '${upn}' in ${app}`,
          {
            ErrorCode: event.errorCode,
            Request: call,
            ErrorMessage: event.message,
            StatusCode: String(event.status),
          },
        ),
      );
      action = event.action;
      status = "failure";
      error = {
        errorCode: event.errorCode,
        reason: `${app} returned an error response with the HTTP status code ${event.status} to ${call}. Message from ${app}: ${event.message}`,
        additionalDetails: null,
        errorCategory: "nonServiceFailure",
        recommendedAction: event.recommendedAction,
      };
      modified = properties(scimValues(user));
      break;
    }
  }

  return {
    id: ids.id,
    activityDateTime: new Date(ids.at).toISOString(),
    tenantId: context.tenantId,
    jobId: context.jobId,
    cycleId: ids.cycleId,
    changeId: ids.changeId,
    provisioningAction: action,
    durationInMilliseconds: ids.durationMs,
    provisioningStatusInfo: { status, errorInformation: error },
    provisioningSteps: steps,
    modifiedProperties: modified,
    servicePrincipal: { id: context.servicePrincipal.id, displayName: context.servicePrincipal.displayName },
    sourceSystem: { id: "", displayName: ENTRA, details: {} },
    targetSystem: {
      id: "",
      displayName: app,
      details: {
        ApplicationId: context.servicePrincipal.appId,
        ServicePrincipalId: context.servicePrincipal.id,
        ServicePrincipalDisplayName: context.servicePrincipal.displayName,
      },
    },
    initiatedBy: SERVICE,
    sourceIdentity: { id: user.id, displayName: user.displayName, identityType: "User", details: {} },
    targetIdentity: { id: targetId, displayName: "", identityType: "User", details: {} },
  };
}

/** A group created in a SCIM app, its members following in their own events. */
export function appGroupCreateEntry(
  context: AppEventContext,
  group: DirectoryGroup,
  targetId: string,
  ids: HistoryIds,
): ProvisioningObjectSummary {
  const { systemName: app } = context;
  const name = group.displayName;
  return {
    id: ids.id,
    activityDateTime: new Date(ids.at).toISOString(),
    tenantId: context.tenantId,
    jobId: context.jobId,
    cycleId: ids.cycleId,
    changeId: ids.changeId,
    provisioningAction: "create",
    durationInMilliseconds: ids.durationMs,
    provisioningStatusInfo: { status: "success", errorInformation: null },
    provisioningSteps: [
      step("EntryImport", "import", "success", `Retrieved Group '${name}' from ${ENTRA}`, {
        objectId: group.id,
        displayName: name,
      }),
      step(
        "EntrySynchronizationAdd",
        "matching",
        "success",
        `Group '${name}' will be created in ${app} (Group is active and assigned in ${ENTRA}, but no matching Group was found in ${app})`,
      ),
      step("EntryExportAdd", "export", "success", `Group '${name}' was created in ${app}`),
    ],
    modifiedProperties: [
      { displayName: "displayName", oldValue: null, newValue: name },
      { displayName: "externalId", oldValue: null, newValue: group.id },
    ],
    servicePrincipal: { id: context.servicePrincipal.id, displayName: context.servicePrincipal.displayName },
    sourceSystem: { id: "", displayName: ENTRA, details: {} },
    targetSystem: { id: "", displayName: app, details: {} },
    initiatedBy: SERVICE,
    sourceIdentity: { id: group.id, displayName: name, identityType: "Group", details: {} },
    targetIdentity: { id: targetId, displayName: "", identityType: "Group", details: {} },
  };
}

export interface CloudSyncEventContext {
  tenantId: string;
  servicePrincipal: ServicePrincipal;
  jobId: string;
}

/** An AD user updated in Entra ID by a Cloud Sync cycle (or found already in sync). */
export function cloudSyncUserEntry(
  context: CloudSyncEventContext,
  user: DirectoryUser,
  ad: { distinguishedName: string; sourceId: string },
  change: { property: string; oldValue: string | null; newValue: string } | null,
  ids: HistoryIds,
): ProvisioningObjectSummary {
  const upn = user.userPrincipalName;
  const export_ =
    change === null
      ? step(
          "EntrySynchronizationSkip",
          "export",
          "skipped",
          `The state of the user in both the source and target systems already match. No change to the user '${upn}' currently needs to be made.`,
          { SkipReason: "RedundantExport" },
        )
      : step("EntryExportUpdate", "export", "success", `User '${upn}' was updated in ${ENTRA}`);
  return {
    id: ids.id,
    activityDateTime: new Date(ids.at).toISOString(),
    tenantId: context.tenantId,
    jobId: context.jobId,
    cycleId: ids.cycleId,
    changeId: ids.changeId,
    provisioningAction: change === null ? "other" : "update",
    durationInMilliseconds: ids.durationMs,
    provisioningStatusInfo: { status: change === null ? "skipped" : "success", errorInformation: null },
    provisioningSteps: [
      step(
        "EntryImportUpdate",
        "import",
        "success",
        `Received user '${upn}' change of type (Update) from ${ACTIVE_DIRECTORY}`,
        {
          distinguishedName: ad.distinguishedName,
          userPrincipalName: upn,
          displayName: user.displayName,
        },
      ),
      step(
        "EntrySynchronizationScoping",
        "scoping",
        "success",
        "Determine if user in scope by evaluating against each scoping filter",
        {
          "Active in the source system": "True",
          "Scoping filter evaluation passed": "True",
        },
      ),
      export_,
    ],
    modifiedProperties:
      change === null
        ? []
        : [{ displayName: change.property, oldValue: change.oldValue, newValue: change.newValue }],
    servicePrincipal: { id: context.servicePrincipal.id, displayName: context.servicePrincipal.displayName },
    sourceSystem: { id: "", displayName: ACTIVE_DIRECTORY, details: {} },
    targetSystem: { id: "", displayName: ENTRA, details: {} },
    initiatedBy: SERVICE,
    sourceIdentity: { id: ad.sourceId, displayName: user.displayName, identityType: "user", details: {} },
    targetIdentity: { id: user.id, displayName: user.displayName, identityType: "User", details: {} },
  };
}
