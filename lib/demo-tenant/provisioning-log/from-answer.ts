import "server-only";
import type { DemoJob, ServicePrincipal, StringKeyStringValuePair } from "../model";
import type { ProvisioningObjectSummary, ProvisioningSystem } from "./entry";

// The engine answers provisionOnDemand in Graph's wire shape; the provisioning service logs the
// same change as a provisioningObjectSummary. This turns one into the other.

export interface LoggedRun {
  tenantId: string;
  servicePrincipal: ServicePrincipal;
  job: DemoJob;
  /** A scheduled cycle's id, shared by its events; an on-demand run gets one of its own. */
  cycleId: string;
  initiatedBy: ProvisioningObjectSummary["initiatedBy"];
  newId(): string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === "string" ? value : "");
const orNull = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const lowerFirst = (value: string) => value.charAt(0).toLowerCase() + value.slice(1);

function stringRecord(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value))
    out[key] = typeof item === "string" ? item : JSON.stringify(item);
  return out;
}

function appTargetDetails(sp: ServicePrincipal): Record<string, string> {
  return { ApplicationId: sp.appId, ServicePrincipalId: sp.id, ServicePrincipalDisplayName: sp.displayName };
}

function system(name: unknown, details: Record<string, string>): ProvisioningSystem {
  return { id: "", displayName: text(name), details };
}

/** One report of the answer's `value` (an object, or the first of a list) as a log entry; null if none. */
export function entryFromAnswer(
  run: LoggedRun,
  answer: StringKeyStringValuePair,
): ProvisioningObjectSummary | null {
  let value: unknown;
  try {
    value = JSON.parse(answer.value);
  } catch {
    return null;
  }
  const report = Array.isArray(value) ? value[0] : value;
  if (!isObject(report) || !Array.isArray(report.provisioningSteps)) return null;

  const status = isObject(report.statusInfo) ? report.statusInfo : {};
  const statusText = text(status.status).toLowerCase() || "success";
  const start = Date.parse(text(report.startTime));
  const end = Date.parse(text(report.endTime));
  const at = Number.isNaN(start) ? Date.now() : start;
  const source = isObject(report.sourceIdentity) ? report.sourceIdentity : {};
  const target = isObject(report.targetIdentity) ? report.targetIdentity : {};
  const sourceSystem = isObject(report.sourceSystem) ? report.sourceSystem.name : "";
  const targetSystem = isObject(report.targetSystem) ? report.targetSystem.name : "";
  const toApp = run.job.target.kind === "scim";

  return {
    id: run.newId(),
    activityDateTime: new Date(at).toISOString(),
    tenantId: run.tenantId,
    jobId: run.job.job.id,
    cycleId: run.cycleId,
    changeId: text(report.changeId) || run.newId(),
    provisioningAction: text(report.action).toLowerCase() || "other",
    durationInMilliseconds: Number.isNaN(end) ? 0 : Math.max(0, end - at),
    provisioningStatusInfo: {
      status: statusText,
      errorInformation:
        statusText === "failure"
          ? {
              errorCode: orNull(status.errorCode),
              reason: orNull(status.reason),
              additionalDetails: orNull(status.additionalDetails),
              errorCategory: orNull(status.errorCategory) && lowerFirst(text(status.errorCategory)),
              recommendedAction: orNull(status.recommendedAction),
            }
          : null,
    },
    provisioningSteps: report.provisioningSteps.filter(isObject).map((step) => ({
      name: text(step.name),
      provisioningStepType: lowerFirst(text(step.type)),
      status: text(step.status).toLowerCase(),
      description: text(step.description),
      details: stringRecord(step.details),
    })),
    modifiedProperties: (Array.isArray(report.modifiedProperties) ? report.modifiedProperties : [])
      .filter(isObject)
      .map((property) => ({
        displayName: text(property.displayName),
        oldValue: orNull(property.oldValue),
        newValue: orNull(property.newValue),
      })),
    servicePrincipal: { id: run.servicePrincipal.id, displayName: run.servicePrincipal.displayName },
    sourceSystem: system(sourceSystem, {}),
    targetSystem: system(targetSystem, toApp ? appTargetDetails(run.servicePrincipal) : {}),
    initiatedBy: run.initiatedBy,
    sourceIdentity: {
      id: text(source.id),
      displayName: text(source.displayName) || text(report.reportableIdentifier),
      identityType: text(source.type),
      details: {},
    },
    targetIdentity: {
      id: text(target.id),
      displayName: text(target.displayName),
      identityType: text(target.type),
      details: {},
    },
  };
}
