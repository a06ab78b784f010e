import "server-only";
import type { GraphFetch } from "@/lib/graph/graph-transport";

/** What a fake Graph saw: method, URL and headers of every request, with its JSON body. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export type Reply = (request: SeenRequest, index: number) => Response | Promise<Response>;

/** A fake Graph that answers from a function and records every request. */
export function scriptedGraph(reply: Reply): { fetch: GraphFetch; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetch: GraphFetch = async (request) => {
    const text = await request.text();
    const entry = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    seen.push(entry);
    return reply(entry, seen.length - 1);
  };
  return { fetch, seen };
}

/** Answers with a list of replies in turn; the last one repeats. */
export function inTurn(...replies: (() => Response)[]): Reply {
  return (_request, index) => replies[Math.min(index, replies.length - 1)]!();
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

export const graphErrorJson = (
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) =>
  json(
    {
      error: {
        code,
        message,
        innerError: {
          date: "2024-05-01T10:00:00",
          "request-id": "inner-request-id",
          "client-request-id": "x",
        },
      },
    },
    status,
    headers,
  );

/** Timeouts at or above this never fire under `instantSleep`. */
export const NEVER_MS = 600_000;

/**
 * Records the waits asked for and returns at once, so retry tests need no real time. Waits of
 * NEVER_MS or more (timeouts in those tests) only end when aborted.
 */
export function instantSleep(): {
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  waits: number[];
} {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        if (ms < NEVER_MS) {
          waits.push(ms);
          return resolve();
        }
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      }),
  };
}
