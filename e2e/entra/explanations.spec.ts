import { request as playwrightRequest } from "@playwright/test";
import { ALEX, APPS, findJob } from "../demo-fixtures";
import { expect, signInAs, test } from "./entra-test";
import { OPERATOR, READER, type EntraStack } from "./entra-stack";

// The explanations in Entra mode: computed from what Graph answers (the schema, the user, the
// assignments, parseExpression) through the signed-in admin's delegated token, never the demo's insides.

async function runAlex(entra: EntraStack): Promise<{ runId: string; spId: string; jobId: string }> {
  const api = await playwrightRequest.newContext({
    baseURL: entra.consoleURL,
    extraHTTPHeaders: { authorization: `Bearer ${entra.provider.mintConsoleToken({ oid: OPERATOR.oid })}` },
  });
  try {
    const job = await findJob(api, APPS.hrPortal);
    const started = await api.post("/api/runs", {
      data: { ...job, subject: { kind: "user", objectId: ALEX.id } },
    });
    expect(started.status(), await started.text()).toBe(202);
    const { id } = (await started.json()) as { id: string };
    await expect
      .poll(async () => ((await (await api.get(`/api/runs/${id}`)).json()) as { status: string }).status, {
        timeout: 30_000,
      })
      .toBe("completed");
    return { runId: id, spId: job.servicePrincipalId, jobId: job.jobId };
  } finally {
    await api.dispose();
  }
}

test("a Reader sees why a user is out of scope and why a value is what it is, and tries an expression in the lab", async ({
  entra,
  openBrowser,
}) => {
  const { runId, spId, jobId } = await runAlex(entra);
  const page = await openBrowser();
  await page.goto(`/runs/${encodeURIComponent(runId)}`);
  await signInAs(page, READER);

  const scoping = page.getByRole("listitem").filter({ hasText: "Step 3: Scoping" });
  const why = scoping.getByRole("region", { name: "Why in or out of scope" });
  const clause = why.getByRole("row").filter({ hasText: "department EQUALS 'Sales'" });
  await expect(clause).toContainText("Engineering", { timeout: 30_000 });
  await expect(clause.getByRole("cell").nth(3)).toHaveText("No");
  await expect(why).toContainText("only assigned users and groups");

  await page.getByRole("button", { name: "Why this value? (jobTitle)" }).click();
  const jobTitle = page.getByRole("row").filter({ hasText: "A source value, evaluated but not written" });
  await expect(jobTitle).toContainText("title");

  await page.goto(
    `/apps/${encodeURIComponent(spId)}/jobs/${encodeURIComponent(jobId)}/expressions?user=${ALEX.id}`,
  );
  const expression = page.getByRole("textbox", { name: "Expression" });
  await expression.pressSequentially("ToUpper([department])", { delay: 40 });
  await page.getByRole("button", { name: "Evaluate" }).click();
  await expect(page.getByRole("list", { name: "Result values" })).toHaveText("ENGINEERING");
});
