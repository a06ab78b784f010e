import { sql, type RawBuilder } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, AUDIT_DETAIL_BUDGET, boundedDetail, listAudit, purgeAudit } from "./audit";
import { dialectOf, type RunsDatabase } from "./database";
import { seedAncientAuditEntry } from "@/lib/testing/audit-archive";
import { testDatabases } from "@/lib/testing/databases";

const pause = () => new Promise((resolve) => setTimeout(resolve, 3));

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
        graphRequestId: i === 3 ? "graph-3" : null,
      });
      await pause(); // entries a few milliseconds apart, so "newest first" has one answer
    }
    await seedAncientAuditEntry(db, {
      actor: "alice",
      action: "run.requested",
      target: "ancient",
      at: "2019-01-01T00:00:00.000Z",
    });
  });
  afterAll(async () => {
    await db.destroy();
  });

  const everything = async () =>
    (await sql<Record<string, unknown>>`select * from audit_log order by id`.execute(db)).rows;

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

  it("refuses every way of changing, replacing or deleting an entry, even with SQL written by hand", async () => {
    const before = await everything();
    const id = before.find((row) => row.target === "run-1")!.id as string;
    const now = new Date().toISOString();
    const attempts: [string, RawBuilder<unknown>][] = [
      ["UPDATE", sql`update audit_log set actor = 'mallory' where id = ${id}`],
      ["UPDATE of the time", sql`update audit_log set at = '2019-01-01T00:00:00.000Z' where id = ${id}`],
      ["DELETE", sql`delete from audit_log where id = ${id}`],
      ["DELETE of all", sql`delete from audit_log`],
      [
        "upsert",
        sql`insert into audit_log (id, at, actor, action) values (${id}, ${now}, 'mallory', 'run.requested')
            on conflict (id) do update set actor = 'mallory'`,
      ],
    ];
    if (dialectOf(db) === "sqlite") {
      attempts.push(
        [
          "REPLACE",
          sql`replace into audit_log (id, at, actor, action) values (${id}, ${now}, 'mallory', 'run.requested')`,
        ],
        [
          "INSERT OR REPLACE",
          sql`insert or replace into audit_log (id, at, actor, action)
              values (${id}, ${now}, 'mallory', 'run.requested')`,
        ],
        ["UPDATE OR REPLACE", sql`update or replace audit_log set actor = 'mallory' where id = ${id}`],
      );
    } else {
      attempts.push(
        ["TRUNCATE", sql`truncate audit_log`],
        [
          "MERGE … UPDATE",
          sql`merge into audit_log t using (select ${id}::text as id) s on t.id = s.id
              when matched then update set actor = 'mallory'`,
        ],
        [
          "MERGE … DELETE",
          sql`merge into audit_log t using (select ${id}::text as id) s on t.id = s.id when matched then delete`,
        ],
      );
    }
    for (const [name, statement] of attempts)
      await expect(statement.execute(db), name).rejects.toThrow(/append-only/);
    expect(await everything()).toEqual(before);
  });

  it("a back-dated or far-future entry can neither be written with its false time nor then deleted", async () => {
    const id = crypto.randomUUID();
    const insertAt = (at: string) =>
      sql`insert into audit_log (id, at, actor, action, target)
          values (${id}, ${at}, 'mallory', 'run.requested', 'cover-up')`;
    if (dialectOf(db) === "sqlite") {
      for (const at of ["2019-01-01T00:00:00.000Z", "9999-01-01T00:00:00.000Z", "yesterday"])
        await expect(insertAt(at).execute(db), at).rejects.toThrow(/append-only/);
      return;
    }
    // PostgreSQL writes the time itself: the entry is logged as now, and stays a year at least.
    await insertAt("2019-01-01T00:00:00.000Z").execute(db);
    const row = (await sql<{ at: string }>`select at from audit_log where id = ${id}`.execute(db)).rows[0]!;
    expect(Math.abs(Date.parse(row.at) - Date.now())).toBeLessThan(60_000);
    await expect(sql`delete from audit_log where id = ${id}`.execute(db)).rejects.toThrow(/append-only/);
  });

  it("retention removes only entries older than a year and the configured period", async () => {
    const count = (await listAudit(db, { limit: 100 })).items.length;
    expect(await purgeAudit(db, 30)).toBe(1); // only the 2019 entry: none younger than 365 days can go
    const left = (await listAudit(db, { limit: 100 })).items.map((e) => e.target);
    expect(left).not.toContain("ancient");
    expect(left).toHaveLength(count - 1);
  });
});

describe("what an audit entry keeps of a request", () => {
  it("keeps small details whole", () => {
    const detail = {
      method: "PATCH",
      change: { department: "Sales", accountEnabled: false, phones: ["1", "2"] },
    };
    expect(boundedDetail(detail)).toEqual(detail);
  });

  it("summarises a 20 MB value, a huge list and deep nesting into a few kilobytes that say what was cut", () => {
    const detail = {
      change: {
        department: "x".repeat(20_000_000),
        many: Array.from({ length: 100_000 }, (_, i) => `value ${i}`),
        deep: { a: { b: { c: { d: { e: "deep" } } } } },
      },
    };
    const kept = JSON.stringify(boundedDetail(detail));
    expect(kept.length).toBeLessThan(AUDIT_DETAIL_BUDGET + 2_000);
    expect(kept).toContain("(20000000 characters)");
    expect(kept).toContain("99975 more");
    expect(kept).toContain("{1 fields}");
  });
});
