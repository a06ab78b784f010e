import "server-only";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from "kysely";
import { Pool } from "pg";
import { migrate, type Dialect } from "./migrations";
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
  await migrate(db as Kysely<unknown>, "sqlite");
  return db;
}

/** Opens a PostgreSQL database by URL and brings its schema up to date (the same migrations). */
export async function openPostgresDatabase(url: string): Promise<RunsDatabase> {
  const pool = new Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db as Kysely<unknown>, "postgres");
  return db;
}

/** Which of the two databases this is. */
export function dialectOf(db: RunsDatabase): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/** PostgreSQL when a URL is given, else the SQLite file in the data folder. */
export function openDatabase(settings: { databaseUrl?: string; dataDir: string }): Promise<RunsDatabase> {
  return settings.databaseUrl
    ? openPostgresDatabase(settings.databaseUrl)
    : openSqliteDatabase(join(settings.dataDir, "console.db"));
}
