export { openDatabase, openPostgresDatabase, openSqliteDatabase, type RunsDatabase } from "./database";
export { createRunService, type ProvisionCaller, type RunLabeler, type RunService } from "./run-service";
export { interruptUnfinishedRuns } from "./run-store";
