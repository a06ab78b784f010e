import { request as playwrightRequest } from "@playwright/test";
import { APPS, findJob, PATTI_DN, provisionPath } from "../demo-fixtures";
import { expect, signInAs, test } from "./entra-test";
import { OPERATOR } from "./entra-stack";

// Entra mode's DN field (issue 12, problem 2): Active Directory lives on premises and Graph cannot
// list it, so the field says where DNs are found, offers no look-up, checks the syntax as it is
// typed, and Enter provisions the DN shown.

test("the DN field says DNs live in Active Directory, checks each keystroke, and Enter provisions what it shows", async ({
  entra,
  openBrowser,
}) => {
  const api = await playwrightRequest.newContext({
    baseURL: entra.consoleURL,
    extraHTTPHeaders: { authorization: `Bearer ${entra.provider.mintConsoleToken({ oid: OPERATOR.oid })}` },
  });
  const job = await findJob(api, APPS.cloudSync).finally(() => api.dispose());
  const page = await openBrowser();
  await page.goto(provisionPath(job));
  await signInAs(page, OPERATOR);

  const box = page.getByRole("textbox", { name: "Distinguished name" });
  await expect(box).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Distinguished name" })).toHaveCount(0);
  await expect(page.getByText(/Distinguished names live in your on-premises Active Directory/)).toBeVisible();
  await expect(box).toHaveAttribute("placeholder", /^CN=.+,DC=/);

  await box.click();
  await box.pressSequentially("Patti Fernandez", { delay: 40 });
  await expect(page.getByRole("alert").filter({ hasText: "is not in the form NAME=value" })).toBeVisible();
  await expect(box).toBeFocused();
  await expect(page.getByRole("button", { name: "Provision", exact: true })).toBeDisabled();

  await box.fill(PATTI_DN);
  const sent = page.waitForRequest(
    (request) => request.method() === "POST" && new URL(request.url()).pathname === "/api/runs",
  );
  await box.press("Enter");
  expect(
    ((await sent).postDataJSON() as { subject: { distinguishedName: string } }).subject.distinguishedName,
  ).toBe(PATTI_DN);
  await expect(page.getByRole("status").filter({ hasText: /^Done:/ })).toBeVisible({ timeout: 30_000 });
});
