import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, listAudit, purgeAudit } from "./audit";
import type { RunsDatabase } from "./database";
import { testDatabases } from "@/lib/testing/databases";

describe.each(testDatabases())("audit log on %s", (_name, database) => {
  let db: RunsDatabase;
  beforeAll(async () => {
    db = await database()();
    for (let i = 0; i < 12; i++) {
      await appendAudit(db, {
        actor: "alice",
        action: i % 2 ? "share.created" : "run.requested",
        target: `run-${i}`,
        detail: { i },
        at: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
        graphRequestId: i === 3 ? "graph-3" : null,
      });
    }
    await appendAudit(db, {
      actor: "alice",
      action: "run.requested",
      target: "ancient",
      detail: null,
      at: "2019-01-01T00:00:00.000Z",
    });
  });
  afterAll(async () => {
    await db.destroy();
  });

  it("lists entries newest first, page by page, with what, who and the Graph request id", async () => {
    const first = await listAudit(db, { limit: 5 });
    expect(first.items.map((e) => e.target)).toEqual(["run-11", "run-10", "run-9", "run-8", "run-7"]);
    const second = await listAudit(db, { limit: 5, cursor: first.nextCursor! });
    expect(second.items.find((e) => e.target === "run-3")).toMatchObject({
      actor: "alice",
      action: "share.created",
      graphRequestId: "graph-3",
      detail: { i: 3 },
    });
  });

  it("refuses to change or delete an entry, even with SQL written by hand", async () => {
    await expect(sql`update audit_log set actor = 'mallory'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where target = 'run-1'`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    expect((await listAudit(db, { limit: 100 })).items).toHaveLength(13);
  });

  it("retention removes only entries older than a year and the configured period", async () => {
    expect(await purgeAudit(db, 30)).toBe(1); // only the 2019 entry: none younger than 365 days can go
    const left = (await listAudit(db, { limit: 100 })).items.map((e) => e.target);
    expect(left).not.toContain("ancient");
    expect(left).toHaveLength(12);
  });
});
