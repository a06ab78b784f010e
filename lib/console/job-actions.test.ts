import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobActionAnswer } from "@/lib/api/contracts";
import { DEMO_FIXTURES } from "@/lib/demo-tenant";
import { parseEnv } from "@/lib/env";
import { createGraphClient, createMemoryPacingLimiter, pacingKey, type PacingLimiter } from "@/lib/graph";
import { listAudit } from "@/lib/runs";
import { graphErrorJson, json, scriptedGraph } from "@/lib/testing/scripted-graph";
import { actOnJob, jobTimeline, readJobActionInput, type JobActionRequest } from "./job-actions";
import { buildConsoleServices, type ConsoleServices } from "./services";

const admin = { id: "admin-1", displayName: "Ada Admin", roles: ["Console.Administrator" as const] };
const { quarantinedApp: tailspin, scimApp: hr } = DEMO_FIXTURES;
const SECRET = "tailspin-secret-7Hq2vX9pLw";

let services: ConsoleServices;
beforeAll(async () => {
  services = await buildConsoleServices(
    parseEnv({ DATA_DIR: mkdtempSync(join(tmpdir(), "pod-job-actions-")) }),
  );
});
afterAll(() => services.stop());

const act = (
  request: JobActionRequest,
  idempotencyKey: string | null = null,
  app: { spId: string; jobId: string } = tailspin,
) => actOnJob(services, admin, { servicePrincipalId: app.spId, jobId: app.jobId, request, idempotencyKey });

/** Every row of every table the console keeps, as text. */
async function everythingStored(): Promise<string> {
  const tables = ["runs", "shares", "audit_log", "bulk_runs", "bulk_items", "job_actions", "msal_cache"];
  const dumps = await Promise.all(
    tables.map(async (table) =>
      JSON.stringify((await sql`select * from ${sql.table(table)}`.execute(services.db)).rows),
    ),
  );
  return dumps.join("\n");
}

function scriptedServices(reply: Parameters<typeof scriptedGraph>[0], permissionMode = "delegated") {
  const graph = scriptedGraph(reply);
  const client = createGraphClient({ baseUrl: "https://graph.microsoft.com", fetch: graph.fetch });
  const keys: string[] = [];
  const limiter = createMemoryPacingLimiter({ limit: 5, windowMs: 10_000 });
  const pacing: PacingLimiter = {
    acquire: (key, options) => {
      keys.push(key);
      return limiter.acquire(key, options);
    },
    snapshot: (key) => limiter.snapshot(key),
  };
  return {
    keys,
    services: {
      ...services,
      graphFor: () => client,
      jobActionPacing: pacing,
      settings: {
        ...services.settings,
        GRAPH_PERMISSION_MODE: permissionMode,
      } as ConsoleServices["settings"],
    },
  };
}
const job = { id: "scim.job.1", templateId: "scim", status: { code: "Active" } };

describe("acting on the quarantined demo job", () => {
  it("Test connection fails with the explanation, a new token passes it, and a restart of the quarantine makes the job Active", async () => {
    const failed = await act({ action: "test-connection" });
    expect(jobActionAnswer.parse(failed)).toEqual(failed);
    expect(failed).toMatchObject({
      action: "test-connection",
      outcome: "failed",
      actor: "admin-1",
      actorName: "Ada Admin",
      statusBefore: "Quarantine",
      statusAfter: "Quarantine",
      replayed: false,
      error: {
        code: "SystemForCrossDomainIdentityManagementCredentialValidationFailure",
        explanation: { title: "The app refused the credentials" },
      },
    });
    expect(failed.calls).toEqual([
      { call: "POST validateCredentials", ok: false, status: 400, graphRequestId: expect.any(String) },
    ]);
    expect(failed.graphRequestId).toBe(failed.calls[0]!.graphRequestId);

    // The app issues a new token; the admin saves it, and the console tests it at once.
    services.demoTenant!.scim.replaceBearerToken(tailspin.targetId, SECRET);
    const saved = await act({ action: "secret-token", secretToken: SECRET });
    expect(saved).toMatchObject({ action: "secret-token", outcome: "succeeded", error: null });
    expect(saved.calls.map((call) => [call.call, call.ok, call.status])).toEqual([
      ["PUT synchronization/secrets", true, 204],
      ["POST validateCredentials", true, 204],
    ]);

    const restarted = await act({ action: "restart", resetScope: "QuarantineState" });
    expect(restarted).toMatchObject({
      outcome: "succeeded",
      statusBefore: "Quarantine",
      statusAfter: "Active",
    });

    const timeline = await jobTimeline(services, tailspin.spId, tailspin.jobId, { limit: 20 });
    expect(timeline.items.map((item) => [item.action, item.outcome])).toEqual([
      ["restart", "succeeded"],
      ["secret-token", "succeeded"],
      ["test-connection", "failed"],
    ]);

    const audit = (await listAudit(services.db, { limit: 10 })).items;
    expect(audit.slice(0, 3).map((entry) => [entry.action, entry.target, entry.graphRequestId])).toEqual([
      ["job.restarted", tailspin.jobId, restarted.graphRequestId],
      ["job.secret-token-updated", tailspin.jobId, saved.graphRequestId],
      ["job.connection-tested", tailspin.jobId, failed.graphRequestId],
    ]);
    expect(audit[1]!.detail).toMatchObject({ secretToken: "[redacted]", outcome: "succeeded" });
    expect(audit[0]!.detail).toMatchObject({ resetScope: "QuarantineState", statusAfter: "Active" });

    // The token went to Graph and nowhere else the console keeps or answers.
    const stored = await everythingStored();
    expect(stored).toContain(saved.id); // the search reads what was stored
    expect(stored).not.toContain(SECRET);
    expect(JSON.stringify([failed, saved, restarted, timeline, audit])).not.toContain(SECRET);
  });
});

describe("once per Idempotency-Key", () => {
  it("answers a repeated request with the same action, without calling Graph again", async () => {
    const actions: string[] = [];
    const { services: scripted } = scriptedServices((request) => {
      if (request.method === "GET") return json(job);
      actions.push(request.url.pathname);
      return new Response(null, { status: 204 });
    });
    const input = {
      servicePrincipalId: "sp-1",
      jobId: job.id,
      request: { action: "pause" as const },
      idempotencyKey: "key-pause-1",
    };
    const first = await actOnJob(scripted, admin, input);
    const again = await actOnJob(scripted, admin, input);
    expect(again).toEqual({ ...first, replayed: true });
    expect(actions).toEqual(["/v1.0/servicePrincipals/sp-1/synchronization/jobs/scim.job.1/pause"]);
  });

  it("two clicks at once make one action", async () => {
    const [a, b] = await Promise.all([
      act({ action: "start" }, "key-start-1", hr),
      act({ action: "start" }, "key-start-1", hr),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(b.outcome).toBe("succeeded");
    const timeline = await jobTimeline(services, hr.spId, hr.jobId, { limit: 50 });
    expect(timeline.items.filter((item) => item.action === "start")).toHaveLength(1);
  });

  it("refuses the key for another action", async () => {
    await act({ action: "test-connection" }, "key-test-1", hr);
    await expect(act({ action: "pause" }, "key-test-1", hr)).rejects.toMatchObject({ status: 409 });
    await expect(act({ action: "restart", resetScope: "Watermark" }, "key-test-1", hr)).rejects.toMatchObject(
      { status: 409 },
    );
  });
});

describe("refusals that record nothing", () => {
  const count = async () => (await jobTimeline(services, hr.spId, hr.jobId, { limit: 100 })).items.length;

  it("a Full or ForceDeletes restart needs the application's name typed exactly", async () => {
    const before = await count();
    for (const confirmation of [undefined, "contoso hr portal (scim)", "Tailspin Travel (SCIM)"]) {
      const refused = await act({ action: "restart", resetScope: "Full", confirmation }, null, hr).catch(
        (e) => e,
      );
      expect(refused).toMatchObject({ status: 400 });
      expect(refused.message).toBe(
        `confirmation: a Full restart needs the application's name typed exactly: ${hr.displayName}`,
      );
    }
    await expect(
      act({ action: "restart", resetScope: "ForceDeletes", confirmation: "nope" }, null, hr),
    ).rejects.toMatchObject({ status: 400 });
    expect(await count()).toBe(before);
    const full = await act(
      { action: "restart", resetScope: "Full", confirmation: ` ${hr.displayName} ` },
      null,
      hr,
    );
    expect(full).toMatchObject({ outcome: "succeeded", resetScope: "Full" });
  });

  it("a job the application does not have is a 404", async () => {
    await expect(
      actOnJob(services, admin, {
        servicePrincipalId: hr.spId,
        jobId: "scim.no-such-job",
        request: { action: "pause" },
        idempotencyKey: null,
      }),
    ).rejects.toMatchObject({ status: 404, code: "not_found" });
  });
});

describe("reading the request", () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    new Request("http://console.test/api/x", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const params = (action: string) => ({ spId: hr.spId, jobId: hr.jobId, action });

  it("takes the kind from the path, the body by its contract and the Idempotency-Key header", async () => {
    expect(
      await readJobActionInput(
        post({ resetScope: "Escrows" }, { "idempotency-key": "k" }),
        params("restart"),
      ),
    ).toEqual({
      servicePrincipalId: hr.spId,
      jobId: hr.jobId,
      request: { action: "restart", resetScope: "Escrows" },
      idempotencyKey: "k",
    });
    await expect(readJobActionInput(post({}), params("reboot"))).rejects.toMatchObject({ status: 404 });
    await expect(readJobActionInput(post({ resetScope: "None" }), params("restart"))).rejects.toThrow(
      /resetScope/,
    );
  });

  it("names the problem with a secret token without repeating it", async () => {
    const padded = ` ${SECRET} `;
    const refused: Error = await readJobActionInput(
      post({ secretToken: padded }),
      params("secret-token"),
    ).then(
      () => new Error("accepted"),
      (e: Error) => e,
    );
    expect(String(refused.message)).toContain("space");
    expect(JSON.stringify(refused)).not.toContain(SECRET);
    expect(String(refused.message)).not.toContain(SECRET);
  });
});

describe("Graph's refusals, explained", () => {
  it.each([
    [
      "delegated",
      /Synchronization\.ReadWrite\.All.*Application Administrator or Cloud Application Administrator/s,
    ],
    ["application", /application permission Synchronization\.ReadWrite\.All.*Privileged Role Administrator/s],
  ])("a permission missing at Graph (%s) is explained with who can grant it", async (mode, expected) => {
    const { services: scripted, keys } = scriptedServices(
      (request) =>
        request.method === "GET"
          ? json(job)
          : graphErrorJson(
              403,
              "Authorization_RequestDenied",
              "Insufficient privileges to complete the operation.",
            ),
      mode,
    );
    const answer = await actOnJob(scripted, admin, {
      servicePrincipalId: "sp-1",
      jobId: "scim.job.1",
      request: { action: "pause" },
      idempotencyKey: null,
    });
    expect(answer).toMatchObject({ outcome: "failed", error: { code: "Authorization_RequestDenied" } });
    const { explanation } = answer.error!;
    expect(`${explanation.meaning} ${explanation.action}`).toMatch(expected);
    expect(keys).toEqual([pacingKey("sp-1", "scim.job.1")]);
  });

  it("keeps the token out of an error that repeats it, and shows an answer it cannot read raw", async () => {
    const { services: scripted } = scriptedServices((request) =>
      request.method === "GET"
        ? json(job)
        : new Response(`<html>proxy refused ${SECRET}</html>`, {
            status: 502,
            headers: { "content-type": "text/html" },
          }),
    );
    const answer = await actOnJob(scripted, admin, {
      servicePrincipalId: "sp-1",
      jobId: "scim.job.1",
      request: { action: "secret-token", secretToken: SECRET },
      idempotencyKey: null,
    });
    expect(answer.outcome).toBe("failed");
    expect(answer.error).toMatchObject({
      code: "UnexpectedResponse",
      raw: "<html>proxy refused [redacted]</html>",
    });
    expect(JSON.stringify(answer)).not.toContain(SECRET);
    expect(await everythingStored()).not.toContain(SECRET);
  });
});
