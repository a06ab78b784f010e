import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { ConsoleProcess } from "./console-process";
import { APPS, findJob, PATTI_DN, resetDemoTenant } from "./demo-fixtures";
import { freePort } from "./free-port";

// A redacted share does not identify the person, its link is on the address the user reached, and
// Revoke asks first (issue 12, problem 6).

interface Report {
  source: { id: string | null };
  steps: { details: Record<string, string> }[];
}

async function cloudSyncRun(api: APIRequestContext): Promise<{ id: string; report: Report }> {
  const job = await findJob(api, APPS.cloudSync);
  const accepted = await api.post("/api/runs", {
    data: { ...job, subject: { kind: "onPremisesUser", distinguishedName: PATTI_DN } },
  });
  expect(accepted.status()).toBe(202);
  const { id } = (await accepted.json()) as { id: string };
  let report: Report | undefined;
  await expect
    .poll(
      async () => {
        const run = (await (await api.get(`/api/runs/${id}`)).json()) as {
          status: string;
          result: { reports: Report[] } | null;
        };
        report = run.result?.reports[0];
        return run.status;
      },
      { timeout: 30_000 },
    )
    .toBe("completed");
  return { id, report: report! };
}

/** AD's objectGUID bytes (little-endian groups, as .NET writes them) as GUID text. */
function guidOf(bytes: Buffer, order: "net" | "rfc"): string {
  const group = (from: number, to: number, flip: boolean) => {
    const part = [...bytes.subarray(from, to)];
    return Buffer.from(flip ? part.reverse() : part).toString("hex");
  };
  const flip = order === "net";
  return [
    group(0, 4, flip),
    group(4, 6, flip),
    group(6, 8, flip),
    group(8, 10, false),
    group(10, 16, false),
  ].join("-");
}

/** A SID's text (S-1-5-21-…) as the binary AD stores, base64. */
function sidBase64(sid: string): string {
  const [, , authority, ...subs] = sid.split("-");
  const bytes = Buffer.alloc(8 + 4 * subs.length);
  bytes[0] = 1;
  bytes[1] = subs.length;
  bytes.writeUIntBE(Number(authority), 2, 6);
  subs.forEach((sub, index) => bytes.writeUInt32LE(Number(sub), 8 + 4 * index));
  return bytes.toString("base64");
}

/** Every way the person's objectGUID and SID can be written. */
function encodingsOf(objectGuid: string, objectSid: string): string[] {
  const bytes = Buffer.from(objectGuid, "base64");
  const guids = [guidOf(bytes, "net"), guidOf(bytes, "rfc")];
  return [
    objectGuid,
    objectGuid.replace(/=+$/, ""),
    bytes.toString("base64url"),
    ...guids.flatMap((guid) => [guid, guid.toUpperCase(), guid.replaceAll("-", "")]),
    objectSid,
    sidBase64(objectSid),
  ];
}

test.beforeEach(async ({ request }) => {
  await resetDemoTenant(request);
});

test("a redacted Cloud Sync share searched for the objectGUID and SID in all encodings finds none, page or API", async ({
  page,
  browser,
  request,
}) => {
  const { id, report } = await cloudSyncRun(request);
  const imported = report.steps.find((step) => step.details.objectGUID)!.details;
  const encodings = encodingsOf(imported.objectGUID!, imported.objectSid!);
  // Unredacted, the run names Patti by her objectGUID as GUID text: the source id of the summary.
  expect(report.source.id).toBe(guidOf(Buffer.from(imported.objectGUID!, "base64"), "net"));

  await page.goto(`/runs/${encodeURIComponent(id)}`);
  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByRole("dialog", { name: "Share this run" });
  await expect(dialog.getByRole("checkbox", { name: /Redact/ })).toBeChecked();
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = await dialog.getByRole("textbox", { name: "Link to share" }).inputValue();
  const shareId = link.split("/s/")[1]!;

  const colleague = await browser.newContext();
  try {
    const shared = await colleague.newPage();
    await shared.goto(`/s/${shareId}`);
    await expect(shared.getByRole("heading", { level: 1, name: /^Shared run/ })).toBeVisible();
    await expect(shared.getByText("[redacted]").first()).toBeVisible();
    // Open everything the page can show, so nothing hidden in a closed section escapes the search.
    for (const button of await shared.locator('button[aria-expanded="false"]:visible').all())
      await button.click({ timeout: 2000 }).catch(() => undefined);
    const html = (await shared.content()).toLowerCase();
    const text = (await shared.locator("body").innerText()).toLowerCase();
    const answer = (await (await request.get(`/api/shares/${shareId}`)).text()).toLowerCase();
    for (const encoding of encodings) {
      const wanted = encoding.toLowerCase();
      expect(html, `the shared page's HTML holds ${encoding}`).not.toContain(wanted);
      expect(text, `the shared page's text holds ${encoding}`).not.toContain(wanted);
      expect(answer, `the shared run's API answer holds ${encoding}`).not.toContain(wanted);
    }
    // The person's name and the outcome are still there for the colleague to read.
    await expect(shared.getByText("Patti Fernandez").first()).toBeVisible();
  } finally {
    await colleague.close();
  }
});

test("Revoke asks first, naming the link; Cancel keeps it open, confirming closes it", async ({
  page,
  request,
}) => {
  const { id } = await cloudSyncRun(request);
  const share = (await (await request.post(`/api/runs/${id}/shares`, { data: { redact: true } })).json()) as {
    id: string;
  };
  await page.goto(`/runs/${encodeURIComponent(id)}`);
  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByRole("dialog", { name: "Share this run" });
  await dialog.getByRole("button", { name: /^Revoke/ }).click();

  const confirm = page.getByRole("dialog", { name: "Revoke this link?" });
  await expect(confirm).toContainText(`by demo-operator (redacted, ending …${share.id.slice(-6)})`);
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  expect((await request.get(`/api/shares/${share.id}`)).status()).toBe(200);
  await expect(dialog.getByText("Active")).toBeVisible();

  await dialog.getByRole("button", { name: /^Revoke/ }).click();
  await confirm.getByRole("button", { name: "Revoke link" }).click();
  await expect(dialog.getByText("Revoked", { exact: true })).toBeVisible();
  expect((await request.get(`/api/shares/${share.id}`)).status()).toBe(410);
});

test("without settings the link is on the request's address and says when that is not the one reached; a forwarded host it does not serve is refused", async ({
  page,
  request,
  baseURL,
}) => {
  const { id } = await cloudSyncRun(request);
  const forged = await request.post(`/api/runs/${id}/shares`, {
    data: { redact: true },
    headers: { "X-Forwarded-Host": "phish.example", "X-Forwarded-Proto": "https" },
  });
  // A demo console answers to loopback names only: a forwarded host it does not serve is refused, not linked to.
  expect(forged.status()).toBe(421);
  const refusal = (await forged.json()) as { error: { code: string; message: string } };
  expect(refusal.error.code).toBe("misdirected_request");
  expect(refusal.error.message).toContain('X-Forwarded-Host header: "phish.example"');

  await page.goto(`/runs/${encodeURIComponent(id)}`);
  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByRole("dialog", { name: "Share this run" });
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = await dialog.getByRole("textbox", { name: "Link to share" }).inputValue();
  // Next.js names the request by the server's own address (localhost), not the 127.0.0.1 the browser used.
  const reached = new URL(baseURL!).origin;
  expect(new URL(link).origin).not.toBe(reached);
  const warning = dialog.getByRole("alert").filter({ hasText: "PUBLIC_ORIGIN" });
  await expect(warning).toContainText(`This link starts with ${new URL(link).origin}`);
  await expect(warning).toContainText(`you reached it at ${reached}`);
});

test("links start with PUBLIC_ORIGIN when it is set, and with a trusted proxy's forwarded address when that is allowed", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const port = await freePort();
  const publicOrigin = `http://127.0.0.1:${port}`;
  const configured = new ConsoleProcess(
    { DATA_DIR: mkdtempSync(join(tmpdir(), "pod-origin-")), PUBLIC_ORIGIN: publicOrigin },
    port,
  );
  const proxied = new ConsoleProcess({
    DATA_DIR: mkdtempSync(join(tmpdir(), "pod-proxy-")),
    TRUST_PROXY_HEADERS: "true",
    ALLOWED_HOSTS: "localhost,127.0.0.1,provisioning.contoso.com",
  });
  const contexts: APIRequestContext[] = [];
  try {
    await Promise.all([configured.start(), proxied.start()]);

    // The address users reach is configured: the copied link is on it, and it opens.
    const api = await playwrightRequest.newContext({ baseURL: configured.baseURL });
    contexts.push(api);
    const { id } = await cloudSyncRun(api);
    const context = await browser.newContext({ baseURL: configured.baseURL });
    try {
      const page = await context.newPage();
      await page.goto(`/runs/${encodeURIComponent(id)}`);
      await page.getByRole("button", { name: "Share" }).click();
      const dialog = page.getByRole("dialog", { name: "Share this run" });
      await dialog.getByRole("button", { name: "Create link" }).click();
      const link = await dialog.getByRole("textbox", { name: "Link to share" }).inputValue();
      expect(link.startsWith(`${publicOrigin}/s/`), link).toBe(true);
      await expect(dialog.getByRole("alert").filter({ hasText: "PUBLIC_ORIGIN" })).toHaveCount(0);
      await page.goto(link);
      await expect(page.getByRole("heading", { level: 1, name: /^Shared run/ })).toBeVisible();
    } finally {
      await context.close();
    }

    // Behind a proxy the console is told to trust, the link is on the address the proxy was reached at.
    const behindProxy = await playwrightRequest.newContext({ baseURL: proxied.baseURL });
    contexts.push(behindProxy);
    const run = await cloudSyncRun(behindProxy);
    const viaProxy = await behindProxy.post(`/api/runs/${run.id}/shares`, {
      data: { redact: true },
      headers: { "X-Forwarded-Host": "provisioning.contoso.com", "X-Forwarded-Proto": "https" },
    });
    expect(((await viaProxy.json()) as { url: string }).url).toMatch(
      /^https:\/\/provisioning\.contoso\.com\/s\//,
    );
    const direct = await behindProxy.post(`/api/runs/${run.id}/shares`, { data: { redact: true } });
    expect(((await direct.json()) as { url: string }).url.startsWith(`${proxied.baseURL}/s/`)).toBe(true);
  } finally {
    for (const context of contexts) await context.dispose();
    configured.kill();
    proxied.kill();
  }
});
