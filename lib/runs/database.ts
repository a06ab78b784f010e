import "server-only";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { migrate } from "./migrations";
import type { Database } from "./schema";

export type RunsDatabase = Kysely<Database>;

/** Opens (creating if needed) the SQLite file and brings its schema up to date. */
export async function openSqliteDatabase(file: string): Promise<RunsDatabase> {
  if (file !== ":memory:") mkdirSync(join(file, ".."), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  // WAL lets readers and the writer work at once; the busy timeout queues concurrent writers
  // instead of failing them.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db as Kysely<unknown>);
  return db;
}
