import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_FIXTURES } from "@/lib/demo-tenant";
import { parseEnv } from "@/lib/env";
import { requestRun } from "./runs";
import { pacingKey } from "@/lib/graph";
import { buildConsoleServices, consolePace, JOB_ACTION_PACE, type ConsoleServices } from "./services";

const operator = { id: "demo-operator", displayName: "Demo operator", roles: [] };
const dataDir = () => mkdtempSync(join(tmpdir(), "pod-services-"));
let built: ConsoleServices[] = [];

afterEach(async () => {
  for (const services of built) await services.stop();
  built = [];
});

async function build(settings: Record<string, string>) {
  const services = await buildConsoleServices(parseEnv(settings));
  built.push(services);
  return services;
}

describe("the composition root", () => {
  it("in demo mode wires the demo tenant as Graph, the database and the run service into one working console", async () => {
    const services = await build({ DATA_DIR: dataDir(), DEMO_THROTTLE_WINDOW_MS: "1000" });
    expect(services.demoTenant).not.toBeNull();
    expect(services.pace).toEqual({ limit: 5, windowMs: 1000 });
    const { scimApp, inScopeUser } = DEMO_FIXTURES;
    const accepted = await requestRun(
      services,
      operator,
      {
        servicePrincipalId: scimApp.spId,
        jobId: scimApp.jobId,
        ruleId: scimApp.ruleId,
        subject: { kind: "user", objectId: inScopeUser.id },
      },
      null,
    );
    expect(await services.runs.settled(accepted.id)).toMatchObject({
      status: "completed",
      outcome: "Success",
    });
    const run = await services.runs.get(accepted.id);
    expect(run?.labels).toEqual({
      application: scimApp.displayName,
      subject: inScopeUser.userPrincipalName,
      job: "SCIM → customappsso",
    });
    expect(services.graphFor(operator)).toBe(services.graphFor({ ...operator, id: "someone-else" }));
  });

  it("in Entra mode builds Graph clients per signed-in admin without calling anything at start", async () => {
    const services = await build({
      DATA_DIR: dataDir(),
      ENTRA_TENANT_ID: "8c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
      ENTRA_CLIENT_ID: "2c3d4e5f-6a7b-4c8d-8e9f-0a1b2c3d4e5f",
      ENTRA_CLIENT_SECRET: "s",
      ENTRA_AUTHORITY_HOST: "https://127.0.0.1:1",
    });
    expect(services.demoTenant).toBeNull();
    expect(services.pace).toEqual({ limit: 5, windowMs: 10_000 });
    const alice = services.graphFor({ ...operator, id: "alice" });
    expect(services.graphFor({ ...operator, id: "alice" })).toBe(alice);
    expect(services.graphFor({ ...operator, id: "bob" })).not.toBe(alice);
  });

  it("paces job actions per job on a budget of their own, apart from provisionOnDemand's", async () => {
    const services = await build({ DATA_DIR: dataDir() });
    const key = pacingKey(DEMO_FIXTURES.quarantinedApp.spId, DEMO_FIXTURES.quarantinedApp.jobId);
    const turns = await Promise.all(
      Array.from({ length: JOB_ACTION_PACE.limit }, () => services.jobActionPacing.acquire(key)),
    );
    const next = new AbortController();
    const waiting = services.jobActionPacing.acquire(key, { signal: next.signal }).catch(() => "aborted");
    expect(await services.jobActionPacing.snapshot(key)).toEqual({ queued: 1, startedInWindow: 5 });
    // The job's provisionOnDemand turns are untouched.
    expect(await services.graphFor(operator).pacing.snapshot(key)).toEqual({ queued: 0, startedInWindow: 0 });
    next.abort();
    expect(await waiting).toBe("aborted");
    for (const turn of turns) turn.cancel?.();
  });

  it("keeps Graph's pace in Entra mode unless a lower one is set, and the demo tenant's in demo mode", () => {
    const entra = {
      ENTRA_TENANT_ID: "8c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
      ENTRA_CLIENT_ID: "2c3d4e5f-6a7b-4c8d-8e9f-0a1b2c3d4e5f",
      ENTRA_CLIENT_SECRET: "s",
    };
    expect(consolePace(parseEnv(entra))).toEqual({ limit: 5, windowMs: 10_000 });
    expect(consolePace(parseEnv({ ...entra, GRAPH_PACE_LIMIT: "2" }))).toEqual({
      limit: 2,
      windowMs: 10_000,
    });
    expect(consolePace(parseEnv({ DEMO_THROTTLE_LIMIT: "3", DEMO_THROTTLE_WINDOW_MS: "500" }))).toEqual({
      limit: 3,
      windowMs: 500,
    });
  });
});
