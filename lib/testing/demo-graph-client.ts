import "server-only";

// Parsed Graph answers are read freely in tests; their shapes are what the tests assert.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface TestAnswer {
  status: number;
  headers: Headers;
  json: Json;
  text: string;
}

/** Drives a Web-standard handler the way a Graph client would, for tests of the demo tenant. */
export function graphTestClient(
  handle: (request: Request) => Promise<Response>,
  origin = "https://graph.microsoft.com",
) {
  const send = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestAnswer> => {
    const init: RequestInit = {
      method,
      headers: { ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
    };
    if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
    const response = await handle(new Request(path.startsWith("http") ? path : `${origin}${path}`, init));
    const text = await response.text();
    let json: Json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => send("GET", path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      send("POST", path, body, headers),
    patch: (path: string, body?: unknown) => send("PATCH", path, body),
    put: (path: string, body?: unknown) => send("PUT", path, body),
    delete: (path: string) => send("DELETE", path),
    send,
  };
}

export type GraphTestClient = ReturnType<typeof graphTestClient>;

/** The URL path of a job's provisionOnDemand action, ids encoded as a client must. */
export const provisionPath = (spId: string, jobId: string, version = "v1.0") =>
  `/${version}/servicePrincipals/${encodeURIComponent(spId)}/synchronization/jobs/${encodeURIComponent(jobId)}/provisionOnDemand`;

export const userSubjectBody = (ruleId: string, objectId: string, objectTypeName = "User") => ({
  parameters: [{ ruleId, subjects: [{ objectId, objectTypeName }] }],
});
