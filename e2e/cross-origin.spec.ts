import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium";
import { ADELE, APPS, findJob, PRADEEP, type JobTarget } from "./demo-fixtures";

// A page on another site, in Chromium, tries what a cross-site request can do without CORS:
// no-cors fetches with a text/plain body that is JSON, and form posts. It must not create a run,
// a shared link or a demo change. A page under a DNS name rebound to the console is refused too.

let attacker: Server;
let attackerOrigin: string;

test.beforeAll(async () => {
  attacker = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>Totally harmless</title><h1>Nothing to see</h1>");
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  // "localhost" and "127.0.0.1" are different sites to the browser: the console is at 127.0.0.1.
  attackerOrigin = `http://localhost:${(attacker.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  attacker?.closeAllConnections();
  await new Promise((resolve) => attacker?.close(resolve));
});

/** What the attacks could change, counted through the API as the console's own user sees it. */
async function evidence(request: APIRequestContext, runId: string) {
  const audit = (await (await request.get("/api/audit?limit=200")).json()) as {
    items: { action: string }[];
  };
  const runs = (await (await request.get("/api/runs?limit=200")).json()) as { items: unknown[] };
  const shares = (await (await request.get(`/api/runs/${runId}/shares`)).json()) as { items: unknown[] };
  const user = (await (
    await request.get(`/api/directory/users?search=${encodeURIComponent(ADELE.upn)}`)
  ).json()) as {
    items: { id: string; department?: string | null }[];
  };
  return {
    runs: runs.items.length,
    shares: shares.items.length,
    auditEntries: audit.items.length,
    demoChanges: audit.items.filter((entry) => entry.action === "demo.changed").length,
    user: JSON.stringify(user.items.find((u) => u.id === ADELE.id)),
  };
}

async function attack(page: Page, consoleOrigin: string, job: JobTarget, runId: string) {
  await page.goto(attackerOrigin);
  const attempts = await page.evaluate(
    async ({ consoleOrigin, job, runId, adele, pradeep }) => {
      const json = (value: unknown) => JSON.stringify(value);
      const shots: [string, RequestInit][] = [
        [
          `${consoleOrigin}/api/runs`,
          {
            method: "POST",
            mode: "no-cors",
            headers: { "Content-Type": "text/plain;application/json" },
            body: json({ ...job, subject: { kind: "user", objectId: pradeep } }),
          },
        ],
        [
          `${consoleOrigin}/api/runs`,
          {
            method: "POST",
            mode: "no-cors",
            headers: { "Content-Type": "application/json" },
            body: json({ ...job, subject: { kind: "user", objectId: pradeep } }),
          },
        ],
        [
          `${consoleOrigin}/api/runs/${runId}/shares`,
          {
            method: "POST",
            mode: "no-cors",
            headers: { "Content-Type": "text/plain" },
            body: json({ redact: false }),
          },
        ],
        [
          `${consoleOrigin}/api/bulk-runs`,
          {
            method: "POST",
            mode: "no-cors",
            headers: { "Content-Type": "text/plain" },
            body: json({ ...job, subjects: [{ kind: "user", objectId: pradeep }] }),
          },
        ],
        [`${consoleOrigin}/api/demo/reset`, { method: "POST", mode: "no-cors" }],
        [
          `${consoleOrigin}/api/demo/users/${adele}`,
          {
            method: "PATCH",
            headers: { "Content-Type": "application/json" },
            body: json({ department: "Pwned" }),
          },
        ],
        [
          `${consoleOrigin}/api/runs`,
          {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: json({ ...job, subject: { kind: "user", objectId: pradeep } }),
          },
        ],
      ];
      const outcomes: string[] = [];
      for (const [url, init] of shots) {
        try {
          const answer = await fetch(url, { ...init, credentials: "include" });
          outcomes.push(`${init.method} ${url}: ${answer.type} ${answer.status}`);
        } catch (error) {
          outcomes.push(`${init.method} ${url}: blocked (${(error as Error).name})`);
        }
      }
      return outcomes;
    },
    { consoleOrigin, job, runId, adele: ADELE.id, pradeep: PRADEEP.id },
  );
  // Forms need no fetch at all: a text/plain form whose field name and value spell out JSON.
  const consoleSite = new URL(consoleOrigin).origin;
  for (const action of [
    `${consoleOrigin}/api/runs`,
    `${consoleOrigin}/api/demo/reset`,
    `${consoleOrigin}/api/runs/${runId}/shares`,
  ]) {
    await page.goto(attackerOrigin);
    await page.evaluate(
      ({ action, body }) => {
        const form = document.createElement("form");
        form.method = "POST";
        form.action = action;
        form.enctype = "text/plain";
        const input = document.createElement("input");
        input.name = body.slice(0, -2);
        input.value = '"}';
        form.append(input);
        document.body.append(form);
        form.submit();
      },
      {
        action,
        body: JSON.stringify({
          ...job,
          subject: { kind: "user", objectId: PRADEEP.id },
          redact: false,
          x: "",
        }),
      },
    );
    // The form's answer (a refusal) replaces the page: wait for it before the next attempt.
    await page.waitForURL((url) => url.origin === consoleSite);
  }
  return attempts;
}

test("a page on another site cannot create a run, a shared link or a demo change", async ({
  page,
  request,
  baseURL,
}) => {
  const job = await findJob(request, APPS.hrPortal);
  const made = await request.post("/api/runs", {
    data: { ...job, subject: { kind: "user", objectId: ADELE.id } },
  });
  const { id: runId } = (await made.json()) as { id: string };
  await expect
    .poll(async () => ((await (await request.get(`/api/runs/${runId}`)).json()) as { status: string }).status)
    .toBe("completed");
  const before = await evidence(request, runId);

  const attempts = await attack(page, baseURL!, job, runId);
  // The requests left the browser (opaque answers) or were stopped by it; none changed anything.
  expect(attempts).toHaveLength(7);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(await evidence(request, runId)).toEqual(before);

  // The same page on the console's own site does the same thing with no trouble: the check is the origin.
  await page.goto("/");
  const own = await page.evaluate(
    async ({ job, pradeep }) =>
      (
        await fetch("/api/runs", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ ...job, subject: { kind: "user", objectId: pradeep } }),
        })
      ).status,
    { job, pradeep: PRADEEP.id },
  );
  expect(own).toBe(202);
});

test("a page under a DNS name rebound to the console's address is refused, page and API", async ({
  baseURL,
}) => {
  const port = new URL(baseURL!).port;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      // rebound.test resolves to the console's loopback address, as a rebinding attack's name would.
      "--host-resolver-rules=MAP rebound.test 127.0.0.1",
    ],
  });
  try {
    const page = await browser.newPage();
    const answer = await page.goto(`http://rebound.test:${port}/`);
    expect(answer?.status()).toBe(421);
    const api = await page.evaluate(async () => {
      const response = await fetch("/api/runs", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      });
      return { status: response.status, body: (await response.json()) as { error: { message: string } } };
    });
    expect(api.status).toBe(421);
    expect(api.body.error.message).toMatch(
      /^Host header: "rebound\.test:\d+" is not a host this console serves/,
    );
  } finally {
    await browser.close();
  }
});
