import { describe, expect, it } from "vitest";
import { linkOrigin } from "./link-origin";

const request = (headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1:3000/api/runs/r/shares", { method: "POST", headers });
const forwarded = { "x-forwarded-host": "console.contoso.com, proxy.internal", "x-forwarded-proto": "https" };

describe("linkOrigin", () => {
  it("uses the configured public origin first, whatever the request says", () => {
    const settings = { PUBLIC_ORIGIN: "https://provisioning.contoso.com", TRUST_PROXY_HEADERS: true };
    expect(linkOrigin(settings, request(forwarded))).toBe("https://provisioning.contoso.com");
  });

  it("ignores forwarded headers unless the proxy is trusted, and uses the request's URL", () => {
    const settings = { PUBLIC_ORIGIN: undefined, TRUST_PROXY_HEADERS: false };
    expect(linkOrigin(settings, request(forwarded))).toBe("http://127.0.0.1:3000");
  });

  it("behind a trusted proxy, uses the first forwarded host and scheme, or the Host header", () => {
    const settings = { PUBLIC_ORIGIN: undefined, TRUST_PROXY_HEADERS: true };
    expect(linkOrigin(settings, request(forwarded))).toBe("https://console.contoso.com");
    expect(linkOrigin(settings, request({ host: "localhost:8080" }))).toBe("http://localhost:8080");
  });

  it("refuses a forwarded host that is not a host, falling back to the request's URL", () => {
    const settings = { PUBLIC_ORIGIN: undefined, TRUST_PROXY_HEADERS: true };
    expect(linkOrigin(settings, request({ "x-forwarded-host": "evil.com/phish?x=" }))).toBe(
      "http://127.0.0.1:3000",
    );
    expect(
      linkOrigin(settings, request({ "x-forwarded-host": "[::1]:8443", "x-forwarded-proto": "ftp" })),
    ).toBe("http://[::1]:8443");
  });
});
