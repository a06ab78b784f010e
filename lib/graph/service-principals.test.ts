import { describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES } from "@/lib/demo-tenant";
import { createGraphClient } from "./client";
import { isGraphError } from "./graph-error";

const BASE = "https://graph.microsoft.com";

describe("getServicePrincipal", () => {
  it("names one application with one request, without discovering the tenant", async () => {
    const tenant = createDemoTenant();
    const paths: string[] = [];
    const client = createGraphClient({
      baseUrl: BASE,
      fetch: (request) => {
        paths.push(new URL(request.url).pathname);
        return tenant.handle(request);
      },
    });
    const sp = await client.getServicePrincipal(DEMO_FIXTURES.twoJobApp.spId);
    expect(sp.id).toBe(DEMO_FIXTURES.twoJobApp.spId);
    expect(sp.displayName).toBe(tenant.state().servicePrincipals.get(sp.id)?.displayName);
    expect(paths).toEqual([`/v1.0/servicePrincipals/${DEMO_FIXTURES.twoJobApp.spId}`]);
  });

  it("fails with Graph's 404 for an id the tenant does not have", async () => {
    const client = createGraphClient({ baseUrl: BASE, fetch: createDemoTenant().handle });
    const error = await client.getServicePrincipal("00000000-0000-0000-0000-000000000000").catch((e) => e);
    expect(isGraphError(error) && error.status).toBe(404);
  });
});
