import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { ADELE, ALEX, APPS, findJob, ISAIAH, provisionPath, resetDemoTenant } from "./demo-fixtures";

// Why each value and each scope decision: the mapping behind a property, the scoping clause that
// decided, and the expression lab that evaluates a changed expression on a real user.

test.beforeEach(async ({ request }) => {
  await resetDemoTenant(request);
});

async function provision(page: Page) {
  await page.getByRole("button", { name: "Provision", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Done:/ })).toBeVisible();
}

function scopingStep(page: Page) {
  return page.getByRole("listitem").filter({ hasText: "Step 3: Scoping" });
}

async function whyThisValue(page: Page, property: string) {
  await page.getByRole("button", { name: `Why this value? (${property})` }).click();
  return page.getByRole("row").filter({ hasText: `Mapping: ${property} ←` });
}

test("a created user's property: the mapping that produced it and the source values it read", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(provisionPath(job, `kind=user&user=${ADELE.id}`));
  await provision(page);

  const formatted = await whyThisValue(page, "name.formatted");
  await expect(formatted).toContainText('Join(" ", [givenName], [surname])');
  await expect(formatted).toContainText("Always: on create and on every update");
  await expect(formatted).toContainText("[givenName] = Adele");
  await expect(formatted).toContainText("[surname] = Vance");

  const userName = await whyThisValue(page, "userName");
  await expect(userName).toContainText("Matching attribute, priority 1");
  await expect(userName).toContainText(`[userPrincipalName] = ${ADELE.upn}`);

  // The button says what it opens and closes, and the panel goes away again.
  await page.getByRole("button", { name: "Hide why (userName)" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Mapping: userName ←" })).toHaveCount(0);
});

test("a user out of the scoping filter: each clause with the user's value, and the assignment that holds", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(provisionPath(job, `kind=user&user=${ALEX.id}`));
  await provision(page);
  const why = scopingStep(page).getByRole("region", { name: "Why in or out of scope" });
  await expect(why).toContainText("only assigned users and groups");
  const clause = why.getByRole("row").filter({ hasText: "department EQUALS 'Sales'" });
  await expect(clause).toContainText("Engineering");
  await expect(clause).toContainText("from the Import step");
  await expect(clause.getByRole("cell").nth(3)).toHaveText("No");
  await expect(why.getByRole("row").filter({ hasText: "department EQUALS 'Marketing'" })).toContainText(
    "Engineering",
  );
  const check = why.getByRole("definition");
  await expect(check.nth(0)).toHaveText("Yes"); // assigned directly
  await expect(check.nth(2)).toHaveText("Yes"); // so the assignment check passes
});

test("a user in scope: asked for, the check shows the assignment and the filter that holds", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(provisionPath(job, `kind=user&user=${ADELE.id}`));
  await provision(page);
  await scopingStep(page)
    .getByRole("button", { name: /^Why in scope\?/ })
    .click();
  const why = scopingStep(page).getByRole("region", { name: "Why in or out of scope" });
  await expect(why.getByRole("definition").nth(1)).toHaveText("Not needed: assigned directly");
  const sales = why.getByRole("row").filter({ hasText: "department EQUALS 'Sales'" });
  await expect(sales).toContainText("filter holds");
  await expect(sales.getByRole("cell").nth(3)).toHaveText("Yes");
});

test("a user not assigned: the assignment check fails, directly and through every group", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  await request.delete(`/api/demo/service-principals/${job.servicePrincipalId}/assignments/${ISAIAH.id}`);
  await page.goto(provisionPath(job, `kind=user&user=${ISAIAH.id}`));
  await provision(page);
  const why = scopingStep(page).getByRole("region", { name: "Why in or out of scope" });
  const check = why.getByRole("definition");
  await expect(check.nth(0)).toHaveText("No");
  await expect(check.nth(1)).toHaveText("No");
  await expect(check.nth(2)).toHaveText("No");
  await expect(
    why.getByRole("row").filter({ hasText: "department EQUALS 'Sales'" }).getByRole("cell").nth(3),
  ).toHaveText("Yes");
});

test("the lab: from a mapping, change the expression, evaluate it on the run's user, then on another user, then break it", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(provisionPath(job, `kind=user&user=${ADELE.id}`));
  await provision(page);
  const formatted = await whyThisValue(page, "name.formatted");
  await formatted.getByRole("link", { name: "Try this expression in the expression lab" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Expression lab" })).toBeVisible();
  const expression = page.getByRole("textbox", { name: "Expression" });
  await expect(expression).toHaveValue('Join(" ", [givenName], [surname])');
  await expect(page.getByRole("combobox", { name: "Start from a mapping" })).toHaveValue(
    /^name\.formatted ←/,
  );

  await expression.fill("");
  await expression.pressSequentially('Join(", ", [surname], [givenName])', { delay: 40 });
  await page.getByRole("button", { name: "Evaluate" }).click();
  const result = page.getByRole("region", { name: "Evaluation result" });
  await expect(result.getByRole("list", { name: "Result values" })).toHaveText("Vance, Adele");
  await expect(result.getByRole("row").filter({ hasText: "[surname]" })).toContainText(
    "the run's Import step",
  );
  await expect(page.getByText("edited here; the mapping itself is unchanged")).toBeVisible();

  // The session is in the URL: a reload (or a colleague's copy of the link) reopens it.
  await page.reload();
  await expect(expression).toHaveValue('Join(", ", [surname], [givenName])');

  await page.getByRole("button", { name: "Use a user instead" }).click();
  const user = page.getByRole("combobox", { name: "User" });
  await user.pressSequentially("Megan", { delay: 80 });
  await page.getByRole("option", { name: /Megan Bowen/ }).click();
  await expect(user).toHaveValue("Megan Bowen");
  await expression.press("Control+Enter");
  await expect(result.getByRole("list", { name: "Result values" })).toHaveText("Bowen, Megan");
  await expect(result.getByRole("row").filter({ hasText: "[surname]" })).toContainText(
    "Microsoft Graph, now",
  );

  await expression.fill('Join(", ", [surname]');
  await page.getByRole("button", { name: "Evaluate" }).click();
  const error = result.getByRole("alert").filter({ hasText: "Graph could not parse the expression" });
  await expect(error).toContainText("ExpressionParsingFailed");
  await expect(error).toContainText("has no closing )");
});

test("the lab offers the job's functions while typing, and a value typed for an attribute Graph cannot give", async ({
  page,
  request,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  await page.goto(provisionPath(job, `kind=user&user=${ADELE.id}`));
  // As a person would: the form shows Adele before the lab is opened for her.
  await expect(page.getByRole("combobox", { name: "User" })).toHaveValue(ADELE.name);
  await page.getByRole("link", { name: "Expression lab…" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Expression lab" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "User" })).toHaveValue(ADELE.name);
  const expression = page.getByRole("textbox", { name: "Expression" });
  await expression.pressSequentially("ToLo", { delay: 80 });
  await page
    .getByRole("group", { name: "Functions starting with ToLo" })
    .getByRole("button", { name: /^ToLower\(/ })
    .click();
  await expect(expression).toHaveValue("ToLower(");
  await expression.pressSequentially("[extensionAttribute1])", { delay: 20 });
  await page.getByRole("button", { name: "Evaluate" }).click();
  const result = page.getByRole("region", { name: "Evaluation result" });
  await expect(result).toContainText("No value");
  await expect(result).toContainText("type a value below");
  await result.getByRole("textbox", { name: "Value for extensionAttribute1" }).fill("E-42 ABC");
  await page.getByRole("button", { name: "Evaluate" }).click();
  await expect(result.getByRole("list", { name: "Result values" })).toHaveText("e-42 abc");
  await expect(result.getByRole("row").filter({ hasText: "[extensionAttribute1]" })).toContainText(
    "typed here",
  );
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the explanations and the lab have no serious accessibility violations (${colorScheme})`, async ({
    page,
    request,
  }) => {
    await page.emulateMedia({ colorScheme });
    const job = await findJob(request, APPS.hrPortal);
    await page.goto(provisionPath(job, `kind=user&user=${ALEX.id}`));
    await provision(page);
    await expect(scopingStep(page).getByRole("region", { name: "Why in or out of scope" })).toBeVisible();
    await whyThisValue(page, "department");
    await expect(page.getByText("This mapping reads it:").first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await page.getByRole("link", { name: "Try this expression in the expression lab" }).first().click();
    await page.getByRole("button", { name: "Evaluate" }).click();
    await expect(page.getByRole("region", { name: "Evaluation result" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
}
