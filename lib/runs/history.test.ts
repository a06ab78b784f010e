import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunsDatabase } from "./database";
import { findPreviousRun, listRuns } from "./history";
import { findRun, insertRun, purgeRuns } from "./run-store";
import { testDatabases } from "@/lib/testing/databases";
import { runRow } from "@/lib/testing/run-rows";

const minute = (n: number) => new Date(Date.UTC(2026, 10, 1, 9, n)).toISOString();

describe.each(testDatabases())("run history on %s", (_name, database) => {
  let db: RunsDatabase;
  beforeAll(async () => {
    db = await database()();
    // 30 runs, one a minute: alternating users and outcomes, two actors, one other application.
    for (let i = 0; i < 30; i++) {
      await insertRun(
        db,
        runRow({
          id: `run-${String(i).padStart(2, "0")}`,
          created_at: minute(i),
          subject_key: i % 2 ? "user-b" : "user-a",
          subject_label: i % 2 ? "BobK@contoso.com" : "AdeleV@contoso.com",
          outcome: i % 3 === 0 ? "Skipped" : "Success",
          action: i % 3 === 0 ? "Other" : "Update",
          actor: i < 10 ? "alice@contoso.com" : "bob@contoso.com",
          service_principal_id: i === 29 ? "sp-other" : "sp-hr",
        }),
      );
    }
    // Same second, different ids: the keyset must still order and page them exactly.
    await insertRun(db, runRow({ id: "tie-a", created_at: minute(40) }));
    await insertRun(db, runRow({ id: "tie-b", created_at: minute(40) }));
  });
  afterAll(async () => {
    await db.destroy();
  });

  it("pages through every run newest first, without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listRuns(db, {}, { cursor, limit: 7 });
      seen.push(...page.items.map((run) => run.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(32);
    expect(new Set(seen).size).toBe(32);
    expect(seen.slice(0, 3)).toEqual(["tie-b", "tie-a", "run-29"]);
    expect(seen.at(-1)).toBe("run-00");
  });

  it("filters by outcome, action, actor, application and time range together", async () => {
    const page = await listRuns(
      db,
      {
        outcome: "Skipped",
        action: "Other",
        actor: "bob@contoso.com",
        servicePrincipalId: "sp-hr",
        from: minute(12),
        to: minute(27),
      },
      { limit: 50 },
    );
    expect(page.items.map((run) => run.id)).toEqual([
      "run-27",
      "run-24",
      "run-21",
      "run-18",
      "run-15",
      "run-12",
    ]);
  });

  it("finds an object by id or by part of its UPN, case-insensitively", async () => {
    const byId = await listRuns(db, { subject: "USER-B" }, { limit: 100 });
    expect(byId.items).toHaveLength(15);
    const byUpn = await listRuns(db, { subject: "bobk@" }, { limit: 100 });
    expect(byUpn.items.map((run) => run.id)).toEqual(byId.items.map((run) => run.id));
    expect((await listRuns(db, { subject: "%" }, { limit: 100 })).items).toHaveLength(0);
  });

  it("finds the previous run of the same object on the same job", async () => {
    const latest = (await findRun(db, "run-28"))!;
    expect(await findPreviousRun(db, latest)).toBe("run-26");
    expect(await findPreviousRun(db, (await findRun(db, "run-00"))!)).toBeNull();
  });

  it("refuses a cursor it did not issue with a 400 that names the cursor", async () => {
    await expect(listRuns(db, {}, { cursor: "not-a-cursor", limit: 5 })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^cursor:/),
    });
  });

  it("purges runs older than the retention period and keeps the rest", async () => {
    const fresh = await database()();
    await insertRun(fresh, runRow({ id: "old", created_at: "2020-01-01T00:00:00.000Z" }));
    await insertRun(fresh, runRow({ id: "new", created_at: new Date().toISOString() }));
    expect(await purgeRuns(fresh, 365)).toBe(1);
    expect((await listRuns(fresh, {}, { limit: 10 })).items.map((run) => run.id)).toEqual(["new"]);
    await fresh.destroy();
  });
});
