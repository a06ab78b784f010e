import { createServer, request as forward, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// Between a console and the demo tenant (as Graph): passes every request on unchanged and notes each
// provisionOnDemand call — when it arrived, on which job, for which objects. It runs in the test's
// own process, so the record survives a console killed with -9: what Graph received, exactly.

export interface RecordedCall {
  /** Date.now() when the call reached the proxy. */
  at: number;
  jobId: string;
  objectIds: string[];
  /** Graph's answer; null until it came (or when it never did). */
  status: number | null;
}

export interface RecordingGraphProxy {
  url: string;
  calls: RecordedCall[];
  /**
   * How many calls for this object on this job Graph took in: a 429 (throttled, not processed) is
   * not one, and a call whose answer never came (the caller died) is.
   */
  callsFor(jobId: string, objectId: string): number;
  /**
   * Holds the job's provisionOnDemand calls at the proxy (they have reached "Graph", which has not
   * answered yet) until `release` is called: a console killed meanwhile has calls in flight.
   */
  hold(jobId: string): { held(): number; release(): void };
  stop(): Promise<void>;
}

const PROVISION = /\/servicePrincipals\/[^/]+\/synchronization\/jobs\/([^/]+)\/provisionOnDemand$/;

/**
 * `delayMs`: how long each provisionOnDemand call is held before it goes on, so that calls are in
 * flight when a console is killed (as a slow target makes them).
 */
export async function startRecordingGraphProxy(
  target: string,
  { delayMs = 0 }: { delayMs?: number } = {},
): Promise<RecordingGraphProxy> {
  const calls: RecordedCall[] = [];
  const holds = new Map<string, (() => void)[]>();
  const server: Server = createServer((req, res) => {
    const at = Date.now();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const job = PROVISION.exec(new URL(req.url ?? "/", "http://proxy").pathname);
      const call: RecordedCall | null = job
        ? { at, jobId: decodeURIComponent(job[1]!), objectIds: objectIdsOf(body), status: null }
        : null;
      if (call) calls.push(call);
      // The Host header goes on as sent, so the tenant's next-page links name the proxy.
      const send = () => {
        const upstream = forward(
          new URL(req.url ?? "/", target),
          { method: req.method, headers: req.headers },
          (answer) => {
            if (call) call.status = answer.statusCode ?? null;
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on("error", (error) => {
          if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
          res.end(`recording proxy: ${String(error)}`);
        });
        upstream.end(body);
      };
      const later = () => (delayMs > 0 ? setTimeout(send, delayMs) : send());
      const held = call ? holds.get(call.jobId) : undefined;
      if (held) held.push(later);
      else if (call) later();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsFor: (jobId, objectId) =>
      calls.filter((call) => call.jobId === jobId && call.objectIds.includes(objectId) && call.status !== 429)
        .length,
    hold(jobId) {
      const waiting: (() => void)[] = [];
      holds.set(jobId, waiting);
      return {
        held: () => waiting.length,
        release() {
          if (holds.get(jobId) === waiting) holds.delete(jobId);
          for (const go of waiting.splice(0)) go();
        },
      };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The objects a provisionOnDemand body names (every subject of every rule). */
function objectIdsOf(body: Buffer): string[] {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as {
      parameters?: { subjects?: { objectId?: string }[] }[];
    };
    return (parsed.parameters ?? []).flatMap((p) => (p.subjects ?? []).map((s) => s.objectId ?? ""));
  } catch {
    return [];
  }
}
