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
