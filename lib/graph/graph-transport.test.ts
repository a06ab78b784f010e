import { describe, expect, it } from "vitest";
import { buildProvisionOnDemandRequest } from "@/lib/provisioning";
import { createGraphClient, type GraphClientOptions } from "./client";
import { GraphError } from "./graph-error";
import { createMemoryPacingLimiter } from "./pacing";
import {
  graphErrorJson,
  inTurn,
  instantSleep,
  json,
  NEVER_MS,
  scriptedGraph,
  type Reply,
} from "@/lib/testing/scripted-graph";

const JOB_ID = "scim.4b8c18bd2f9f4227af559f1061cf9c32.4ba261ce-4a4c-4e44-8a2e-0bd7c2ae0e7a";
const NOW = Date.parse("2024-05-01T10:00:00Z");
const BODY = buildProvisionOnDemandRequest({ ruleId: "rule#V2", subject: { kind: "user", objectId: "u1" } });

function clientFor(reply: Reply, options: Partial<GraphClientOptions> = {}) {
  const graph = scriptedGraph(reply);
  const clock = instantSleep();
  const client = createGraphClient({
    fetch: graph.fetch,
    baseUrl: "https://graph.microsoft.com",
    sleep: clock.sleep,
    random: () => 1,
    timeouts: { readMs: NEVER_MS, provisionMs: NEVER_MS },
    limiter: createMemoryPacingLimiter({ limit: 1000, windowMs: 1000, sleep: clock.sleep }),
    ...options,
  });
  return { client, seen: graph.seen, waits: clock.waits };
}

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("request ids", () => {
  it("sends a client-request-id and keeps Graph's request-id and Date", async () => {
    const { client, seen } = clientFor(() =>
      json({ id: "u1", displayName: "Adele Vance" }, 200, {
        "request-id": "graph-request-1",
        Date: "Wed, 01 May 2024 10:00:00 GMT",
      }),
    );
    const answer = await client.provisionOnDemand("sp-1", JOB_ID, BODY);
    const sent = seen[0]!.headers.get("client-request-id");
    expect(sent).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer).toMatchObject({
      status: 200,
      requestId: "graph-request-1",
      clientRequestId: sent,
      date: "Wed, 01 May 2024 10:00:00 GMT",
      attempts: 1,
    });
  });

  it("sends the bearer token from getAccessToken, and none in demo mode", async () => {
    const withToken = clientFor(() => json({ id: "u1" }), { getAccessToken: async () => "token-123" });
    await withToken.client.getUser("u1");
    expect(withToken.seen[0]!.headers.get("Authorization")).toBe("Bearer token-123");
    const demo = clientFor(() => json({ id: "u1" }));
    await demo.client.getUser("u1");
    expect(demo.seen[0]!.headers.has("Authorization")).toBe(false);
  });

  it("encodes ids as opaque path segments", async () => {
    const { client, seen } = clientFor(() => json({ value: [] }));
    await client.provisionOnDemand("sp/1", JOB_ID, BODY);
    await client.getSchema("sp-1", "job#1?x");
    expect(seen[0]!.url.pathname).toBe(
      `/v1.0/servicePrincipals/sp%2F1/synchronization/jobs/${JOB_ID}/provisionOnDemand`,
    );
    expect(seen[1]!.url.pathname).toBe(
      "/v1.0/servicePrincipals/sp-1/synchronization/jobs/job%231%3Fx/schema",
    );
  });
});

describe("error mapping", () => {
  it("reads Graph's error object with its code, message and request ids", async () => {
    const { client } = clientFor(() =>
      graphErrorJson(
        403,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
      ),
    );
    const error = await failure(client.listJobs("sp-1"));
    expect(error).toMatchObject({
      status: 403,
      code: "Authorization_RequestDenied",
      message: "Insufficient privileges to complete the operation.",
      requestId: "inner-request-id",
      date: "2024-05-01T10:00:00",
    });
    expect(error.body).toMatchObject({ error: { code: "Authorization_RequestDenied" } });
  });

  it("turns an HTML 502 from a proxy into UnexpectedResponse keeping the page", async () => {
    const html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    const { client } = clientFor(
      () => new Response(html, { status: 502, headers: { "Content-Type": "text/html" } }),
    );
    const error = await failure(client.getJob("sp-1", JOB_ID));
    expect(error).toMatchObject({ status: 502, code: "UnexpectedResponse", body: html });
    expect(error.message).toContain("HTML");
  });

  it("turns an empty error body into UnexpectedResponse with the status", async () => {
    const { client } = clientFor(() => new Response(null, { status: 500 }));
    const error = await failure(client.getGroup("g-1"));
    expect(error).toMatchObject({ status: 500, code: "UnexpectedResponse", body: null });
    expect(error.message).toContain("500");
  });

  it("reports a 200 read whose body is not JSON as UnexpectedResponse carrying the raw text", async () => {
    const { client } = clientFor(() => new Response("{not json", { status: 200 }));
    const error = await failure(client.listJobs("sp-1"));
    expect(error).toMatchObject({ status: 200, code: "UnexpectedResponse", body: "{not json" });
  });

  it("reports a 200 read in the wrong shape as UnexpectedResponse naming where", async () => {
    const { client } = clientFor(() => json({ value: { displayName: "not a list" } }));
    const error = await failure(client.searchGroups("sales"));
    expect(error.code).toBe("UnexpectedResponse");
    expect(error.message).toContain("'value'");
    expect(error.body).toEqual({ value: { displayName: "not a list" } });
  });

  it("leaves out a list item it cannot use (no id) and keeps the others", async () => {
    const { client } = clientFor(() =>
      json({ value: [{ displayName: "no id" }, { id: "g-1", displayName: "Sales" }] }),
    );
    const found = await client.searchGroups("sales");
    expect(found.items).toEqual([expect.objectContaining({ id: "g-1" })]);
  });

  it("returns provisionOnDemand's body raw even when it is not the documented shape", async () => {
    const { client } = clientFor(() => json({ surprising: true }));
    const answer = await client.provisionOnDemand("sp-1", JOB_ID, BODY);
    expect(answer.body).toEqual({ surprising: true });
  });

  it("keeps unknown fields of an answer", async () => {
    const { client } = clientFor(() => json({ id: "job-1", templateId: "scim", newField: { x: 1 } }));
    const job = await client.getJob("sp-1", "job-1");
    expect(job).toMatchObject({ id: "job-1", newField: { x: 1 } });
  });
});

describe("retries", () => {
  const retryAfterForms: [string, string, number][] = [
    ["integer seconds", "10", 10_000],
    ["fractional seconds", "2.128", 2_128],
    ["an HTTP date", new Date(NOW + 5_000).toUTCString(), 5_000],
  ];
  it.each(retryAfterForms)(
    "waits Retry-After given as %s before retrying a 429",
    async (_form, value, expected) => {
      const { client, waits, seen } = clientFor(
        inTurn(
          () => graphErrorJson(429, "TooManyRequests", "Please retry again later.", { "Retry-After": value }),
          () => json({ key: "{}", value: "{}" }),
        ),
        { now: () => NOW },
      );
      const answer = await client.provisionOnDemand("sp-1", JOB_ID, BODY);
      expect(answer.attempts).toBe(2);
      expect(seen).toHaveLength(2);
      expect(waits).toEqual([expected]);
    },
  );

  it("retries 503 and 504 with growing, bounded backoff and then gives up with the last error", async () => {
    const { client, waits, seen } = clientFor(
      inTurn(
        () => graphErrorJson(503, "ServiceUnavailable", "busy"),
        () => graphErrorJson(504, "GatewayTimeout", "slow"),
        () => graphErrorJson(503, "ServiceUnavailable", "still busy"),
      ),
      { retry: { maxAttempts: 5, baseDelayMs: 400, maxDelayMs: 1_000 } },
    );
    const error = await failure(client.listJobs("sp-1"));
    expect(error).toMatchObject({ status: 503, message: "still busy" });
    expect(seen).toHaveLength(5);
    expect(waits).toEqual([400, 800, 1_000, 1_000]);
  });

  it("adds jitter to backoff, never above the bound", async () => {
    const graph = scriptedGraph(() => graphErrorJson(503, "ServiceUnavailable", "busy"));
    const clock = instantSleep();
    const client = createGraphClient({
      fetch: graph.fetch,
      baseUrl: "https://graph.microsoft.com",
      sleep: clock.sleep,
      random: () => 0,
      timeouts: { readMs: NEVER_MS },
      retry: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 1_500 },
    });
    await failure(client.getUser("u1"));
    expect(clock.waits).toEqual([500, 750]);
  });

  it("does not retry other client errors", async () => {
    const { client, seen } = clientFor(() => graphErrorJson(400, "BadRequest", "bad"));
    await failure(client.provisionOnDemand("sp-1", JOB_ID, BODY));
    expect(seen).toHaveLength(1);
  });

  it("gives up on a Retry-After longer than it is willing to wait, telling how long Graph asked for", async () => {
    const { client, seen } = clientFor(
      () => graphErrorJson(429, "TooManyRequests", "later", { "Retry-After": "600" }),
      {
        retry: { maxRetryAfterMs: 30_000 },
      },
    );
    const error = await failure(client.listJobs("sp-1"));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 600_000 });
    expect(seen).toHaveLength(1);
  });

  it("retries a network failure of a read but not of provisionOnDemand", async () => {
    let calls = 0;
    const { client } = clientFor(() => {
      calls++;
      throw new TypeError("fetch failed");
    });
    const read = await failure(client.getUser("u1"));
    expect(read.code).toBe("NetworkError");
    expect(calls).toBe(4);
    calls = 0;
    await failure(client.provisionOnDemand("sp-1", JOB_ID, BODY));
    expect(calls).toBe(1);
  });
});

describe("timeouts", () => {
  it("stops waiting after the read timeout and says which limit was reached", async () => {
    const client = createGraphClient({
      fetch: () => new Promise<Response>(() => undefined),
      baseUrl: "https://graph.microsoft.com",
      timeouts: { readMs: 20 },
      retry: { maxAttempts: 3 },
    });
    const started = Date.now();
    const error = await failure(client.getUser("u1"));
    expect(error).toMatchObject({ status: 504, code: "Timeout" });
    expect(error.message).toContain("read timeout");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("gives provisionOnDemand its own, longer limit per attempt", async () => {
    const client = createGraphClient({
      // Every answer takes 60 ms: beyond the read limit, within the provisioning one.
      fetch: () =>
        new Promise<Response>((resolve) =>
          setTimeout(() => resolve(json({ id: "job-1", key: "{}", value: "{}" })), 60),
        ),
      baseUrl: "https://graph.microsoft.com",
      timeouts: { readMs: 20, provisionMs: 2_000 },
    });
    await expect(client.provisionOnDemand("sp-1", JOB_ID, BODY)).resolves.toMatchObject({ status: 200 });
    const error = await failure(client.getJob("sp-1", JOB_ID));
    expect(error).toMatchObject({ code: "Timeout" });
    expect(error.message).toContain("read timeout");
  });

  it("ends at once when the caller aborts", async () => {
    const client = createGraphClient({
      fetch: () => new Promise<Response>(() => undefined),
      baseUrl: "https://graph.microsoft.com",
    });
    const controller = new AbortController();
    const call = client.provisionOnDemand("sp-1", JOB_ID, BODY, { signal: controller.signal });
    controller.abort(new Error("operator cancelled"));
    await expect(call).rejects.toThrow("operator cancelled");
  });
});

describe("client options", () => {
  it("rejects a base URL that already names the version", () => {
    expect(() =>
      createGraphClient({ fetch: async () => json({}), baseUrl: "https://graph.microsoft.com/v1.0" }),
    ).toThrow(/version/);
  });

  it("uses the version it is given", async () => {
    const { client, seen } = clientFor(() => json({ value: [] }), { version: "beta" });
    await client.listJobs("sp-1");
    expect(seen[0]!.url.pathname).toBe("/beta/servicePrincipals/sp-1/synchronization/jobs");
  });

  it("refuses an empty id before calling Graph", async () => {
    const { client, seen } = clientFor(() => json({}));
    await expect(client.getJob("sp-1", " ")).rejects.toThrow("The job id is required.");
    expect(seen).toHaveLength(0);
  });
});
