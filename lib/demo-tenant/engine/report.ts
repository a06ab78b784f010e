import "server-only";

/** What one provisionOnDemand run did to one object, before it is written in Graph's wire shape. */

export type StepType = "Import" | "Matching" | "Scoping" | "Export";
export type StepStatus = "Success" | "Skipped" | "Failure" | "Warning";
export type ProvisioningResult = "Success" | "Skipped" | "Failure";
export type ProvisioningAction = "Create" | "Update" | "Disable" | "Delete" | "Other";

export interface ProvisioningStep {
  name: string;
  type: StepType;
  status: StepStatus;
  description: string;
  timestamp: string;
  details: Record<string, string>;
}

export interface ModifiedProperty {
  displayName: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface ProvisioningOutcome {
  result: ProvisioningResult;
  errorCode: string | null;
  errorMessage: string | null;
  /** Failures only: why, with the target's own words. */
  reason: string | null;
  errorCategory: string | null;
  recommendedAction: string | null;
}

export interface ObjectIdentity {
  id: string | null;
  type: string;
  displayName: string | null;
}

export interface ProvisioningReport {
  action: ProvisioningAction;
  changeId: string;
  startTime: string;
  endTime: string;
  modifiedProperties: ModifiedProperty[];
  steps: ProvisioningStep[];
  reportableIdentifier: string;
  outcome: ProvisioningOutcome;
  sourceIdentity: ObjectIdentity;
  targetIdentity: ObjectIdentity;
  sourceSystem: string;
  targetSystem: string;
}

/** Graph writes times with seven fractional digits ("2020-06-26T13:58:24.5494971Z"). */
export function graphTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
}

export function success(): ProvisioningOutcome {
  return {
    result: "Success",
    errorCode: null,
    errorMessage: null,
    reason: null,
    errorCategory: null,
    recommendedAction: null,
  };
}

export function skipped(errorCode: string, errorMessage: string): ProvisioningOutcome {
  return {
    result: "Skipped",
    errorCode,
    errorMessage,
    reason: null,
    errorCategory: null,
    recommendedAction: null,
  };
}

export function failure(
  errorCode: string,
  reason: string,
  recommendedAction: string | null,
  errorCategory: "NonServiceFailure" | "ServiceFailure" = "NonServiceFailure",
): ProvisioningOutcome {
  return { result: "Failure", errorCode, errorMessage: reason, reason, errorCategory, recommendedAction };
}

/** Collects steps with the clock of the environment; `finish` stamps the end time. */
export class ReportBuilder {
  readonly steps: ProvisioningStep[] = [];
  readonly startTime: string;

  constructor(private readonly now: () => Date) {
    this.startTime = graphTimestamp(now());
  }

  timestamp(): string {
    return graphTimestamp(this.now());
  }

  step(step: Omit<ProvisioningStep, "timestamp"> & { timestamp?: string }): void {
    const { name, type, status, description, details } = step;
    this.steps.push({
      name,
      type,
      status,
      description,
      timestamp: step.timestamp ?? this.timestamp(),
      details,
    });
  }

  finish(fields: Omit<ProvisioningReport, "steps" | "startTime" | "endTime">): ProvisioningReport {
    return { ...fields, steps: this.steps, startTime: this.startTime, endTime: this.timestamp() };
  }
}

export interface ProvisionOnDemandAnswer {
  key: string;
  value: string;
}

function keyText(outcome: ProvisioningOutcome): string {
  const details =
    outcome.result === "Success" ? {} : { errorCode: outcome.errorCode, errorMessage: outcome.errorMessage };
  return JSON.stringify({ result: outcome.result, details });
}

/** App provisioning (Entra ID → app): the field order and explicit nulls of Graph's Example 1. */
export function appProvisioningAnswer(report: ProvisioningReport): ProvisionOnDemandAnswer {
  const failed = report.outcome.result === "Failure";
  const value = {
    action: report.action,
    changeId: report.changeId,
    endTime: report.endTime,
    modifiedProperties: report.modifiedProperties,
    provisioningSteps: report.steps,
    reportableIdentifier: report.reportableIdentifier,
    startTime: report.startTime,
    statusInfo: {
      status: report.outcome.result,
      errorCode: failed ? report.outcome.errorCode : null,
      reason: failed ? report.outcome.reason : null,
      additionalDetails: null,
      errorCategory: failed ? report.outcome.errorCategory : null,
      recommendedAction: failed ? report.outcome.recommendedAction : null,
    },
    sourceIdentity: { ...report.sourceIdentity, details: null },
    sourceSystem: { id: null, name: report.sourceSystem, details: null },
    targetIdentity: { ...report.targetIdentity, details: null },
    targetSystem: { id: null, name: report.targetSystem, details: null },
  };
  return { key: keyText(report.outcome), value: JSON.stringify(value) };
}

/** Cloud Sync (AD → Entra ID): the field order of Graph's Example 2, nulls left out, only new values. */
export function cloudSyncAnswer(report: ProvisioningReport): ProvisionOnDemandAnswer {
  const { outcome } = report;
  const statusInfo = Object.fromEntries(
    Object.entries({
      status: outcome.result,
      errorCode: outcome.result === "Failure" ? outcome.errorCode : null,
      reason: outcome.reason,
      errorCategory: outcome.errorCategory,
      recommendedAction: outcome.recommendedAction,
    }).filter(([, v]) => v !== null),
  );
  const value = {
    provisioningSteps: report.steps,
    modifiedProperties: report.modifiedProperties.map(({ displayName, newValue }) => ({
      displayName,
      newValue,
    })),
    action: report.action,
    changeId: report.changeId,
    endTime: report.endTime,
    reportableIdentifier: report.reportableIdentifier,
    sourceIdentity: { id: report.sourceIdentity.id, type: report.sourceIdentity.type },
    sourceSystem: { name: report.sourceSystem },
    startTime: report.startTime,
    statusInfo,
    targetIdentity: { id: report.targetIdentity.id, type: report.targetIdentity.type },
    targetSystem: { name: report.targetSystem },
  };
  return { key: keyText(outcome), value: JSON.stringify(value) };
}

/** Step details and property values are strings; lists are shown comma-separated as Entra does. */
export function displayText(value: string | string[] | null): string | null {
  if (value === null) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}
