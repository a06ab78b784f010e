import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ConsoleProcess } from "./console-process";
import { findJob, provisionPath } from "./demo-fixtures";

// The secret token is write-only. A console of the test's own (its output captured, its database
// in a folder of its own) goes through the whole token change in the browser; then every API
// answer, every page as shown, every line the server wrote, the audit log and every byte of the
// database are searched for the token.

/** Every file under the folder, as bytes read as Latin-1 so any UTF-8 text in them stays findable. */
function filesUnder(folder: string): { path: string; text: string }[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path).toString("latin1") }));
}

test("the secret token never appears in an API answer, a page, a log line, the audit log or the database", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const token = `tok-${crypto.randomUUID()}-Zq9`;
  const dataDir = mkdtempSync(join(tmpdir(), "pod-secret-data-"));
  const logDir = mkdtempSync(join(tmpdir(), "pod-secret-log-"));
  const logFile = join(logDir, "console.log");
  const server = new ConsoleProcess({ DATA_DIR: dataDir }, undefined, logFile);
  await server.start();
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const page = await context.newPage();
    const answers: Promise<{ url: string; body: string }>[] = [];
    const sentBodies: string[] = [];
    page.on("request", (request) => sentBodies.push(request.postData() ?? ""));
    page.on("response", (response) => {
      if (new URL(response.url()).pathname.startsWith("/api/"))
        answers.push(
          response.text().then(
            (body) => ({ url: response.url(), body }),
            () => ({ url: response.url(), body: "" }),
          ),
        );
    });
    const pages: string[] = [];
    const snapshot = async (shown: Page) => pages.push(await shown.content());

    const job = await findJob(context.request, "Tailspin Travel (SCIM)");
    await page.goto(`${provisionPath(job)}/health`);
    await page.getByRole("button", { name: /the app's side of the token/ }).click();
    await page.getByLabel("New token at the app").pressSequentially(token, { delay: 20 });
    await snapshot(page);
    await page.getByRole("button", { name: "Issue at the app" }).click();
    await expect(page.getByText("now accepts only the token you typed")).toBeVisible();
    await snapshot(page);

    await page.getByRole("button", { name: "Update the secret token…" }).click();
    await page.getByRole("dialog").getByLabel("New secret token").pressSequentially(token, { delay: 20 });
    await snapshot(page);
    await page.getByRole("dialog").getByRole("button", { name: "Save and test" }).click();
    const result = page.getByRole("region", { name: "Actions" }).getByRole("alert");
    await expect(result).toContainText("The secret token was saved and Test connection succeeded.");
    await snapshot(page);

    await page.getByRole("button", { name: "Restart…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Restart", exact: true }).click();
    await expect(result).toContainText("The job is now Active.");
    await snapshot(page);
    await page.goto("/audit");
    await expect(page.getByRole("table").getByText("Job secret token updated")).toBeVisible();
    await snapshot(page);

    const audit = [
      await (await context.request.get("/api/audit?limit=500")).text(),
      await (await context.request.get("/api/audit?format=csv")).text(),
    ];
    const timeline = await (
      await context.request.get(
        `/api/service-principals/${job.servicePrincipalId}/jobs/${encodeURIComponent(job.jobId)}/actions`,
      )
    ).text();

    // The searches can find what they look for: the token was typed and sent, the log and the database are read.
    expect(
      sentBodies.some((body) => body.includes(token)),
      "the token went out in a request",
    ).toBe(true);
    expect(pages.at(-1)).toContain("Job secret token updated");
    expect(audit[0]).toContain("job.secret-token-updated");
    const actionId = (JSON.parse(timeline) as { items: { id: string; action: string }[] }).items.find(
      (item) => item.action === "secret-token",
    )!.id;

    const settled = await Promise.all(answers);
    expect(settled.length).toBeGreaterThan(5);
    server.kill();
    const stored = filesUnder(dataDir);
    expect(
      stored.some((file) => file.text.includes(actionId)),
      "the database holds the action",
    ).toBe(true);
    const log = readFileSync(logFile, "utf8");
    expect(log).toContain("starting in demo mode");

    const holding = [
      ...settled.filter((answer) => answer.body.includes(token)).map((answer) => `answer of ${answer.url}`),
      ...pages.flatMap((html, index) => (html.includes(token) ? [`page snapshot ${index + 1}`] : [])),
      ...(log.includes(token) ? ["the console's output"] : []),
      ...audit.flatMap((text, index) => (text.includes(token) ? [`audit export ${index + 1}`] : [])),
      ...(timeline.includes(token) ? ["the timeline"] : []),
      ...stored.filter((file) => file.text.includes(token)).map((file) => file.path),
    ];
    expect(holding, "places holding the secret token").toEqual([]);
  } finally {
    await context.close();
    server.kill();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(logDir, { recursive: true, force: true });
  }
});
