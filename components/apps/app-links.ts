/** Page addresses of the console; ids are opaque and encoded as one path segment each. */
export const appHref = (spId: string) => `/apps/${encodeURIComponent(spId)}`;

export const provisionHref = (spId: string, jobId: string, query = "") =>
  `${appHref(spId)}/jobs/${encodeURIComponent(jobId)}${query ? `?${query}` : ""}`;

export const runHref = (runId: string) => `/runs/${encodeURIComponent(runId)}`;
