import "server-only";
import { systemSleep, type Sleep } from "./clock";
import {
  decodeBody,
  GraphError,
  graphErrorFromAnswer,
  isGraphError,
  NETWORK_ERROR,
  TIMEOUT,
  UNEXPECTED_RESPONSE,
} from "./graph-error";
import { parseRetryAfter } from "./retry-after";

export type GraphFetch = (request: Request) => Promise<Response>;
export type GraphVersion = "v1.0" | "beta";

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for; the 429 or 503 is returned to the caller. */
  maxRetryAfterMs?: number;
}

export interface TransportOptions {
  fetch: GraphFetch;
  baseUrl: string;
  version?: GraphVersion;
  getAccessToken?: () => Promise<string | null>;
  retry?: RetryOptions;
  sleep?: Sleep;
  now?: () => number;
  random?: () => number;
}

export interface GraphCallSpec {
  method: "GET" | "POST" | "PUT";
  /** A path after the version with its segments already encoded (see `graphPath`), or a checked absolute URL. */
  target: string | URL;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Sends `ConsistencyLevel: eventual`, which directory `$search` and `$count` require. */
  eventual?: boolean;
  timeoutMs: number;
  /** Names the limit in a timeout's message, e.g. "read timeout". */
  timeoutName: string;
  signal?: AbortSignal;
  /** Awaited before every attempt, retries included: where pacing waits for its turn. Told when Graph answers. */
  beforeAttempt?: () => Promise<{ answered(): void } | void>;
  /** Failures to reach Graph are retried only when sending twice is harmless. */
  idempotent: boolean;
}

export interface GraphAnswer {
  status: number;
  /** Parsed JSON, or the text when it was not JSON, or null when empty. */
  body: unknown;
  json: boolean;
  requestId: string | null;
  clientRequestId: string;
  date: string | null;
  attempts: number;
}

export const DEFAULT_RETRY = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
} as const;

/** `/servicePrincipals/{id}/…` with every id encoded as an opaque segment (job ids have dots, rule ids `#`). */
export function graphPath(...segments: string[]): string {
  return segments.map((s) => `/${encodeURIComponent(s)}`).join("");
}

export type GraphTransport = ReturnType<typeof createGraphTransport>;

export function createGraphTransport(options: TransportOptions) {
  const version = options.version ?? "v1.0";
  const base = parseBaseUrl(options.baseUrl);
  const root = `${base.origin}${base.pathname}/${version}`;
  const sleep = options.sleep ?? systemSleep;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const retry = { ...DEFAULT_RETRY, ...definedOnly(options.retry ?? {}) };
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1)
    throw new RangeError(`retry.maxAttempts must be a whole number ≥ 1, got ${retry.maxAttempts}.`);

  function urlOf(target: string | URL, query: GraphCallSpec["query"]): URL {
    if (target instanceof URL) return target;
    const pairs = Object.entries(query ?? {}).filter(
      (entry): entry is [string, string | number] => entry[1] !== undefined,
    );
    // Values encoded with encodeURIComponent: Graph wants %20, not the "+" URLSearchParams would write.
    const search = pairs.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join("&");
    return new URL(`${root}${target}${search ? `?${search}` : ""}`);
  }

  /** A link Graph handed back (nextLink): followed only on the same origin and version, or the token would leak. */
  function sameOriginLink(link: string): URL {
    let url: URL;
    try {
      url = new URL(link, `${root}/`);
    } catch {
      throw new GraphError({
        status: 502,
        code: UNEXPECTED_RESPONSE,
        message: `Microsoft Graph returned a next-page link that is not a URL: ${link}`,
      });
    }
    if (url.origin !== base.origin || !url.pathname.startsWith(`${base.pathname}/${version}/`))
      throw new GraphError({
        status: 502,
        code: UNEXPECTED_RESPONSE,
        message: `Microsoft Graph returned a next-page link outside ${root}; it was not followed: ${url.origin}${url.pathname}`,
      });
    return url;
  }

  /** The part of a same-origin URL after the version, e.g. "/servicePrincipals?$skiptoken=…". */
  function relativeToVersion(url: URL): string {
    return `${url.pathname.slice(base.pathname.length + version.length + 1)}${url.search}`;
  }

  function backoffMs(attempt: number): number {
    const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling * (0.5 + random() * 0.5));
  }

  /** How long to wait before trying again, or null when this failure is final. */
  function retryDelay(error: GraphError, attempt: number, idempotent: boolean): number | null {
    if (attempt >= retry.maxAttempts) return null;
    if (error.code === NETWORK_ERROR) return idempotent ? backoffMs(attempt) : null;
    if (error.status !== 429 && error.status !== 503 && error.status !== 504) return null;
    if (error.code === TIMEOUT) return null;
    if (error.retryAfterMs === null) return backoffMs(attempt);
    return error.retryAfterMs <= retry.maxRetryAfterMs ? error.retryAfterMs : null;
  }

  async function attemptOnce(
    spec: GraphCallSpec,
    url: URL,
    clientRequestId: string,
    attempt: number,
  ): Promise<GraphAnswer> {
    const { signal } = spec;
    if (signal?.aborted) throw signal.reason;
    // The request is built before waiting for a turn, so a call the limiter releases reaches Graph at once.
    const controller = new AbortController();
    const headers = new Headers({ Accept: "application/json", "client-request-id": clientRequestId });
    const token = await options.getAccessToken?.();
    if (token) headers.set("Authorization", `Bearer ${token}`);
    if (spec.eventual) headers.set("ConsistencyLevel", "eventual");
    if (spec.body !== undefined) headers.set("Content-Type", "application/json");
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const request = new Request(url, { method: spec.method, headers, body, signal: controller.signal });
    const turn = await spec.beforeAttempt?.();

    const onCallerAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onCallerAbort, { once: true });
    const timer = new AbortController();
    let timedOut = false;
    sleep(spec.timeoutMs, timer.signal).then(
      () => {
        timedOut = true;
        controller.abort();
      },
      () => undefined,
    );
    // An in-process handler ignores the request's signal, so the answer races the abort.
    const aborted = new Promise<never>((_, reject) =>
      controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true }),
    );
    aborted.catch(() => undefined);
    try {
      const response = await Promise.race([options.fetch(request), aborted]);
      turn?.answered();
      const text = await Promise.race([response.text(), aborted]);
      const { body: decoded, json } = decodeBody(text);
      const ids = {
        requestId: response.headers.get("request-id"),
        clientRequestId: response.headers.get("client-request-id") ?? clientRequestId,
        date: response.headers.get("Date"),
      };
      if (response.status >= 200 && response.status < 300)
        return { status: response.status, body: decoded, json, ...ids, attempts: attempt };
      throw graphErrorFromAnswer(
        response.status,
        decoded,
        ids,
        parseRetryAfter(response.headers.get("Retry-After"), now()),
      );
    } catch (error) {
      if (timedOut)
        throw new GraphError({
          status: 504,
          code: TIMEOUT,
          message: `Microsoft Graph did not answer ${spec.method} ${url.pathname} within ${formatSeconds(spec.timeoutMs)} (the ${spec.timeoutName}).`,
          clientRequestId,
        });
      if (signal?.aborted) throw signal.reason;
      if (isGraphError(error)) throw error;
      throw new GraphError({
        status: 502,
        code: NETWORK_ERROR,
        message: `Microsoft Graph could not be reached: ${error instanceof Error ? error.message : String(error)}`,
        clientRequestId,
      });
    } finally {
      turn?.answered();
      timer.abort();
      signal?.removeEventListener("abort", onCallerAbort);
    }
  }

  /** One Graph operation: retried on 429 (after Retry-After), 503 and 504 (backoff with jitter), bounded. */
  async function call(spec: GraphCallSpec): Promise<GraphAnswer> {
    const url = urlOf(spec.target, spec.query);
    const clientRequestId = crypto.randomUUID();
    for (let attempt = 1; ; attempt++) {
      try {
        return await attemptOnce(spec, url, clientRequestId, attempt);
      } catch (error) {
        if (!isGraphError(error)) throw error;
        const delay = retryDelay(error, attempt, spec.idempotent);
        if (delay === null) throw error;
        await sleep(delay, spec.signal);
      }
    }
  }

  return { call, sameOriginLink, relativeToVersion, root, version, now, sleep, retry, backoffMs };
}

function parseBaseUrl(baseUrl: string): { origin: string; pathname: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(
      `Graph baseUrl must be an absolute URL such as https://graph.microsoft.com, got "${baseUrl}".`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new TypeError(`Graph baseUrl must use https, got "${baseUrl}".`);
  if (url.search || url.hash)
    throw new TypeError(`Graph baseUrl must not carry a query or fragment, got "${baseUrl}".`);
  if (/\/(v1\.0|beta)\/?$/i.test(url.pathname))
    throw new TypeError(
      `Graph baseUrl must not include the version (set "version" instead), got "${baseUrl}".`,
    );
  return { origin: url.origin, pathname: url.pathname.replace(/\/+$/, "") };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const formatSeconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);
