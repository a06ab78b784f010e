// What the console's BFF costs on top of Graph, and what the provision page weighs in the browser.
// The baseline is the same demo tenant served alone over HTTP, so both sides pay for HTTP once.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { createDemoTenant, DEMO_FIXTURES } from "../lib/demo-tenant";
import { startDemoTenantServer } from "../scripts/demo-tenant";
import { ConsoleProcess } from "../e2e/console-process";
import { ensureProductionBuild } from "./production-build";

let consoleUrl = "";
const hr = DEMO_FIXTURES.scimApp;
const adele = DEMO_FIXTURES.inScopeUser.id;

interface Latencies {
  p50: number;
  p99: number;
}

function percentiles(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

/** `total` calls of `call`, `concurrency` at a time; the latency of each. */
async function measure(call: () => Promise<void>, total: number, concurrency: number): Promise<Latencies> {
  for (let i = 0; i < 20; i++) await call(); // warm-up
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const started = performance.now();
        await call();
        samples.push(performance.now() - started);
      }
    }),
  );
  return percentiles(samples);
}

async function ok(response: Promise<Response>): Promise<Response> {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.url} answered ${answer.status}: ${await answer.text()}`);
  return answer;
}

/** The production console on a free port; returns its address and how to stop it. */
async function startConsole(): Promise<{ url: string; stop: () => void }> {
  await ensureProductionBuild();
  const server = new ConsoleProcess({
    DATA_DIR: mkdtempSync(join(tmpdir(), "pod-bench-")),
    // Pacing is measured by the pacing bench; here it must not slow the runs down.
    DEMO_THROTTLE_LIMIT: "1000000",
    DEMO_THROTTLE_WINDOW_MS: "1000",
  });
  await server.start();
  return { url: server.url, stop: () => server.kill() };
}

function row(name: string, concurrency: number, direct: Latencies, bff: Latencies) {
  const f = (n: number) => n.toFixed(2).padStart(8);
  console.log(
    `  ${name.padEnd(22)} c=${String(concurrency).padEnd(3)} direct p50 ${f(direct.p50)} p99 ${f(direct.p99)} | BFF p50 ${f(bff.p50)} p99 ${f(bff.p99)} ms` +
      ` | ratio p50 ${(bff.p50 / direct.p50).toFixed(2)}× p99 ${(bff.p99 / direct.p99).toFixed(2)}× | added p50 ${(bff.p50 - direct.p50).toFixed(2)} ms`,
  );
}

export async function benchBff(): Promise<void> {
  console.log("\nBFF cost (same demo tenant: alone over HTTP vs behind the console's /api)");
  const tenant = await startDemoTenantServer(createDemoTenant({ throttle: false }).handle, {
    port: 0,
    host: "127.0.0.1",
  });
  let stopConsole = () => {};
  try {
    const started = await startConsole();
    consoleUrl = started.url;
    stopConsole = started.stop;
    const search = encodeURIComponent('"displayName:adele" OR "userPrincipalName:adele" OR "mail:adele"');
    const directSearch = () =>
      ok(
        fetch(
          `${tenant.url}/v1.0/users?$search=${search}&$select=id,displayName,userPrincipalName,mail&$top=20`,
          {
            headers: { ConsistencyLevel: "eventual" },
          },
        ),
      ).then((r) => r.arrayBuffer().then(() => undefined));
    const bffSearch = () =>
      ok(fetch(`${consoleUrl}/api/directory/users?search=adele`)).then((r) =>
        r.arrayBuffer().then(() => undefined),
      );

    const graphBody = JSON.stringify({
      parameters: [{ ruleId: hr.ruleId, subjects: [{ objectId: adele, objectTypeName: "User" }] }],
    });
    const directRun = () =>
      ok(
        fetch(
          `${tenant.url}/v1.0/servicePrincipals/${hr.spId}/synchronization/jobs/${encodeURIComponent(hr.jobId)}/provisionOnDemand`,
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: graphBody,
          },
        ),
      ).then((r) => r.arrayBuffer().then(() => undefined));
    const runBody = JSON.stringify({
      servicePrincipalId: hr.spId,
      jobId: hr.jobId,
      ruleId: hr.ruleId,
      subject: { kind: "user", objectId: adele },
    });
    const bffRun = async () => {
      const accepted = (await (
        await ok(
          fetch(`${consoleUrl}/api/runs`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: runBody,
          }),
        )
      ).json()) as { id: string };
      for (;;) {
        const run = (await (await ok(fetch(`${consoleUrl}/api/runs/${accepted.id}`))).json()) as {
          status: string;
        };
        if (run.status === "completed" || run.status === "failed") return;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    await directRun(); // both sides start from "already in sync"
    await bffRun();

    for (const concurrency of [1, 32]) {
      row(
        "user search",
        concurrency,
        await measure(directSearch, 400, concurrency),
        await measure(bffSearch, 400, concurrency),
      );
    }
    for (const concurrency of [1, 32]) {
      row(
        "provisioning run",
        concurrency,
        await measure(directRun, 150, concurrency),
        await measure(bffRun, 150, concurrency),
      );
    }
    console.log("  (the BFF run is POST /api/runs then GET until done: stored, paced, parsed, audited)");
    await pageWeight();
  } finally {
    stopConsole();
    await tenant.close();
  }
}

/** The gzip size of every script the provision page loads in Chromium. */
async function pageWeight(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const page = await browser.newPage();
    const scripts: Promise<number>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script")
        scripts.push(response.body().then((body) => gzipSync(body).length));
    });
    await page.goto(
      `${consoleUrl}/apps/${hr.spId}/jobs/${encodeURIComponent(hr.jobId)}?kind=user&user=${adele}`,
    );
    await page.getByRole("button", { name: "Provision", exact: true }).waitFor();
    await page.waitForLoadState("networkidle");
    const sizes = await Promise.all(scripts);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    console.log(
      `\nProvision page weight: ${sizes.length} scripts, ${(total / 1024).toFixed(1)} KB gzip (aim < 300 KB: ${(total / 1024 / 300).toFixed(2)}× the budget)`,
    );
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBff();
