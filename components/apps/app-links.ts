/** Page addresses of the console; ids are opaque and encoded as one path segment each. */
export const appHref = (spId: string) => `/apps/${encodeURIComponent(spId)}`;

export const provisionHref = (spId: string, jobId: string, query = "") =>
  `${appHref(spId)}/jobs/${encodeURIComponent(jobId)}${query ? `?${query}` : ""}`;

/** A job's health: its status, its actions and its timeline. */
export const jobHealthHref = (spId: string, jobId: string) =>
  `${appHref(spId)}/jobs/${encodeURIComponent(jobId)}/health`;

export const runHref = (runId: string) => `/runs/${encodeURIComponent(runId)}`;

/** A dynamic route segment as the id it encodes: Next hands the segment over still percent-encoded. */
export function idFromSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A stray "%" that encodes nothing: the segment is the id as typed.
    return segment;
  }
}
