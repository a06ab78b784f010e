import "server-only";
import type { ResetScope } from "@/lib/api/contracts";
import type { GraphReader } from "./graph-reader";
import {
  synchronizationJobSchema,
  synchronizationSchemaSchema,
  type SynchronizationJob,
  type SynchronizationSchema,
} from "./graph-schemas";
import { graphPath, type GraphCallSpec, type GraphTransport } from "./graph-transport";
import { requireId } from "./query-input";
import { rulesOfSchema, type ProvisioningRule } from "./synchronization-rules";

const MAX_JOBS = 500;

/** What Graph said to a job action (they answer 204 with no body): its ids, for the audit log. */
export interface JobActionAnswer {
  status: number;
  requestId: string | null;
  clientRequestId: string;
}

export interface JobActionOptions {
  signal?: AbortSignal;
}

/**
 * A service principal's synchronization jobs, their schema and the rules provisioning on demand
 * can use; and the actions on a job: validateCredentials, the secret token, restart, pause, start.
 */
export function createSynchronization(
  reader: GraphReader,
  transport: GraphTransport,
  actionTimeoutMs: number,
) {
  const spPath = (spId: string, ...rest: string[]) =>
    graphPath("servicePrincipals", requireId(spId, "service principal id"), "synchronization", ...rest);
  const jobPath = (spId: string, jobId: string, ...rest: string[]) =>
    spPath(spId, "jobs", requireId(jobId, "job id"), ...rest);

  async function getSchema(
    spId: string,
    jobId: string,
    signal?: AbortSignal,
  ): Promise<SynchronizationSchema> {
    return reader.one(
      synchronizationSchemaSchema,
      `the schema of job ${jobId}`,
      jobPath(spId, jobId, "schema"),
      { signal },
    );
  }

  async function act(
    spec: Pick<GraphCallSpec, "method" | "target" | "body" | "idempotent">,
    options: JobActionOptions,
  ): Promise<JobActionAnswer> {
    const answer = await transport.call({
      ...spec,
      timeoutMs: actionTimeoutMs,
      timeoutName: "job action timeout",
      signal: options.signal,
    });
    return { status: answer.status, requestId: answer.requestId, clientRequestId: answer.clientRequestId };
  }

  return {
    async listJobs(spId: string, signal?: AbortSignal): Promise<SynchronizationJob[]> {
      return (
        await reader.all(
          synchronizationJobSchema,
          `the jobs of service principal ${spId}`,
          spPath(spId, "jobs"),
          {
            signal,
            maxItems: MAX_JOBS,
          },
        )
      ).items;
    },
    async getJob(spId: string, jobId: string, signal?: AbortSignal): Promise<SynchronizationJob> {
      return reader.one(synchronizationJobSchema, `job ${jobId}`, jobPath(spId, jobId), { signal });
    },
    getSchema,
    async listRules(spId: string, jobId: string, signal?: AbortSignal): Promise<ProvisioningRule[]> {
      return rulesOfSchema(await getSchema(spId, jobId, signal));
    },

    /** Test connection: the provisioning service tries the job's saved credentials against the target. */
    async validateSavedCredentials(
      spId: string,
      jobId: string,
      options: JobActionOptions = {},
    ): Promise<JobActionAnswer> {
      return act(
        {
          method: "POST",
          target: jobPath(spId, jobId, "validateCredentials"),
          body: { useSavedCredentials: true },
          idempotent: true,
        },
        options,
      );
    },
    /**
     * Saves the target's secret token (the `SecretToken` key; other saved keys are left as they
     * are). The value goes to Graph in this request's body and nowhere else.
     */
    async saveSecretToken(
      spId: string,
      secretToken: string,
      options: JobActionOptions = {},
    ): Promise<JobActionAnswer> {
      return act(
        {
          method: "PUT",
          target: spPath(spId, "secrets"),
          body: { value: [{ key: "SecretToken", value: secretToken }] },
          idempotent: true,
        },
        options,
      );
    },
    /** Restart with `resetScope` (one of Graph's flags). */
    async restartJob(
      spId: string,
      jobId: string,
      resetScope: ResetScope,
      options: JobActionOptions = {},
    ): Promise<JobActionAnswer> {
      return act(
        {
          method: "POST",
          target: jobPath(spId, jobId, "restart"),
          body: { criteria: { resetScope } },
          // Sending it twice after a lost answer would reset what the first one started again.
          idempotent: false,
        },
        options,
      );
    },
    async pauseJob(spId: string, jobId: string, options: JobActionOptions = {}): Promise<JobActionAnswer> {
      return act({ method: "POST", target: jobPath(spId, jobId, "pause"), idempotent: true }, options);
    },
    /** Starts a paused job; a quarantined one leaves quarantine. */
    async startJob(spId: string, jobId: string, options: JobActionOptions = {}): Promise<JobActionAnswer> {
      return act({ method: "POST", target: jobPath(spId, jobId, "start"), idempotent: true }, options);
    },
  };
}
