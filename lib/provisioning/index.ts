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

export { codeInWords, explainCode, knownCodes, type CodeExplanation } from "./explain-code";
export type { CodeSeverity } from "./code-catalog";
export {
  explainReport,
  stepVerdictOf,
  type ExplanationNames,
  type ExplanationTone,
  type OutOfScopeReason,
  type PropertiesMeaning,
  type ReportCause,
  type ReportExplanation,
  type StepVerdict,
} from "./explain-report";
export {
  importedAttributesOf,
  scopeFactsOf,
  type ReportedClause,
  type ReportedFilter,
  type ScopeFacts,
} from "./scope-facts";
export { reportedMembersOf, type ReportedMember } from "./group-members";

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

export type {
  AttributeMappingInput,
  MappingSource,
  ObjectMappingInput,
  ScopeClauseInput,
  ScopeGroupInput,
  ScopingFilterInput,
  SynchronizationRuleInput,
} from "./mapping-schema";
export { objectMappingOf } from "./mapping-schema";
export { attributesInExpression, attributesReadBy, expressionTextOf } from "./expression-text";
export {
  explainProperties,
  mappingFactsOf,
  type MappingFacts,
  type PropertyExplanation,
} from "./mapping-explanation";
export {
  evaluateScope,
  isUnaryScopingOperator,
  SCOPING_OPERATORS,
  type EvaluatedClause,
  type EvaluatedFilter,
  type ScopeEvaluation,
  type ScopeValue,
} from "./scope-evaluation";
export {
  normaliseAction,
  parseProvisioningLogEntry,
  type EventOrigin,
  type ProvisioningLogEvent,
} from "./log-entry";
export { subjectOfEvent, type EventSubject } from "./log-subject";
