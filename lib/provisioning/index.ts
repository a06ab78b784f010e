export { parseProvisionOnDemandResponse } from "./parse-result";
export type {
  ModifiedProperty,
  Outcome,
  PropertyChange,
  ProvisioningParty,
  ProvisioningReport,
  ProvisioningResult,
  ProvisioningStep,
  StepKind,
  WireShape,
} from "./result";
export { OUTCOMES, STEP_KINDS } from "./result";
export { combineOutcomes, normaliseOutcome, stepKindOf } from "./outcome";
export { propertyChange } from "./diff";

export { explainCode, knownCodes, type CodeExplanation } from "./explain-code";
export type { CodeSeverity } from "./code-catalog";

export {
  buildProvisionOnDemandRequest,
  MAX_GROUP_MEMBERS,
  provisionRequestInputSchema,
  provisionSubjectSchema,
  ProvisionRequestError,
  type FlatProvisionRequestInput,
  type ProvisionOnDemandRequestBody,
  type ProvisionRequestInput,
  type ProvisionSubject,
  type RequestProblem,
  type SynchronizationJobSubject,
  subjectObjectKey,
} from "./build-request";
export { distinguishedNameProblem } from "./distinguished-name";
export {
  modifiedPropertySchema,
  provisioningReportSchema,
  provisioningResultSchema,
  provisioningStepSchema,
} from "./result-schema";
export {
  normaliseAction,
  parseProvisioningLogEntry,
  type EventOrigin,
  type ProvisioningLogEvent,
} from "./log-entry";
export { subjectOfEvent, type EventSubject } from "./log-subject";
