import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "./migrations";
import { testDatabases } from "@/lib/testing/databases";

describe.each(testDatabases())("%s", (name, database) => {
  it("migrates a fresh database, and opening it again (as a second instance would) changes nothing", async () => {
    const open = database();
    // Two PostgreSQL instances may start together (the advisory lock orders them); SQLite is one process's file.
    const [first, second] =
      name === "PostgreSQL" ? await Promise.all([open(), open()]) : [await open(), await open()];
    const applied = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(
      second,
    );
    expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(migrations).sort());
    expect(applied.rows[0]?.name).toBe("0001_runs");
    await Promise.all([first.destroy(), second.destroy()]);
  });
});
