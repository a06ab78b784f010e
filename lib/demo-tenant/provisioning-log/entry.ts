import "server-only";

// The provisioning log's resource, provisioningObjectSummary, in Graph v1.0's JSON shape, and the
// compact record the log keeps of each: what $filter reads, and how to write the entry out.

export interface ProvisioningStepEntry {
  name: string;
  /** import, scoping, matching, processing, referenceResolution, export */
  provisioningStepType: string;
  /** success, warning, failure, skipped */
  status: string;
  description: string;
  details: Record<string, string>;
}

export interface ModifiedPropertyEntry {
  displayName: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface ProvisioningErrorInformation {
  errorCode: string | null;
  reason: string | null;
  additionalDetails: string | null;
  errorCategory: string | null;
  recommendedAction: string | null;
}

export interface ProvisionedIdentity {
  id: string;
  displayName: string;
  identityType: string;
  details: Record<string, string>;
}

export interface ProvisioningSystem {
  id: string;
  displayName: string;
  details: Record<string, string>;
}

export interface ProvisioningObjectSummary {
  id: string;
  activityDateTime: string;
  tenantId: string;
  jobId: string;
  cycleId: string;
  changeId: string;
  /** create, update, delete, stagedDelete, disable, other */
  provisioningAction: string;
  durationInMilliseconds: number;
  provisioningStatusInfo: { status: string; errorInformation: ProvisioningErrorInformation | null };
  provisioningSteps: ProvisioningStepEntry[];
  modifiedProperties: ModifiedPropertyEntry[];
  servicePrincipal: { id: string; displayName: string };
  sourceSystem: ProvisioningSystem;
  targetSystem: ProvisioningSystem;
  initiatedBy: { id: string; displayName: string; initiatorType: "system" | "user" | "application" };
  sourceIdentity: ProvisionedIdentity;
  targetIdentity: ProvisionedIdentity;
}

/**
 * One event of the log. The filterable fields are kept flat; the entry itself is written when
 * served, so a log of a hundred thousand seeded events costs little memory.
 */
export interface LogRecord {
  /** Insertion order: ties on the time are ordered by it. */
  seq: number;
  /** activityDateTime in milliseconds. */
  at: number;
  id: string;
  tenantId: string;
  jobId: string;
  cycleId: string;
  changeId: string;
  servicePrincipalId: string;
  servicePrincipalName: string;
  action: string;
  status: string;
  durationMs: number;
  sourceId: string;
  sourceName: string;
  sourceType: string;
  sourceSystem: string;
  targetId: string;
  targetName: string;
  targetType: string;
  targetSystem: string;
  initiatorName: string;
  entry(): ProvisioningObjectSummary;
}

/** The record of an entry written out in full (on-demand runs, cycles). */
export function recordOf(entry: ProvisioningObjectSummary, seq: number): LogRecord {
  return { ...fieldsOf(entry), seq, entry: () => entry };
}

/**
 * The record of an entry written again each time it is served: only its fields stay in memory, so
 * a seeded history of a hundred thousand events costs little.
 */
export function lazyRecordOf(write: () => ProvisioningObjectSummary): Omit<LogRecord, "seq"> {
  return { ...fieldsOf(write()), entry: write };
}

function fieldsOf(entry: ProvisioningObjectSummary): Omit<LogRecord, "seq" | "entry"> {
  return {
    at: Date.parse(entry.activityDateTime),
    id: entry.id,
    tenantId: entry.tenantId,
    jobId: entry.jobId,
    cycleId: entry.cycleId,
    changeId: entry.changeId,
    servicePrincipalId: entry.servicePrincipal.id,
    servicePrincipalName: entry.servicePrincipal.displayName,
    action: entry.provisioningAction,
    status: entry.provisioningStatusInfo.status,
    durationMs: entry.durationInMilliseconds,
    sourceId: entry.sourceIdentity.id,
    sourceName: entry.sourceIdentity.displayName,
    sourceType: entry.sourceIdentity.identityType,
    sourceSystem: entry.sourceSystem.displayName,
    targetId: entry.targetIdentity.id,
    targetName: entry.targetIdentity.displayName,
    targetType: entry.targetIdentity.identityType,
    targetSystem: entry.targetSystem.displayName,
    initiatorName: entry.initiatedBy.displayName,
  };
}

const PASCAL_ACTIONS: Record<string, string> = {
  create: "Create",
  update: "Update",
  delete: "Delete",
  stageddelete: "StagedDelete",
  disable: "Disable",
  other: "Other",
};

/** beta serves the deprecated `action` and `statusInfo` beside their v1.0 replacements. */
export function betaEntry(entry: ProvisioningObjectSummary): Record<string, unknown> {
  const { provisioningStatusInfo: info, ...rest } = entry;
  const error = info.errorInformation;
  const statusInfo =
    error === null
      ? { status: info.status }
      : { "@odata.type": "#microsoft.graph.statusDetails", status: info.status, ...error };
  return {
    ...rest,
    action: PASCAL_ACTIONS[entry.provisioningAction.toLowerCase()] ?? entry.provisioningAction,
    statusInfo,
    provisioningStatusInfo: info,
  };
}
