import "server-only";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { openPostgresDatabase, openSqliteDatabase, type RunsDatabase } from "./database";

// Storage tests run against every database the console supports: a fresh SQLite file always,
// and PostgreSQL when TEST_DATABASE_URL names a server (npm test and CI start one).

type Opener = () => Promise<RunsDatabase>;

const postgresUrl = process.env.TEST_DATABASE_URL;

/** A new, empty PostgreSQL schema on the test server, reached through search_path. */
async function freshPostgresUrl(base: string): Promise<string> {
  const schema = `t_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const client = new Client({ connectionString: base });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}

/** [name, open] pairs; every call of `open` in one test file shares one fresh database of that kind. */
export function testDatabases(): [string, () => Opener][] {
  const kinds: [string, () => Opener][] = [
    [
      "SQLite",
      () => {
        const file = join(mkdtempSync(join(tmpdir(), "pod-")), "console.db");
        return () => openSqliteDatabase(file);
      },
    ],
  ];
  if (postgresUrl) {
    kinds.push([
      "PostgreSQL",
      () => {
        const url = freshPostgresUrl(postgresUrl);
        return async () => openPostgresDatabase(await url);
      },
    ]);
  } else {
    console.warn("TEST_DATABASE_URL is not set: storage tests run on SQLite only (npm test sets it).");
  }
  return kinds;
}
