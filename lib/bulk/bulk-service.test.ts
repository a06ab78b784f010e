import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunsDatabase } from "@/lib/runs/database";
import { testDatabases } from "@/lib/testing/databases";
import { bulkItemsAsCsv } from "./bulk-csv";
import { createBulkService } from "./bulk-service";
import { claimNextItem } from "./bulk-store";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const request = {
  servicePrincipalId: "sp-1",
  jobId: "scim.4b8c18bd2f9f4227af559f1061cf9c32.4ba261ce-0000-4000-8000-000000000001",
  ruleId: "rule-1",
  subjects: [
    { kind: "user" as const, objectId: id(1), label: '=HYPERLINK("http://evil")' },
    { kind: "user" as const, objectId: id(2), label: "Vance, Adele" },
    { kind: "group" as const, objectId: id(3), memberIds: [id(4), id(5)], label: "Sales (members 1–2 of 2)" },
    { kind: "onPremisesUser" as const, distinguishedName: "CN=Patti,DC=corp,DC=contoso,DC=com" },
  ],
};

describe.each(testDatabases())("bulk service on %s", (_name, database) => {
  let db: RunsDatabase;
  beforeEach(async () => {
    db = await database()();
  });
  afterEach(async () => {
    await db.destroy();
  });

  it("pages items by position with a cursor, filters by status, and lists bulk runs newest first", async () => {
    const service = createBulkService({ db, pace: { limit: 5, windowMs: 10_000 } });
    const { id: first } = await service.create({ request, actor: "alice", applicationLabel: "HR" });
    await service.act(first, "cancel", "alice");
    const { id: second } = await service.create({ request, actor: "bob", applicationLabel: "HR" });

    const page1 = await service.items(second, { limit: 3 });
    expect(page1.items.map((i) => i.position)).toEqual([1, 2, 3]);
    const page2 = await service.items(second, { limit: 3, cursor: page1.nextCursor! });
    expect(page2.items.map((i) => i.position)).toEqual([4]);
    expect(page2.nextCursor).toBeNull();
    expect((await service.items(first, { filter: "cancelled", limit: 10 })).items).toHaveLength(4);
    expect((await service.items(first, { filter: "pending", limit: 10 })).items).toHaveLength(0);

    const runs = await service.list({ limit: 1 });
    expect(runs.items.map((r) => r.id)).toEqual([second]);
    const older = await service.list({ limit: 1, cursor: runs.nextCursor! });
    expect(older.items.map((r) => [r.id, r.status, r.counts.cancelled])).toEqual([[first, "cancelled", 4]]);
    await expect(service.items(second, { limit: 1, cursor: "not-a-cursor" })).rejects.toThrow(/cursor/);
  });

  it("exports every item as CSV with quoting, and a label that starts a formula kept as text", async () => {
    const service = createBulkService({ db, pace: { limit: 5, windowMs: 10_000 } });
    const { id: bulk } = await service.create({ request, actor: "alice", applicationLabel: null });
    let csv = "";
    for await (const line of bulkItemsAsCsv(service.allItems(bulk))) csv += line;
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "position,label,subject kind,subject,status,outcome,action,error code,attempts,finished at,run id",
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[2]).toContain('"Vance, Adele"');
    expect(lines[3]).toContain(`group,${id(3)} [${id(4)} ${id(5)}],pending`);
    expect(lines[4]).toContain(`4,,onPremisesUser,"CN=Patti,DC=corp,DC=contoso,DC=com",pending`);
  });
});

describe.each(testDatabases())("bulk run ETA on %s", (_name, database) => {
  let db: RunsDatabase;
  beforeEach(async () => {
    db = await database()();
  });
  afterEach(async () => {
    await db.destroy();
  });

  it("waits for the next window after a burst, then a window per further group of the limit", async () => {
    const t0 = Date.parse("2026-11-28T10:00:00.000Z");
    let clock = t0;
    const service = createBulkService({
      db,
      pace: { limit: 5, windowMs: 4_000 },
      now: () => new Date(clock),
    });
    const subjects = Array.from({ length: 18 }, (_, i) => ({ kind: "user" as const, objectId: id(100 + i) }));
    const { id: bulk } = await service.create({
      request: { ...request, subjects },
      actor: "a",
      applicationLabel: null,
    });
    expect((await service.get(bulk))!.etaMs).toBe(12_000); // 18 items: bursts at 0, 4, 8 and 12 s

    // Two bursts of five sent at 0 s and 4 s; it is now 5 s: eight left, the next turn at 8 s, the last at 12 s.
    for (const at of [t0, t0 + 4_000]) {
      for (let i = 0; i < 5; i++) await claimNextItem(db, bulk, "instance-a", new Date(at).toISOString());
    }
    clock = t0 + 5_000;
    const view = (await service.get(bulk))!;
    expect(view.counts.pending).toBe(8);
    expect(view.etaMs).toBe(7_000);
  });
});
