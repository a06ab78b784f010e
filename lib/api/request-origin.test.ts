import { describe, expect, it } from "vitest";
import type { ApiError } from "./errors";
import { hostNameOf, refuseCrossOrigin, refuseForeignHost } from "./request-origin";

const request = (method: string, headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/runs", { method, headers });

function thrown(run: () => void): ApiError | null {
  try {
    run();
    return null;
  } catch (error) {
    return error as ApiError;
  }
}

describe("refuseForeignHost", () => {
  const loopback = ["localhost", "127.0.0.1", "[::1]"];

  it("answers the console's own names, with any port", () => {
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST", "localhost."])
      expect(
        thrown(() => refuseForeignHost(request("GET", { host }), loopback)),
        host,
      ).toBeNull();
  });

  it("refuses a DNS name rebound to this server with 421, naming the header", () => {
    const error = thrown(() => refuseForeignHost(request("GET", { host: "evil.example:3000" }), loopback));
    expect(error?.status).toBe(421);
    expect(error?.message).toMatch(/^Host header: "evil.example:3000" is not a host/);
    const forwarded = thrown(() =>
      refuseForeignHost(request("GET", { host: "localhost", "x-forwarded-host": "evil.example" }), loopback),
    );
    expect(forwarded?.message).toMatch(/^X-Forwarded-Host header/);
  });

  it("takes subdomain patterns, and any host when told", () => {
    const allowed = ["*.contoso.com"];
    expect(thrown(() => refuseForeignHost(request("GET", { host: "pod.contoso.com" }), allowed))).toBeNull();
    expect(
      thrown(() => refuseForeignHost(request("GET", { host: "contoso.com.evil" }), allowed)),
    ).not.toBeNull();
    expect(
      thrown(() => refuseForeignHost(request("GET", { host: "evilcontoso.com" }), allowed)),
    ).not.toBeNull();
    expect(thrown(() => refuseForeignHost(request("GET", { host: "anything" }), "any"))).toBeNull();
  });

  it("reads host names and refuses what is not one", () => {
    expect(hostNameOf("Console.Contoso.com:443")).toBe("console.contoso.com");
    expect(hostNameOf("[::1]:80")).toBe("[::1]");
    expect(hostNameOf("evil.example/path")).toBeNull();
    expect(hostNameOf("a b")).toBeNull();
  });
});

describe("refuseCrossOrigin", () => {
  const own = { host: "127.0.0.1:3000" };

  it("lets the console's own pages change things, and reads never need an origin", () => {
    expect(
      thrown(() => refuseCrossOrigin(request("POST", { ...own, "sec-fetch-site": "same-origin" }), [])),
    ).toBeNull();
    expect(
      thrown(() => refuseCrossOrigin(request("POST", { ...own, origin: "http://127.0.0.1:3000" }), [])),
    ).toBeNull();
    expect(
      thrown(() => refuseCrossOrigin(request("GET", { ...own, "sec-fetch-site": "cross-site" }), [])),
    ).toBeNull();
  });

  it("lets a client that is no browser page through (no Origin, no Sec-Fetch-Site)", () => {
    expect(thrown(() => refuseCrossOrigin(request("POST", own), []))).toBeNull();
  });

  it("refuses a change from another site with 403, naming the header", () => {
    for (const site of ["cross-site", "same-site", "none"]) {
      const error = thrown(() =>
        refuseCrossOrigin(
          request("POST", { ...own, "sec-fetch-site": site, origin: "http://evil.example" }),
          [],
        ),
      );
      expect(error?.status, site).toBe(403);
      expect(error?.message).toMatch(/^Sec-Fetch-Site header/);
    }
    for (const origin of ["http://evil.example", "null", "http://127.0.0.1:3001", "http://127.0.0.1"]) {
      const error = thrown(() => refuseCrossOrigin(request("DELETE", { ...own, origin }), []));
      expect(error?.status, origin).toBe(403);
      expect(error?.message).toMatch(/^Origin header/);
    }
  });

  it("lets the origins ALLOWED_ORIGINS names through", () => {
    const headers = { ...own, origin: "https://portal.contoso.com", "sec-fetch-site": "cross-site" };
    expect(
      thrown(() => refuseCrossOrigin(request("POST", headers), ["https://portal.contoso.com"])),
    ).toBeNull();
  });

  it("compares the origin with the host a TLS-terminating proxy was asked for", () => {
    const headers = {
      host: "10.0.0.5:3000",
      "x-forwarded-host": "pod.contoso.com",
      origin: "https://pod.contoso.com",
    };
    expect(thrown(() => refuseCrossOrigin(request("POST", headers), []))).toBeNull();
  });
});
