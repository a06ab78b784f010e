import "server-only";
import { ScimCallError, ScimClient } from "../engine/scim-client";
import type {
  DemoJob,
  JobCycle,
  SynchronizationQuarantine,
  SynchronizationStatus,
  SynchronizationTaskExecution,
} from "../model";

// A job's life as the provisioning service leads it: Test connection, the saved credentials,
// restart with a reset scope, pause and start. A quarantine has a cause the tenant can check: a
// job whose target refuses its saved token goes back into quarantine as soon as a cycle begins.

export interface JobLifecycleEnvironment {
  /** Reaches SCIM targets (the tenant's own in-process, others over the network). */
  scimFetch: (request: Request) => Promise<Response>;
  now: () => Date;
  newId: () => string;
}

/** What Test connection found: nothing wrong, or Graph's error code and message. */
export type ConnectionTest = { ok: true } | { ok: false; code: string; message: string };

/** Credentials to try instead of the saved ones (validateCredentials with `credentials`). */
export interface TrialCredentials {
  baseAddress?: string;
  secretToken?: string | null;
}

/** Graph's reset scope flags; `None` resets nothing, `Full` everything but the held-back deletes. */
export const RESET_FLAGS = [
  "None",
  "ConnectorDataStore",
  "Escrows",
  "Watermark",
  "QuarantineState",
  "Full",
  "ForceDeletes",
] as const;
export type ResetFlag = (typeof RESET_FLAGS)[number];

/** The restart of the admin center ("Restart provisioning"), when no criteria are given. */
export const PORTAL_RESTART: ResetFlag[] = ["Watermark", "Escrows", "QuarantineState"];

export const CREDENTIAL_VALIDATION_FAILURE =
  "SystemForCrossDomainIdentityManagementCredentialValidationFailure";
export const CREDENTIAL_VALIDATION_UNAVAILABLE =
  "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable";

const QUARANTINE_RETRY_MS = 12 * 60 * 60_000;
const MAX_CYCLES_KEPT = 50;

/** The synchronization service's timestamps carry seven fractional digits. */
function serviceTime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}0000Z`;
}

export function createJobLifecycle(env: JobLifecycleEnvironment) {
  /** Test connection: the way Entra's SCIM client checks a target, a filter that matches no one. */
  async function testConnection(job: DemoJob, trial: TrialCredentials = {}): Promise<ConnectionTest> {
    const { target } = job;
    if (target.kind !== "scim") return { ok: true }; // Cloud Sync: the agent holds the credentials
    const baseUrl = trial.baseAddress ?? target.baseUrl;
    const token = trial.secretToken !== undefined ? trial.secretToken : target.bearerToken;
    const scim = new ScimClient({ baseUrl, bearerToken: token, fetch: env.scimFetch, timeoutMs: 15_000 });
    try {
      await scim.query("Users", `userName eq "${env.newId()}"`);
      return { ok: true };
    } catch (error) {
      if (!(error instanceof ScimCallError)) throw error;
      return connectionFailure(baseUrl, error);
    }
  }

  /** A cycle begins: with the credentials refused, the job is back in quarantine at once. */
  async function beginCycle(
    job: DemoJob,
    trigger: JobCycle["trigger"],
    resetScope: ResetFlag[],
  ): Promise<void> {
    const began = env.now();
    const test = await testConnection(job);
    const cycle: JobCycle = {
      cycleId: env.newId(),
      began: began.toISOString(),
      trigger,
      resetScope,
      initial: resetScope.some((flag) => flag === "Watermark" || flag === "Full"),
      outcome: test.ok ? "running" : "quarantined",
      error: test.ok ? null : { code: test.code, message: test.message },
    };
    job.cycles = [...(job.cycles ?? []), cycle].slice(-MAX_CYCLES_KEPT);
    const status = job.job.status;
    if (test.ok) {
      status.code = "Active";
      return;
    }
    quarantine(status, began, env.newId(), {
      code: test.code,
      message: test.message,
      tenantActionable: true,
    });
  }

  return {
    testConnection,

    /** PUT synchronization/secrets: the keys given replace the saved ones; the others stay. */
    saveSecrets(jobs: DemoJob[], secrets: { baseAddress?: string; secretToken?: string | null }) {
      for (const job of jobs) {
        if (job.target.kind !== "scim") continue;
        if (secrets.baseAddress !== undefined) job.target.baseUrl = secrets.baseAddress.replace(/\/+$/, "");
        if (secrets.secretToken !== undefined) job.target.bearerToken = secrets.secretToken;
      }
    },

    async restart(job: DemoJob, flags: ResetFlag[]): Promise<void> {
      const scope = new Set(flags.includes("Full") ? [...flags, ...PORTAL_RESTART] : flags);
      const status = job.job.status;
      if (scope.has("Escrows")) clearEscrows(status);
      if (scope.has("QuarantineState")) {
        status.quarantine = null;
        status.countSuccessiveCompleteFailures = 0;
      } else if (status.code === "Quarantine") {
        return; // still quarantined: only a reset of the quarantine state lets a cycle begin
      }
      job.job.schedule.state = "Active";
      await beginCycle(job, "restart", flags);
    },

    /** Scheduled cycles stop; provisioning on demand still works, as in Entra. */
    pause(job: DemoJob): void {
      job.job.schedule.state = "Disabled";
      job.job.status.code = "Paused";
    },

    /** Resumes the schedule; a quarantined job leaves quarantine and a cycle begins. */
    async start(job: DemoJob): Promise<void> {
      const status = job.job.status;
      status.quarantine = null;
      status.countSuccessiveCompleteFailures = 0;
      job.job.schedule.state = "Active";
      await beginCycle(job, "start", []);
    },
  };
}

export type JobLifecycle = ReturnType<typeof createJobLifecycle>;

function connectionFailure(baseUrl: string, error: ScimCallError): ConnectionTest {
  const refused = error.status === 401 || error.status === 403;
  const request = `GET ${baseUrl.replace(/\/+$/, "")}/Users?filter=userName eq "…"`;
  const answer =
    error.status === null
      ? `no answer (${error.targetMessage})`
      : `HTTP ${error.status}${error.targetMessage ? `: ${error.targetMessage}` : ""}`;
  return {
    ok: false,
    code: refused ? CREDENTIAL_VALIDATION_FAILURE : CREDENTIAL_VALIDATION_UNAVAILABLE,
    message: refused
      ? `The application refused the credentials when the provisioning service tried them. Request: ${request}. Answer: ${answer}. Enter a valid secret token (and tenant URL) for the application.`
      : `The provisioning service could not check the credentials with the application. Request: ${request}. Answer: ${answer}. Check that the tenant URL is right and the application is up.`,
  };
}

function clearEscrows(status: SynchronizationStatus): void {
  for (const execution of [status.lastExecution, status.lastSuccessfulExecution]) {
    if (!execution) continue;
    execution.countEscrowed = 0;
    execution.countEscrowedRaw = 0;
  }
}

/** Into quarantine (again): the series goes on, the current one begins now, the next attempt is hours away. */
function quarantine(
  status: SynchronizationStatus,
  at: Date,
  activityIdentifier: string,
  error: NonNullable<SynchronizationQuarantine["error"]>,
): void {
  const previous = status.quarantine;
  status.code = "Quarantine";
  status.countSuccessiveCompleteFailures += 1;
  status.quarantine = {
    currentBegan: serviceTime(at),
    nextAttempt: serviceTime(new Date(at.getTime() + QUARANTINE_RETRY_MS)),
    reason: "EncounteredQuarantineException",
    seriesBegan: previous?.seriesBegan || serviceTime(at),
    seriesCount: (previous?.seriesCount ?? 0) + 1,
    error,
  };
  status.lastExecution = failedExecution(at, activityIdentifier, error);
}

function failedExecution(
  at: Date,
  activityIdentifier: string,
  error: NonNullable<SynchronizationTaskExecution["error"]>,
): SynchronizationTaskExecution {
  const time = serviceTime(at);
  return {
    activityIdentifier,
    countEntitled: 0,
    countEntitledForProvisioning: 0,
    countEscrowed: 0,
    countEscrowedRaw: 0,
    countExported: 0,
    countExports: 0,
    countImported: 0,
    countImportedDeltas: 0,
    countImportedReferenceDeltas: 0,
    state: "Failed",
    timeBegan: time,
    timeEnded: time,
    error,
  };
}
