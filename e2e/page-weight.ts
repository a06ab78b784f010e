import type { APIRequestContext, Page, Request } from "playwright-core";

// The script every page of the console makes Chromium download by network idle, counted as it
// crossed the wire (the encoded, gzip body of each script response), one cold visit per page.
// Shared by `npm run bench` and the budget test (e2e/page-weight.spec.ts).

/** The most compressed script one page may load (issue 19). */
export const SCRIPT_BUDGET_BYTES = 200 * 1024;

export interface ConsolePage {
  name: string;
  path: string;
}

export interface PageWeight extends ConsolePage {
  scripts: number;
  /** Compressed bytes of script transferred. */
  bytes: number;
  /** The largest scripts, by URL path, for a report. */
  largest: { url: string; bytes: number }[];
}

/** Calls the console's API as someone with every role: demo mode, or a bearer token in Entra mode. */
export type ConsoleApi = (path: string, init?: RequestInit) => Promise<Response>;

// The seeded tenant's HR Portal job and Adele Vance (lib/demo-tenant/seed/fixtures.ts; server-only).
const ADELE = "69bdd931-211b-469b-bd21-0c279cd91efd";
const HR_PORTAL = "Contoso HR Portal (SCIM)";

/** The console's API through a Playwright request context (its cookies and base URL). */
export function consoleApiOf(request: APIRequestContext): ConsoleApi {
  return (path, init) =>
    request
      .fetch(path, {
        method: init?.method ?? "GET",
        headers: init?.headers as Record<string, string>,
        data: init?.body as string | undefined,
      })
      .then(
        async (answer) =>
          new Response(new Uint8Array(await answer.body()), {
            status: answer.status(),
            headers: answer.headers(),
          }),
      );
}

async function json<T>(answer: Promise<Response>): Promise<T> {
  const response = await answer;
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

const post = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

async function finishedRun(api: ConsoleApi, id: string): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    const run = await json<{ status: string }>(api(`/api/runs/${id}`));
    if (run.status !== "queued" && run.status !== "running") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${id} did not finish`);
}

/**
 * Every page of the console, with what it shows made first through the API: two runs of Adele
 * (for a run, a comparison, a shared link), a bulk run and her provisioning log's newest event.
 */
export async function consolePages(api: ConsoleApi): Promise<ConsolePage[]> {
  const apps = await json<{ items: { id: string; displayName: string }[] }>(
    api(`/api/service-principals?search=${encodeURIComponent(HR_PORTAL)}`),
  );
  const app = apps.items.find((item) => item.displayName === HR_PORTAL);
  if (!app) throw new Error(`the tenant has no "${HR_PORTAL}"`);
  const sp = encodeURIComponent(app.id);
  const jobs = await json<{ items: { id: string }[] }>(api(`/api/service-principals/${sp}/jobs`));
  const jobId = jobs.items[0]!.id;
  const job = `/apps/${sp}/jobs/${encodeURIComponent(jobId)}`;
  const rules = await json<{ items: { id: string; supportsProvisionOnDemand: boolean }[] }>(
    api(`/api/service-principals/${sp}/jobs/${encodeURIComponent(jobId)}/rules`),
  );
  const target = {
    servicePrincipalId: app.id,
    jobId,
    ruleId: rules.items.find((rule) => rule.supportsProvisionOnDemand)!.id,
  };
  const runs: string[] = [];
  for (let i = 0; i < 2; i++) {
    const { id } = await json<{ id: string }>(
      api("/api/runs", post({ ...target, subject: { kind: "user", objectId: ADELE } })),
    );
    await finishedRun(api, id);
    runs.push(id);
  }
  const share = await json<{ url: string }>(api(`/api/runs/${runs[1]}/shares`, post({ redact: true })));
  const bulk = await json<{ id: string }>(
    api(
      "/api/bulk-runs",
      post({ ...target, subjects: [{ kind: "user", objectId: ADELE, label: "AdeleV@contoso.com" }] }),
    ),
  );
  // Entra mode's test users hold no directory role that may read the provisioning logs.
  const events = await api(`/api/provisioning-events?userId=${ADELE}`);
  const event = events.ok ? ((await events.json()) as { items: { id: string }[] }).items[0] : undefined;
  const pages: ConsolePage[] = [
    { name: "applications", path: "/" },
    { name: "application", path: `/apps/${sp}` },
    { name: "provision", path: `${job}?kind=user&user=${ADELE}` },
    { name: "job health", path: `${job}/health` },
    { name: "expression lab", path: `${job}/expressions` },
    { name: "new bulk run", path: `${job}/bulk` },
    { name: "history", path: "/runs" },
    { name: "run", path: `/runs/${runs[1]}` },
    { name: "compare", path: `/runs/compare?a=${runs[0]}&b=${runs[1]}` },
    { name: "shared link", path: new URL(share.url).pathname },
    { name: "audit", path: "/audit" },
    { name: "bulk runs", path: "/bulk" },
    { name: "bulk run", path: `/bulk/${bulk.id}` },
    { name: "user", path: `/users/${ADELE}` },
  ];
  if (event)
    pages.push({ name: "log event", path: `/users/${ADELE}/events/${encodeURIComponent(event.id)}` });
  return pages;
}

/**
 * Turns off the browser's cache for `tab`, so that each visit downloads what a first visit does
 * (a person signed in once keeps the tab, its session storage and its cookies).
 */
export async function withoutCache(tab: Page): Promise<Page> {
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  return tab;
}

/** One cold visit of `page` in `tab`: the scripts' compressed bytes once its heading shows and the network is idle. */
export async function weighPage(tab: Page, page: ConsolePage): Promise<PageWeight> {
  const scripts: Promise<{ url: string; bytes: number }>[] = [];
  const count = (request: Request) => {
    if (request.resourceType() !== "script") return;
    scripts.push(
      request
        .sizes()
        .then((sizes) => ({ url: new URL(request.url()).pathname, bytes: sizes.responseBodySize })),
    );
  };
  tab.on("requestfinished", count);
  try {
    await tab.goto(page.path);
    await tab.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 30_000 });
    await tab.waitForLoadState("networkidle");
  } finally {
    tab.off("requestfinished", count);
  }
  const sizes = await Promise.all(scripts);
  return {
    ...page,
    scripts: sizes.length,
    bytes: sizes.reduce((sum, { bytes }) => sum + bytes, 0),
    largest: [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
  };
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
