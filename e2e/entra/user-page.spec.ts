import { request as playwrightRequest } from "@playwright/test";
import { APPS } from "../demo-fixtures";
import { expect, signInAs, test } from "./entra-test";
import { OPERATOR, READER } from "./entra-stack";

// Entra mode without the provisioning-log permission: the console's app registration in this stack
// has Synchronization.ReadWrite.All, Application.Read.All, User.Read.All and GroupMember.Read.All
// but not AuditLog.Read.All, so Graph (the demo tenant checking tokens) refuses /auditLogs/provisioning.

const MEGAN = { id: "5930e14b-a8eb-4fb8-8dce-f64882db733d", name: "Megan Bowen" };

test("the user page still lists the apps and runs, and says exactly which permission is missing and who can grant it", async ({
  openBrowser,
}) => {
  const page = await openBrowser();
  await page.goto(`/users/${MEGAN.id}`);
  await signInAs(page, READER);
  await expect(page.getByRole("heading", { level: 1, name: MEGAN.name })).toBeVisible();

  const missing = page.getByRole("alert").filter({ hasText: "a permission is missing" });
  await expect(missing).toContainText("delegated Microsoft Graph permission AuditLog.Read.All");
  await expect(missing).toContainText("ProvisioningLog.Read.All");
  await expect(missing).toContainText("Cloud Application Administrator");
  await expect(missing).toContainText("Reports Reader");
  await expect(missing).toContainText("Authorization_RequestDenied");

  const hr = page.getByRole("article", { name: APPS.hrPortal });
  await expect(hr).toContainText("Assigned through group Sales Team EMEA");
  await expect(hr).toContainText("The provisioning logs cannot be read");
  await expect(hr).toContainText("No run of this console yet.");
  await expect(page.getByRole("heading", { name: "Provisioning log" })).toHaveCount(0);
  // A Reader sees why the button does nothing for them.
  await expect(hr.getByText(/needs the Console\.Operator app role/)).toBeVisible();
});

test("the log API answers 403 in the one error shape, naming the permission", async ({ entra }) => {
  const api = await playwrightRequest.newContext({
    baseURL: entra.consoleURL,
    extraHTTPHeaders: { authorization: `Bearer ${entra.provider.mintConsoleToken({ oid: OPERATOR.oid })}` },
  });
  try {
    const answer = await api.get(`/api/provisioning-events?userId=${MEGAN.id}`);
    expect(answer.status()).toBe(403);
    const { error } = (await answer.json()) as { error: Record<string, string> };
    expect(error).toMatchObject({
      code: "forbidden",
      reason: "log_permission",
      graphCode: "Authorization_RequestDenied",
    });
    expect(error.message).toContain("AuditLog.Read.All");
  } finally {
    await api.dispose();
  }
});
