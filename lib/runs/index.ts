import "server-only";
export { openDatabase, openPostgresDatabase, openSqliteDatabase, type RunsDatabase } from "./database";
export {
  createRunService,
  type ProvisionCaller,
  type RunEnding,
  type RunLabeler,
  type RunService,
} from "./run-service";
export { findRun, interruptUnfinishedRuns, purgeRuns } from "./run-store";
export { findPreviousRun, listRuns, runsAsCsv } from "./history";
export { runsByChangeId } from "./change-links";
export { rememberNames, type DirectoryName } from "./directory-names";
export { appendAudit, auditAsCsv, listAudit, purgeAudit, type AuditAction, type AuditEntry } from "./audit";
export { createShare, listShares, MAX_SHARE_DAYS, openShare, revokeShare, sharedRunView } from "./shares";
export {
  DEFAULT_REDACTED_ATTRIBUTES,
  REDACTED,
  redactRun,
  redactSensitive,
  sensitiveAttributeTest,
  type SensitiveAttributeTest,
} from "./redaction";
export { compareRuns } from "./compare";
export { csvField, runAsCsv, runAsJson } from "./export";
export {
  findJobAction,
  findJobActionByIdempotencyKey,
  finishJobAction,
  insertJobAction,
  interruptUnfinishedJobActions,
  listJobActions,
  purgeJobActions,
  toJobAction,
  type JobActionEnding,
  type JobActionRow,
} from "./job-action-store";
