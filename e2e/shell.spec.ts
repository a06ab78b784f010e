import { expect, test } from "@playwright/test";
import { backgroundBrightness, expectNoSeriousAxeViolations } from "./accessibility";

for (const colorScheme of ["light", "dark"] as const) {
  test(`the home page renders in the ${colorScheme} scheme without serious accessibility violations`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("Demo tenant", { exact: true })).toBeVisible();
    const brightness = await backgroundBrightness(page);
    if (colorScheme === "dark") expect(brightness).toBeLessThan(80);
    else expect(brightness).toBeGreaterThan(200);
    await expectNoSeriousAxeViolations(page);
  });
}

test("the theme can be switched from the keyboard and the choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const toggle = page.getByRole("button", { name: /^Theme:/ });
  await toggle.focus();
  await page.keyboard.press("Enter"); // system → light
  await page.keyboard.press("Enter"); // light → dark
  await expect(page.locator("html")).toHaveClass(/dark/);
  expect(await backgroundBrightness(page)).toBeLessThan(80);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
});

test("GET /api/health answers ok with the mode and version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: "ok",
    mode: "demo",
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
  });
});

test("an unknown API path answers 404 in the one error shape", async ({ request }) => {
  const response = await request.get("/api/no-such-thing");
  expect(response.status()).toBe(404);
  const body = await response.json();
  expect(body.error.code).toBe("not_found");
  expect(body.error.message).toContain("/api/no-such-thing");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("pages carry a nonce-based CSP, every inline script has the nonce, and nothing is blocked", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/");
  const headers = response!.headers();
  const policy = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("'unsafe-inline' 'nonce");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // Over plain HTTP on loopback there is no HSTS (browsers ignore it there anyway).
  expect(headers["strict-transport-security"]).toBeUndefined();
  const html = await response!.text();
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1] ?? "");
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
  // A second page view gets a different nonce.
  const again = (await page.request.get("/")).headers()["content-security-policy"];
  expect(again).not.toContain(`'nonce-${nonce}'`);
});

test("API answers carry a CSP that lets nothing load, and HSTS when reached over HTTPS", async ({
  request,
}) => {
  const plain = await request.get("/api/health");
  expect(plain.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  const proxied = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(proxied.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
});
