import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES } from "@/lib/demo-tenant";
import { listAudit, openSqliteDatabase, type RunsDatabase } from "@/lib/runs";
import { demoScenario, demoScenarioList } from "@/lib/api/contracts";
import { forwardToDemoControls } from "./demo";

const operator = { id: "demo-operator", displayName: "Demo operator", roles: [] };
const patch = (body: unknown) =>
  new Request("http://console.local/api/demo/users/x", {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("demo controls facade", () => {
  let db: RunsDatabase;
  beforeAll(async () => {
    db = await openSqliteDatabase(join(mkdtempSync(join(tmpdir(), "pod-demo-")), "console.db"));
  });
  afterAll(() => db.destroy());

  it("is not there outside demo mode", async () => {
    await expect(
      forwardToDemoControls({ demoTenant: null, db }, operator, patch({}), ["reset"], "req-1"),
    ).rejects.toMatchObject({ status: 404, message: "The demo tenant exists only in demo mode." });
  });

  it("takes a change only as JSON of at most 64 KiB, and audits nothing it refused", async () => {
    const demoTenant = createDemoTenant();
    const user = DEMO_FIXTURES.inScopeUser;
    const before = (await listAudit(db, { limit: 100 })).items.length;
    const department = demoTenant.state().users.get(user.id)?.department;
    const sent = (body: string, type: string) =>
      forwardToDemoControls(
        { demoTenant, db },
        operator,
        new Request("http://console.local/api/demo/users/x", {
          method: "PATCH",
          headers: { "content-type": type },
          body,
        }),
        ["users", user.id],
        "req-4",
      );
    await expect(sent('{"department":"Sales"}', "text/plain;application/json")).rejects.toMatchObject({
      status: 415,
      message: expect.stringMatching(/^Content-Type header/),
    });
    await expect(
      sent(JSON.stringify({ department: "x".repeat(70_000) }), "application/json"),
    ).rejects.toMatchObject({
      status: 413,
    });
    await expect(
      sent(JSON.stringify({ department: "x".repeat(20_000) }), "application/json"),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/department.*256/),
    });
    expect(demoTenant.state().users.get(user.id)?.department).toBe(department);
    expect((await listAudit(db, { limit: 100 })).items).toHaveLength(before);
  });

  it("changes the tenant and audits the change as the operator's", async () => {
    const demoTenant = createDemoTenant();
    const user = DEMO_FIXTURES.inScopeUser;
    const answer = await forwardToDemoControls(
      { demoTenant, db },
      operator,
      patch({ department: "Marketing" }),
      ["users", user.id],
      "req-2",
    );
    expect(answer.status).toBe(200);
    expect(demoTenant.state().users.get(user.id)?.department).toBe("Marketing");
    const entry = (await listAudit(db, { limit: 5 })).items[0];
    expect(entry).toMatchObject({
      actor: "demo-operator",
      action: "demo.changed",
      target: `/demo/users/${user.id}`,
      detail: { method: "PATCH", change: { department: "Marketing" } },
    });
  });

  it("audits a new app token as given but withholds its value", async () => {
    const demoTenant = createDemoTenant();
    const { quarantinedApp } = DEMO_FIXTURES;
    const token = "tailspin-new-token-0f3a9c";
    const answer = await forwardToDemoControls(
      { demoTenant, db },
      operator,
      new Request("http://console.local/api/demo/x", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token }),
      }),
      ["service-principals", quarantinedApp.spId, "jobs", quarantinedApp.jobId, "target-token"],
      "req-4",
    );
    expect(answer.status).toBe(204);
    expect(await answer.text()).toBe("");
    const entry = (await listAudit(db, { limit: 1 })).items[0];
    expect(entry).toMatchObject({ action: "demo.changed", detail: { change: { token: "[redacted]" } } });
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  it("gives the tenant's refusal in the console's error shape, and audits nothing", async () => {
    const before = (await listAudit(db, { limit: 50 })).items.length;
    const error = await forwardToDemoControls(
      { demoTenant: createDemoTenant(), db },
      operator,
      patch({ department: "x" }),
      ["users", "no-such-user"],
      "req-3",
    ).catch((e) => e);
    expect(error).toMatchObject({ status: 404, code: "not_found" });
    expect((await listAudit(db, { limit: 50 })).items.length).toBe(before);
  });
});

describe("the guided demo through the console", () => {
  let db: RunsDatabase;
  beforeAll(async () => {
    db = await openSqliteDatabase(join(mkdtempSync(join(tmpdir(), "pod-demo-scenarios-")), "console.db"));
  });
  afterAll(() => db.destroy());

  it("serves the stories in the contract's shape, and audits a set-up", async () => {
    const demoTenant = createDemoTenant({ throttle: false });
    const call = (method: string, path: string[]) =>
      forwardToDemoControls(
        { demoTenant, db },
        operator,
        new Request(`http://console.local/api/demo/${path.join("/")}`, { method }),
        path,
        "req-s",
      );
    const list = demoScenarioList.parse(await (await call("GET", ["scenarios"])).json());
    expect(list.value.map((s) => s.title)).toContain("Skip: not assigned");
    const set = demoScenario.parse(await (await call("POST", ["scenarios", "update"])).json());
    expect(set.expected).toEqual({ outcome: "Success", action: "Update", reason: null });
    const audit = await listAudit(db, { limit: 10 });
    expect(audit.items[0]).toMatchObject({ action: "demo.changed", target: "/demo/scenarios/update" });
  });
});
