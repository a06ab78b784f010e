import { describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES } from "@/lib/demo-tenant";
import { createGraphClient } from "./client";
import {
  graphErrorJson,
  instantSleep,
  json,
  NEVER_MS,
  scriptedGraph,
  type SeenRequest,
} from "@/lib/testing/scripted-graph";

const BASE = "https://graph.microsoft.com";

function recordingTenant() {
  const tenant = createDemoTenant();
  const seen: { method: string; path: string; batchSize: number }[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    const batchSize = url.pathname.endsWith("/$batch")
      ? ((await request.clone().json()) as { requests: unknown[] }).requests.length
      : 0;
    seen.push({ method: request.method, path: url.pathname, batchSize });
    return tenant.handle(request);
  };
  return { tenant, fetch, seen };
}

describe("discovery of applications with provisioning (demo tenant)", () => {
  it("lists every service principal once and probes jobs in $batch requests of at most 20", async () => {
    const { tenant, fetch, seen } = recordingTenant();
    const client = createGraphClient({ fetch, baseUrl: BASE });
    const found = await client.discoverProvisioningApps();

    const withJobs = [...tenant.state().servicePrincipals.values()].filter((sp) => sp.jobs.length > 0);
    expect(found.items.map((a) => a.id).sort()).toEqual(withJobs.map((sp) => sp.id).sort());
    expect(found.servicePrincipalCount).toBe(tenant.state().servicePrincipals.size);
    expect(found.unchecked).toEqual([]);
    const learningHub = found.items.find((a) => a.id === DEMO_FIXTURES.twoJobApp.spId)!;
    expect(learningHub.jobs.map((j) => j.id).sort()).toEqual(
      DEMO_FIXTURES.twoJobApp.jobs.map((j) => j.jobId).sort(),
    );

    const batches = seen.filter((r) => r.path === "/v1.0/$batch");
    expect(batches.length).toBe(Math.ceil(found.servicePrincipalCount / 20));
    expect(Math.max(...batches.map((b) => b.batchSize))).toBe(20);
    expect(batches.reduce((n, b) => n + b.batchSize, 0)).toBe(found.servicePrincipalCount);
  });

  it("filters by name from the cache, case-insensitively, and refreshes after the cache time", async () => {
    const { fetch, seen } = recordingTenant();
    let now = Date.parse("2024-05-01T10:00:00Z");
    const client = createGraphClient({ fetch, baseUrl: BASE, now: () => now });
    await client.discoverProvisioningApps();
    const afterFirst = seen.length;

    const scim = await client.discoverProvisioningApps({ search: "(scim)" });
    expect(scim.items.map((a) => a.displayName).sort()).toEqual([
      "Contoso HR Portal (SCIM)",
      "Northwind Expenses (SCIM)",
      "Tailspin Travel (SCIM)",
    ]);
    expect(
      (await client.discoverProvisioningApps({ search: "CORP.CONTOSO" })).items.map((a) => a.id),
    ).toEqual([DEMO_FIXTURES.cloudSync.spId]);
    expect(seen.length).toBe(afterFirst);

    now += 61_000;
    await client.discoverProvisioningApps();
    expect(seen.length).toBe(afterFirst * 2);
  });

  it("lets concurrent callers share one discovery", async () => {
    const { fetch, seen } = recordingTenant();
    const client = createGraphClient({ fetch, baseUrl: BASE });
    const [a, b] = await Promise.all([
      client.discoverProvisioningApps(),
      client.discoverProvisioningApps({ search: "learning" }),
    ]);
    expect(seen.filter((r) => r.path === "/v1.0/servicePrincipals")).toHaveLength(1);
    expect(b.items.every((app) => a.items.some((x) => x.id === app.id))).toBe(true);
    expect(b.items).toHaveLength(1);
  });
});

describe("discovery when probes fail", () => {
  const sps = ["visible", "forbidden", "missing", "throttled", "broken"].map((id) => ({
    id,
    appId: `app-${id}`,
    displayName: `App ${id}`,
    tags: [],
  }));
  const jobs = (id: string) => ({ value: [{ id: `scim.${id}.1`, templateId: "scim" }] });

  function fakeGraph() {
    let throttledOnce = false;
    return scriptedGraph((request: SeenRequest) => {
      if (request.url.pathname === "/v1.0/servicePrincipals") return json({ value: sps });
      const { requests } = request.body as { requests: { id: string; url: string }[] };
      return json({
        responses: requests.map(({ id, url }) => {
          const sp = url.split("/")[2]!;
          switch (sp) {
            case "forbidden":
              return {
                id,
                status: 403,
                body: { error: { code: "Authorization_RequestDenied", message: "Insufficient privileges." } },
              };
            case "missing":
              return {
                id,
                status: 404,
                body: { error: { code: "Request_ResourceNotFound", message: "gone" } },
              };
            case "throttled":
              if (throttledOnce) return { id, status: 200, body: jobs(sp) };
              throttledOnce = true;
              return {
                id,
                status: 429,
                headers: { "Retry-After": "2.128" },
                body: { error: { code: "TooManyRequests", message: "Please retry again later." } },
              };
            case "broken":
              return { id, status: 200, body: "<html>" };
            default:
              return { id, status: 200, body: jobs(sp) };
          }
        }),
      });
    });
  }

  it("keeps going: 403 is reported as not checked, 404 as no jobs, 429 retried after Retry-After, odd answers reported", async () => {
    const graph = fakeGraph();
    const clock = instantSleep();
    const client = createGraphClient({
      fetch: graph.fetch,
      baseUrl: BASE,
      sleep: clock.sleep,
      timeouts: { readMs: NEVER_MS },
    });
    const found = await client.discoverProvisioningApps();
    expect(found.items.map((a) => a.id)).toEqual(["throttled", "visible"]);
    expect(found.unchecked.map((u) => [u.id, u.status, u.code])).toEqual([
      ["forbidden", 403, "Authorization_RequestDenied"],
      ["broken", 200, "UnexpectedResponse"],
    ]);
    expect(clock.waits).toEqual([2_128]);
    const retried = graph.seen[2]!.body as { requests: { url: string }[] };
    expect(retried.requests.map((r) => r.url)).toEqual(["/servicePrincipals/throttled/synchronization/jobs"]);
  });

  it("does not cache a discovery that failed", async () => {
    let fail = true;
    const graph = scriptedGraph(() =>
      fail ? graphErrorJson(403, "Authorization_RequestDenied", "no") : json({ value: [] }),
    );
    const client = createGraphClient({ fetch: graph.fetch, baseUrl: BASE });
    await expect(client.discoverProvisioningApps()).rejects.toMatchObject({ status: 403 });
    fail = false;
    await expect(client.discoverProvisioningApps()).resolves.toMatchObject({
      items: [],
      servicePrincipalCount: 0,
    });
  });
});
