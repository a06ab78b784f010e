import "server-only";
import type { ProvisionOnDemandRequestBody } from "@/lib/provisioning";
import type { GraphTransport } from "./graph-transport";
import { graphPath } from "./graph-transport";
import type { PacingLimiter, PacingPermit } from "./pacing";
import { requireId } from "./query-input";

export interface ProvisionOnDemandOptions {
  /** While the call waits for its turn under the rate limit; called again when its position changes. */
  onQueued?(info: { position: number; startsInMs: number }): void;
  /**
   * Awaited once the call has its turn, before each attempt is sent: where the caller records,
   * durably, that the call may reach Graph from now on. A throw sends nothing (the turn goes back).
   */
  beforeSend?(): Promise<void>;
  /** The request leaves the queue and is sent (again, when a 429 or 503 is retried). */
  onSent?(): void;
  signal?: AbortSignal;
  /** A turn already taken from the limiter (bulk runs take it before they claim an item); used for the first attempt. */
  permit?: PacingPermit;
}

export interface ProvisionOnDemandAnswer {
  status: number;
  /** The JSON as Graph returned it; `parseProvisionOnDemandResponse` in lib/provisioning reads it. */
  body: unknown;
  requestId: string | null;
  clientRequestId: string;
  date: string | null;
  attempts: number;
}

/** The pacing key: Graph's limit of 5 calls per 10 seconds applies to one job. */
export const pacingKey = (spId: string, jobId: string) => `${spId}/${jobId}`;

export function createProvisionOnDemand(
  transport: GraphTransport,
  limiter: PacingLimiter,
  provisionTimeoutMs: number,
) {
  return async function provisionOnDemand(
    spId: string,
    jobId: string,
    body: ProvisionOnDemandRequestBody,
    options: ProvisionOnDemandOptions = {},
  ): Promise<ProvisionOnDemandAnswer> {
    const sp = requireId(spId, "service principal id");
    const job = requireId(jobId, "job id");
    if (typeof body !== "object" || body === null || !Array.isArray(body.parameters))
      throw new TypeError(
        "The provisionOnDemand body must be built with buildProvisionOnDemandRequest: { parameters: [...] }.",
      );
    const { signal, onQueued, onSent, beforeSend } = options;
    let taken = options.permit;
    const send = async (permit: PacingPermit) => {
      try {
        await beforeSend?.();
      } catch (error) {
        permit.cancel?.();
        throw error;
      }
      onSent?.();
      return permit;
    };
    const answer = await transport.call({
      method: "POST",
      target: graphPath("servicePrincipals", sp, "synchronization", "jobs", job, "provisionOnDemand"),
      body,
      timeoutMs: provisionTimeoutMs,
      timeoutName: "provisionOnDemand timeout",
      signal,
      idempotent: false,
      beforeAttempt: async () => {
        const early = taken;
        taken = undefined; // a retry after 429 or 503 waits for a turn of its own
        if (early && (await early.sending?.()) !== false) return send(early);
        const permit = await limiter.acquire(pacingKey(sp, job), {
          signal,
          onWait: onQueued && ((info) => onQueued({ position: info.position, startsInMs: info.waitMs })),
        });
        return send(permit);
      },
    });
    const { status, requestId, clientRequestId, date, attempts } = answer;
    return { status, body: answer.body, requestId, clientRequestId, date, attempts };
  };
}
