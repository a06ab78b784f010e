import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shareCreated, sharedRun } from "@/lib/api/contracts";
import { listAudit, openSqliteDatabase, type RunsDatabase } from "@/lib/runs";
import type { RunService } from "@/lib/runs/run-service";
import { findRun, insertRun } from "@/lib/runs/run-store";
import { toRunView } from "@/lib/runs/run-view";
import { fixtureBody } from "@/lib/testing/provisioning-fixtures";
import { runRow } from "@/lib/testing/run-rows";
import { openSharedRun, revoke, sharesOf, shareRun } from "./shares";

const alice = { id: "alice", displayName: "Alice", roles: [] };

let db: RunsDatabase;
/** Runs as the run service reads them back, from the test's database. */
const runs = {
  get: async (id: string) => {
    const row = await findRun(db, id);
    return row ? toRunView(row, undefined, Date.now()) : null;
  },
} as RunService;

describe("shares facade", () => {
  beforeAll(async () => {
    db = await openSqliteDatabase(join(mkdtempSync(join(tmpdir(), "pod-shares-")), "console.db"));
    // Example 1's answer imports mailNickname "Bill".
    const answer = JSON.stringify(fixtureBody("example-1-scim-user-skipped"));
    await insertRun(
      db,
      runRow({ id: "run-1", created_at: "2026-11-01T09:00:00.000Z", response_body: answer }),
    );
  });
  afterAll(() => db.destroy());

  it("makes a link on the address the caller used, and audits it as theirs", async () => {
    const share = await shareRun(
      { db, runs },
      alice,
      "run-1",
      { redact: true },
      "https://console.contoso.com",
    );
    expect(shareCreated.parse(share).url).toBe(`https://console.contoso.com/s/${share.id}`);
    const entry = (await listAudit(db, { limit: 10 })).items.find((e) => e.action === "share.created");
    expect(entry).toMatchObject({
      actor: "alice",
      target: "run-1",
      detail: { shareId: share.id, redact: true },
    });
  });

  it("opens a redacted link with the services' own test of what is sensitive", async () => {
    const share = await shareRun({ db, runs }, alice, "run-1", { redact: true }, "https://c");
    const isSensitive = (name: string) => name.toLowerCase() === "mailnickname";
    const opened = await openSharedRun({ db, runs, isSensitive }, share.id);
    expect(sharedRun.parse(opened).share.redact).toBe(true);
    const nickname = /mailNickname\\*":\\*"Bill\\*"/;
    expect(JSON.stringify(opened.run)).not.toMatch(nickname);
    const plain = await openSharedRun({ db, runs, isSensitive: () => false }, share.id);
    expect(JSON.stringify(plain.run)).toMatch(nickname);
  });

  it("opens one view of the run and names nothing that opens more: no run id, no bulk run id", async () => {
    const share = await shareRun({ db, runs }, alice, "run-1", { redact: false }, "https://c");
    const opened = await openSharedRun({ db, runs, isSensitive: () => false }, share.id);
    expect(opened.run).not.toHaveProperty("id");
    expect(opened.run).not.toHaveProperty("bulkRunId");
    expect(JSON.stringify(opened)).not.toContain("run-1");
    expect(opened.run.request).toMatchObject({ servicePrincipalId: expect.any(String) });
  });

  it("refuses to share or list the links of a run that does not exist", async () => {
    await expect(shareRun({ db, runs }, alice, "nope", { redact: false }, "https://c")).rejects.toMatchObject(
      {
        status: 404,
      },
    );
    await expect(sharesOf({ db, runs }, "nope")).rejects.toMatchObject({ status: 404 });
  });

  it("revokes a link, audited as whoever revoked it, and the link then answers 410", async () => {
    const share = await shareRun({ db, runs }, alice, "run-1", { redact: false }, "https://c");
    await revoke({ db }, { ...alice, id: "bob" }, share.id);
    const entry = (await listAudit(db, { limit: 20 })).items.find(
      (e) => e.action === "share.revoked" && e.detail?.shareId === share.id,
    );
    expect(entry).toMatchObject({ actor: "bob", target: "run-1" });
    await expect(openSharedRun({ db, runs, isSensitive: () => false }, share.id)).rejects.toMatchObject({
      status: 410,
    });
    expect(
      (await sharesOf({ db, runs }, "run-1")).items.find((l) => l.id === share.id)?.revokedAt,
    ).not.toBeNull();
  });
});
