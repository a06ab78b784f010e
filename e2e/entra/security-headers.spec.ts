import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./entra-test";

// In Entra mode the pages may talk to the sign-in authority and nothing else, and every page and
// /api answer carries the same protective headers as in demo mode.

function expectProtectiveHeaders(headers: Record<string, string>) {
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-content-type-options"]).toBe("nosniff");
}

test("pages carry a nonce CSP that lets scripts talk to this origin and the authority only", async ({
  entra,
  openBrowser,
}) => {
  const page = await openBrowser();
  const response = await page.goto("/runs");
  const headers = response!.headers();
  expectProtectiveHeaders(headers);
  const policy = headers["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(policy).toContain(`connect-src 'self' ${entra.provider.origin}`);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const html = await response!.text();
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1] ?? "");
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
  // The public settings reach the page; the client secret never does.
  expect(html).toContain(entra.provider.authority);
  expect(html).not.toContain("entra-e2e-console-secret");
});

test("/api answers, refused or not, carry a CSP that lets nothing load and the other protective headers", async ({
  entra,
}) => {
  const api = await playwrightRequest.newContext({ baseURL: entra.consoleURL });
  try {
    for (const path of ["/api/health", "/api/runs", "/api/service-principals"]) {
      const response = await api.get(path);
      expectProtectiveHeaders(response.headers());
      expect(response.headers()["content-security-policy"]).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
    }
    const health = await api.get("/api/health");
    expect(await health.json()).toMatchObject({ status: "ok", mode: "entra" });
    expect((await api.get("/api/runs")).status()).toBe(401);
  } finally {
    await api.dispose();
  }
});
