import "server-only";
import { z } from "zod";
import {
  decodeSegments,
  errorResult,
  jsonResult,
  newErrorIds,
  type GraphCall,
  type GraphResult,
} from "./graph-call";
import { badRequest, GraphError, type ErrorIds } from "./graph-error";

export const MAX_BATCH_REQUESTS = 20;

/** What Graph puts on every step's answer besides the step's own headers (Content-Type, Retry-After, …). */
const STEP_HEADERS = { "Cache-Control": "no-cache", "x-ms-resource-unit": "1", "OData-Version": "4.0" };

const batchSchema = z.object({
  requests: z.array(
    z.object({
      id: z.string().min(1),
      method: z.string().min(1),
      url: z.string().min(1),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
      dependsOn: z.array(z.string()).optional(),
    }),
  ),
});

type BatchRequest = z.infer<typeof batchSchema>["requests"][number];

function parseBatch(body: unknown): BatchRequest[] {
  const parsed = batchSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(
      `Invalid batch payload: '${issue?.path.join(".") || "requests"}' ${issue?.message ?? "is not understood"}.`,
    );
  }
  const { requests } = parsed.data;
  if (requests.length === 0) throw badRequest("Invalid batch payload: 'requests' is empty.");
  if (requests.length > MAX_BATCH_REQUESTS)
    throw badRequest(
      `Invalid batch payload: ${requests.length} requests; a batch holds at most ${MAX_BATCH_REQUESTS}.`,
    );
  // Graph compares request ids without regard to case: "a" and "A" are one id, used twice.
  const seen = new Set<string>();
  for (const r of requests) {
    if (seen.has(r.id.toLowerCase()))
      throw badRequest(`Invalid batch payload: the request id '${r.id}' is used twice.`);
    for (const dep of r.dependsOn ?? [])
      if (!seen.has(dep.toLowerCase()))
        throw badRequest(
          `Invalid batch payload: request '${r.id}' depends on '${dep}', which is not an earlier request in the batch.`,
        );
    seen.add(r.id.toLowerCase());
  }
  return requests;
}

/** A sub-request's relative URL ("/users?$top=1" or "users/…"), resolved against the batch's version. */
function subCall(parent: GraphCall, request: BatchRequest, ids: ErrorIds): GraphCall {
  const relative = request.url.replace(/^https:\/\/graph\.microsoft\.com\/(v1\.0|beta)/i, "");
  const url = new URL(relative.startsWith("/") ? relative : `/${relative}`, "https://graph.invalid");
  const headers = new Headers(request.headers ?? {});
  const segments = decodeSegments(url.pathname);
  if (segments[0]?.toLowerCase() === "$batch")
    throw badRequest("A batch cannot contain another $batch request.");
  return {
    method: request.method.toUpperCase(),
    version: parent.version,
    origin: parent.origin,
    segments,
    query: url.searchParams,
    headers,
    ids,
    readJson: async () => {
      if (request.body === undefined) throw badRequest("The request in the batch has no body.");
      return request.body;
    },
    allows: parent.allows,
  };
}

/** POST /$batch: each request is answered as Graph would answer it alone, in request order. */
export async function runBatch(
  call: GraphCall,
  dispatch: (call: GraphCall) => Promise<GraphResult>,
): Promise<GraphResult> {
  const requests = parseBatch(await call.readJson());
  const statusById = new Map<string, number>();
  const responses = [];
  for (const request of requests) {
    const result = await answer(call, request, statusById, dispatch);
    statusById.set(request.id.toLowerCase(), result.status);
    responses.push({
      id: request.id,
      status: result.status,
      headers: { ...STEP_HEADERS, ...result.headers },
      ...(result.body === undefined ? {} : { body: result.body }),
    });
  }
  return jsonResult({ responses });
}

async function answer(
  call: GraphCall,
  request: BatchRequest,
  statusById: Map<string, number>,
  dispatch: (call: GraphCall) => Promise<GraphResult>,
) {
  const ids = newErrorIds(new Headers(request.headers ?? {}), call.ids.date);
  try {
    const failed = (request.dependsOn ?? []).find((dep) => (statusById.get(dep.toLowerCase()) ?? 500) >= 400);
    if (failed)
      throw new GraphError(
        424,
        "FailedDependency",
        `The request depends on request '${failed}', which failed.`,
      );
    return await dispatch(subCall(call, request, ids));
  } catch (error) {
    if (error instanceof GraphError) return errorResult(error, ids);
    throw error;
  }
}
