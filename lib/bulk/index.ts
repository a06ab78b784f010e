export { createBulkService, type BulkService } from "./bulk-service";
export { createBulkWorker, type BulkGraph, type BulkWorker } from "./bulk-worker";
export { completeFinishedBulkRuns, recoverOrphanedItems, type RecoveredItems } from "./bulk-store";
export { resolveBulkSource, type BulkDirectory, type DirectoryObject } from "./resolve";
export { GROUP_MEMBERS_PER_CALL, leastDurationMs, MAX_BULK_OBJECTS } from "./limits";
export { bulkItemsAsCsv } from "./bulk-csv";
