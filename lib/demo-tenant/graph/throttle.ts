import "server-only";

export interface ThrottleOptions {
  limit: number;
  windowMs: number;
}

/** Graph's documented limit for provisionOnDemand: 5 requests per 10 seconds. */
export const PROVISION_ON_DEMAND_LIMIT: ThrottleOptions = { limit: 5, windowMs: 10_000 };

export interface JobCallStats {
  provisionOnDemandCalls: number;
  throttled: number;
  /** The most calls (admitted or not) seen within any one window — what a pacing client must keep ≤ limit. */
  maxCallsInWindow: number;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

interface JobRecord extends JobCallStats {
  admitted: number[];
  attempts: number[];
}

/**
 * A sliding-window limiter per job key. With throttling off it still counts calls, over the
 * documented 10-second window, so pacing can be checked.
 */
export function createProvisionThrottle(options: ThrottleOptions | false, now: () => number) {
  const windowMs = options ? options.windowMs : PROVISION_ON_DEMAND_LIMIT.windowMs;
  const records = new Map<string, JobRecord>();
  const record = (key: string): JobRecord => {
    let r = records.get(key);
    if (!r)
      records.set(
        key,
        (r = { provisionOnDemandCalls: 0, throttled: 0, maxCallsInWindow: 0, admitted: [], attempts: [] }),
      );
    return r;
  };
  const prune = (times: number[], at: number) => {
    while (times.length > 0 && times[0]! <= at - windowMs) times.shift();
  };

  return {
    windowMs,
    admit(key: string): Admission {
      const at = now();
      const r = record(key);
      r.provisionOnDemandCalls++;
      prune(r.attempts, at);
      r.attempts.push(at);
      r.maxCallsInWindow = Math.max(r.maxCallsInWindow, r.attempts.length);
      prune(r.admitted, at);
      if (options && r.admitted.length >= options.limit) {
        r.throttled++;
        const oldest = r.admitted[r.admitted.length - options.limit]!;
        return { admitted: false, retryAfterSeconds: (oldest + windowMs - at) / 1000 };
      }
      r.admitted.push(at);
      return { admitted: true };
    },
    stats(key: string): JobCallStats {
      const r = records.get(key);
      return {
        provisionOnDemandCalls: r?.provisionOnDemandCalls ?? 0,
        throttled: r?.throttled ?? 0,
        maxCallsInWindow: r?.maxCallsInWindow ?? 0,
      };
    },
    reset() {
      records.clear();
    },
  };
}

export type ProvisionThrottle = ReturnType<typeof createProvisionThrottle>;
