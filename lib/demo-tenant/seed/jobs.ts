import "server-only";
import type { SynchronizationJob, SynchronizationStatus, SynchronizationTaskExecution } from "../model";
import { SEED_REFERENCE_TIME, synchronizationTimestamp } from "./clock";
import type { SeededRandom } from "./random";

const NEVER = "0001-01-01T00:00:00Z";
const MINUTE_MS = 60_000;

function execution(
  random: SeededRandom,
  endedMinutesAgo: number,
  exported: number,
  state: SynchronizationTaskExecution["state"],
): SynchronizationTaskExecution {
  const ended = SEED_REFERENCE_TIME - endedMinutesAgo * MINUTE_MS;
  const imported = random.between(20, 400);
  return {
    activityIdentifier: random.guid(),
    countEntitled: random.between(10, imported),
    countEntitledForProvisioning: 0,
    countEscrowed: 0,
    countEscrowedRaw: 0,
    countExported: exported,
    countExports: exported,
    countImported: imported,
    countImportedDeltas: random.between(0, 20),
    countImportedReferenceDeltas: random.between(0, 5),
    state,
    timeBegan: synchronizationTimestamp(ended - random.between(5_000, 90_000), random),
    timeEnded: synchronizationTimestamp(ended, random),
    error: null,
  };
}

/** A job that has been running its regular cycle without trouble. */
export function activeStatus(
  random: SeededRandom,
  entryCounts: { key: string; value: number }[],
): SynchronizationStatus {
  const last = execution(random, random.between(3, 35), 0, "Succeeded");
  const withExports = execution(random, random.between(60, 600), random.between(1, 12), "Succeeded");
  return {
    code: "Active",
    countSuccessiveCompleteFailures: 0,
    escrowsPruned: false,
    lastExecution: last,
    lastSuccessfulExecution: last,
    lastSuccessfulExecutionWithExports: withExports,
    progress: [],
    quarantine: null,
    steadyStateFirstAchievedTime: synchronizationTimestamp(
      SEED_REFERENCE_TIME - random.between(30, 400) * 1440 * MINUTE_MS,
      random,
    ),
    steadyStateLastAchievedTime: last.timeEnded,
    synchronizedEntryCountByType: entryCounts.map((e) => ({ key: e.key, value: e.value })),
    troubleshootingUrl: null,
  };
}

/** A job the service quarantined because the target refuses its credentials (as Graph shows it). */
export function quarantinedStatus(random: SeededRandom): SynchronizationStatus {
  const seriesBegan = SEED_REFERENCE_TIME - 3 * 1440 * MINUTE_MS;
  const currentBegan = SEED_REFERENCE_TIME - 150 * MINUTE_MS;
  const error = {
    code: "SystemForCrossDomainIdentityManagementInvalidCredentials",
    message:
      "Please provide a valid tenant URL for your application. The provided tenant URL returned 401 Unauthorized for the SCIM test request.",
    tenantActionable: true,
  };
  const failed = { ...execution(random, 150, 0, "Failed"), error };
  return {
    code: "Quarantine",
    countSuccessiveCompleteFailures: 7,
    escrowsPruned: false,
    lastExecution: failed,
    lastSuccessfulExecution: null,
    lastSuccessfulExecutionWithExports: null,
    progress: [],
    quarantine: {
      currentBegan: synchronizationTimestamp(currentBegan, random),
      nextAttempt: synchronizationTimestamp(currentBegan + 12 * 60 * MINUTE_MS, random),
      reason: "EncounteredQuarantineException",
      seriesBegan: synchronizationTimestamp(seriesBegan, random),
      seriesCount: 7,
      error,
    },
    steadyStateFirstAchievedTime: NEVER,
    steadyStateLastAchievedTime: NEVER,
    synchronizedEntryCountByType: [],
    troubleshootingUrl: null,
  };
}

export function synchronizationJob(
  id: string,
  templateId: string,
  status: SynchronizationStatus,
  settings: { name: string; value: string }[],
  interval = "PT40M",
): SynchronizationJob {
  return {
    id,
    templateId,
    schedule: { expiration: null, interval, state: "Active" },
    status,
    synchronizationJobSettings: settings,
  };
}
