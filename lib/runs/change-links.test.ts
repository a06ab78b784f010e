import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureText } from "@/lib/testing/provisioning-fixtures";
import { testDatabases } from "@/lib/testing/databases";
import { runRow } from "@/lib/testing/run-rows";
import { runsByChangeId } from "./change-links";
import type { RunsDatabase } from "./database";
import { changeIdOf } from "./migrations";
import { insertRun } from "./run-store";

describe("the changeId a stored answer carries", () => {
  it("is the first report's, in both wire shapes, and null for an answer without one", () => {
    expect(changeIdOf(fixtureText("example-1-scim-user-skipped"))).toBe(
      "g8ba3be8-1d7f-4a60-ae31-a8980da0a389",
    );
    expect(changeIdOf(fixtureText("example-2-cloud-sync-update"))).toBe(
      "582595f3-53be-4843-bf0c-f57dbf8fae96",
    );
    expect(changeIdOf(fixtureText("example-3-group-two-members"))).toBeNull();
    expect(changeIdOf("not json")).toBeNull();
  });
});

describe.each(testDatabases())("runs by the change they made, on %s", (_name, database) => {
  let db: RunsDatabase;
  beforeAll(async () => {
    db = await database()();
    await insertRun(
      db,
      runRow({ id: "run-old", created_at: "2026-11-30T09:00:00.000Z", change_id: "change-1" }),
    );
    await insertRun(
      db,
      runRow({
        id: "run-new",
        created_at: "2026-11-30T10:00:00.000Z",
        change_id: "change-1",
        bulk_run_id: null,
      }),
    );
    await insertRun(
      db,
      runRow({
        id: "run-2",
        created_at: "2026-11-30T11:00:00.000Z",
        change_id: "change-2",
        outcome: "Failure",
      }),
    );
    await insertRun(db, runRow({ id: "run-none", created_at: "2026-11-30T12:00:00.000Z" }));
  });
  afterAll(() => db.destroy());

  it("finds the newest run of each change, and nothing for changes no run made", async () => {
    const links = await runsByChangeId(db, ["change-1", "change-2", "change-3", "change-2"]);
    expect([...links.keys()].sort()).toEqual(["change-1", "change-2"]);
    expect(links.get("change-1")).toEqual({
      id: "run-new",
      status: "completed",
      createdAt: "2026-11-30T10:00:00.000Z",
      outcome: "Success",
      action: "Create",
      bulkRunId: null,
    });
    expect(links.get("change-2")?.outcome).toBe("Failure");
    expect((await runsByChangeId(db, [])).size).toBe(0);
  });
});
