import "server-only";
import type { z } from "zod";
import { GraphError, graphErrorFromAnswer, UNEXPECTED_RESPONSE } from "./graph-error";
import type { GraphReader } from "./graph-reader";
import { readAnswer } from "./graph-reader";
import {
  batchAnswerSchema,
  collectionSchema,
  servicePrincipalSchema,
  synchronizationJobSchema,
  type ServicePrincipal,
  type SynchronizationJob,
} from "./graph-schemas";
import { graphPath, type GraphTransport } from "./graph-transport";
import { parseRetryAfter } from "./retry-after";

/** A service principal with at least one synchronization job. */
export interface ProvisioningApp {
  id: string;
  appId: string | null;
  displayName: string | null;
  tags: string[];
  jobs: SynchronizationJob[];
}

/** A service principal whose jobs could not be read (no permission on it, or Graph kept failing). */
export interface UncheckedServicePrincipal {
  id: string;
  displayName: string | null;
  status: number;
  code: string;
  message: string;
}

export interface Discovery {
  items: ProvisioningApp[];
  /** Service principals listed and probed. */
  servicePrincipalCount: number;
  unchecked: UncheckedServicePrincipal[];
  /** The tenant has more service principals than discovery reads. */
  truncated: boolean;
  discoveredAt: string;
}

export interface DiscoveryOptions {
  transport: GraphTransport;
  reader: GraphReader;
  readTimeoutMs: number;
  cacheMs?: number;
  maxServicePrincipals?: number;
  /** $batch requests in flight at once. */
  concurrency?: number;
}

/** Graph's limit of requests in one $batch. */
export const BATCH_SIZE = 20;
const SP_SELECT = "id,appId,displayName,tags";
const jobsSchema = collectionSchema(synchronizationJobSchema);

type BatchItem = z.infer<typeof batchAnswerSchema>["responses"][number];

const headerOf = (headers: BatchItem["headers"], name: string): string | null => {
  for (const [key, value] of Object.entries(headers ?? {})) if (key.toLowerCase() === name) return value;
  return null;
};

/**
 * Finds the applications that have provisioning. Graph cannot filter service principals by it,
 * so every one is listed and its jobs probed through $batch; the answer is cached briefly and
 * shared by concurrent callers.
 */
export function createDiscovery(options: DiscoveryOptions) {
  const { transport, reader } = options;
  const cacheMs = options.cacheMs ?? 60_000;
  const maxServicePrincipals = options.maxServicePrincipals ?? 50_000;
  const concurrency = Math.max(1, options.concurrency ?? 3);
  let cached: { at: number; discovery: Promise<Discovery> } | null = null;

  async function probeBatch(
    sps: ServicePrincipal[],
    apps: ProvisioningApp[],
    unchecked: UncheckedServicePrincipal[],
  ) {
    let pending = sps.map((sp, index) => ({ sp, id: String(index) }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      const answer = await transport.call({
        method: "POST",
        target: "/$batch",
        body: {
          requests: pending.map(({ sp, id }) => ({
            id,
            method: "GET",
            url: graphPath("servicePrincipals", sp.id, "synchronization", "jobs"),
          })),
        },
        timeoutMs: options.readTimeoutMs,
        timeoutName: "read timeout",
        idempotent: true,
      });
      const { responses } = readAnswer(answer, batchAnswerSchema, "a $batch of synchronization job lists");
      const byId = new Map(responses.map((r) => [r.id, r]));
      const again: typeof pending = [];
      let waitMs = 0;
      for (const entry of pending) {
        const item = byId.get(entry.id);
        const outcome = item
          ? readProbe(entry.sp, item, answer.clientRequestId, transport.now())
          : missingAnswer(entry.sp);
        if (outcome.kind === "none") continue;
        if (outcome.kind === "jobs") {
          if (outcome.jobs.length > 0)
            apps.push({
              id: entry.sp.id,
              appId: entry.sp.appId ?? null,
              displayName: entry.sp.displayName ?? null,
              tags: entry.sp.tags ?? [],
              jobs: outcome.jobs,
            });
          continue;
        }
        const { error } = outcome;
        const delay = error.retryAfterMs ?? transport.backoffMs(attempt);
        if (
          outcome.kind === "retry" &&
          attempt < transport.retry.maxAttempts &&
          delay <= transport.retry.maxRetryAfterMs
        ) {
          again.push(entry);
          waitMs = Math.max(waitMs, delay);
          continue;
        }
        unchecked.push({
          id: entry.sp.id,
          displayName: entry.sp.displayName ?? null,
          status: error.status,
          code: error.code,
          message: error.message,
        });
      }
      pending = again;
      if (pending.length > 0) await transport.sleep(waitMs);
    }
  }

  async function discoverNow(): Promise<Discovery> {
    const listed = await reader.all(
      servicePrincipalSchema,
      "the list of service principals",
      "/servicePrincipals",
      {
        query: { $select: SP_SELECT, $top: 999 },
        maxItems: maxServicePrincipals,
      },
    );
    const batches: ServicePrincipal[][] = [];
    for (let i = 0; i < listed.items.length; i += BATCH_SIZE)
      batches.push(listed.items.slice(i, i + BATCH_SIZE));
    const apps: ProvisioningApp[] = [];
    const unchecked: UncheckedServicePrincipal[] = [];
    let next = 0;
    const worker = async () => {
      while (next < batches.length) await probeBatch(batches[next++]!, apps, unchecked);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
    apps.sort((a, b) => byName(a.displayName, b.displayName) || a.id.localeCompare(b.id));
    return {
      items: apps,
      servicePrincipalCount: listed.items.length,
      unchecked,
      truncated: listed.truncated,
      discoveredAt: new Date(transport.now()).toISOString(),
    };
  }

  function current(refresh: boolean): Promise<Discovery> {
    const at = transport.now();
    if (!refresh && cached && at - cached.at < cacheMs) return cached.discovery;
    const entry = { at, discovery: discoverNow() };
    cached = entry;
    entry.discovery.catch(() => {
      if (cached === entry) cached = null;
    });
    return entry.discovery;
  }

  return {
    /** Applications with provisioning whose name contains `search` (case-insensitive), or whose id or appId is `search`. */
    async discover({
      search,
      refresh = false,
    }: { search?: string; refresh?: boolean } = {}): Promise<Discovery> {
      const discovery = await current(refresh);
      const term = search?.trim().toLowerCase() ?? "";
      if (term === "") return discovery;
      return {
        ...discovery,
        items: discovery.items.filter(
          (app) =>
            (app.displayName ?? "").toLowerCase().includes(term) ||
            app.id.toLowerCase() === term ||
            app.appId?.toLowerCase() === term,
        ),
      };
    },
  };
}

type Probe =
  | { kind: "jobs"; jobs: SynchronizationJob[] }
  | { kind: "none" }
  | { kind: "retry" | "failed"; error: GraphError };

function readProbe(sp: ServicePrincipal, item: BatchItem, clientRequestId: string, nowMs: number): Probe {
  const ids = {
    requestId: headerOf(item.headers, "request-id"),
    clientRequestId,
    date: headerOf(item.headers, "date"),
  };
  if (item.status >= 200 && item.status < 300) {
    const parsed = jobsSchema.safeParse(item.body);
    if (parsed.success) return { kind: "jobs", jobs: parsed.data.value };
    return {
      kind: "failed",
      error: new GraphError({
        status: item.status,
        code: UNEXPECTED_RESPONSE,
        message: `The jobs of service principal ${sp.id} are not in the expected shape.`,
        ...ids,
        body: item.body,
      }),
    };
  }
  // No synchronization resource at all: the service principal simply has no provisioning.
  if (item.status === 404) return { kind: "none" };
  const error = graphErrorFromAnswer(
    item.status,
    item.body ?? null,
    ids,
    parseRetryAfter(headerOf(item.headers, "retry-after"), nowMs),
  );
  return {
    kind: item.status === 429 || item.status === 503 || item.status === 504 ? "retry" : "failed",
    error,
  };
}

function missingAnswer(sp: ServicePrincipal): Probe {
  return {
    kind: "failed",
    error: new GraphError({
      status: 502,
      code: UNEXPECTED_RESPONSE,
      message: `The $batch answer had no response for service principal ${sp.id}.`,
    }),
  };
}

const byName = (a: string | null, b: string | null) =>
  (a ?? "").localeCompare(b ?? "", undefined, { sensitivity: "base" });
