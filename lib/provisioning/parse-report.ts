import { propertyChange } from "./diff";
import { isRecord, nullableText, textOf, type JsonRecord } from "./field-text";
import { combineOutcomes, normaliseOutcome, stepKindOf } from "./outcome";
import type {
  ModifiedProperty,
  Outcome,
  ProvisioningParty,
  ProvisioningReport,
  ProvisioningStep,
} from "./result";

// A decoded object counts as a report when it carries at least one of these.
const REPORT_FIELDS = [
  "provisioningSteps",
  "statusInfo",
  "provisioningStatusInfo",
  "action",
  "provisioningAction",
  "modifiedProperties",
  "reportableIdentifier",
  "changeId",
  "sourceIdentity",
  "targetIdentity",
] as const;

export function looksLikeReport(value: JsonRecord): boolean {
  for (const field of REPORT_FIELDS) {
    if (value[field] !== undefined) return true;
  }
  return false;
}

/** One per-object report of a provisionOnDemand answer; `where` names it in warnings. */
export function parseReport(report: JsonRecord, where: string, warnings: string[]): ProvisioningReport {
  // Provisioning-log records nest the error under provisioningStatusInfo.errorInformation.
  const info = recordOrNull(report.statusInfo) ?? recordOrNull(report.provisioningStatusInfo);
  const error = recordOrNull(info?.errorInformation) ?? info;
  const steps = parseSteps(report.provisioningSteps, where, warnings);
  const statusText = nullableText(info?.status);
  const status: Outcome = statusText !== null ? normaliseOutcome(statusText) : outcomeOfSteps(steps);
  if (statusText !== null && status === "Unknown") {
    warnings.push(`${where}: status "${statusText}" is not a known outcome.`);
  }
  return {
    action: nullableText(report.action ?? report.provisioningAction),
    status,
    statusText,
    changeId: nullableText(report.changeId),
    reportableIdentifier: nullableText(report.reportableIdentifier),
    startTime: nullableText(report.startTime),
    endTime: nullableText(report.endTime),
    statusInfo: {
      errorCode: nullableText(error?.errorCode),
      reason: nullableText(error?.reason),
      additionalDetails: nullableText(error?.additionalDetails),
      errorCategory: nullableText(error?.errorCategory),
      recommendedAction: nullableText(error?.recommendedAction),
    },
    source: partyOf(report.sourceSystem, report.sourceIdentity),
    target: partyOf(report.targetSystem, report.targetIdentity),
    steps,
    modifiedProperties: parseModifiedProperties(report.modifiedProperties, where, warnings),
    raw: report,
  };
}

function recordOrNull(value: unknown): JsonRecord | null {
  return isRecord(value) ? value : null;
}

function outcomeOfSteps(steps: readonly ProvisioningStep[]): Outcome {
  if (steps.length === 0) return "Unknown";
  const outcomes = steps.map((step) => step.outcome);
  if (outcomes.includes("Failure")) return "Failure";
  if (outcomes.includes("Skipped")) return "Skipped";
  return combineOutcomes(outcomes);
}

function partyOf(system: unknown, identity: unknown): ProvisioningParty {
  const sys = recordOrNull(system);
  const who = recordOrNull(identity);
  return {
    system: nullableText(sys?.name ?? sys?.displayName),
    id: nullableText(who?.id),
    type: nullableText(who?.type ?? who?.identityType),
    displayName: nullableText(who?.displayName),
  };
}

function listOrWarn(value: unknown, label: string, warnings: string[]): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (value !== undefined && value !== null) warnings.push(`${label} is not a list; it was left out.`);
  return [];
}

function parseSteps(value: unknown, where: string, warnings: string[]): ProvisioningStep[] {
  const items = listOrWarn(value, `${where}.provisioningSteps`, warnings);
  const steps: ProvisioningStep[] = [];
  for (let i = 0; i < items.length; i++) {
    const step = items[i];
    if (!isRecord(step)) {
      warnings.push(`${where}.provisioningSteps[${i}] is not an object; it was left out.`);
      continue;
    }
    const type = step.type ?? step.provisioningStepType;
    steps.push({
      name: nullableText(step.name) ?? "",
      type: nullableText(type) ?? "",
      kind: stepKindOf(type),
      status: nullableText(step.status) ?? "",
      outcome: normaliseOutcome(step.status),
      description: nullableText(step.description) ?? "",
      timestamp: nullableText(step.timestamp),
      details: detailsOf(step.details, `${where}.provisioningSteps[${i}].details`, warnings),
    });
  }
  return steps;
}

function detailsOf(value: unknown, label: string, warnings: string[]): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value) && !Array.isArray(value)) {
    warnings.push(`${label} is not an object; kept as a single "value" entry.`);
    return { value: textOf(value) };
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  // The common case is all strings already: hand the decoded object back instead of copying it.
  if (!Array.isArray(value) && keys.every((key) => typeof source[key] === "string")) {
    return source as Record<string, string>;
  }
  const details: Record<string, string> = {};
  for (const key of keys) {
    const text = textOf(source[key]);
    // Plain assignment would set the prototype for a "__proto__" key instead of storing it.
    if (key === "__proto__") {
      Object.defineProperty(details, key, {
        value: text,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      details[key] = text;
    }
  }
  return details;
}

function parseModifiedProperties(value: unknown, where: string, warnings: string[]): ModifiedProperty[] {
  const items = listOrWarn(value, `${where}.modifiedProperties`, warnings);
  const properties: ModifiedProperty[] = [];
  for (let i = 0; i < items.length; i++) {
    const property = items[i];
    if (!isRecord(property)) {
      warnings.push(`${where}.modifiedProperties[${i}] is not an object; it was left out.`);
      continue;
    }
    const oldValueReported = Object.hasOwn(property, "oldValue");
    const oldValue = nullableText(property.oldValue);
    const newValue = nullableText(property.newValue);
    properties.push({
      name: nullableText(property.displayName ?? property.name) ?? "",
      oldValue,
      newValue,
      oldValueReported,
      change: propertyChange(oldValue, newValue, oldValueReported),
    });
  }
  return properties;
}
