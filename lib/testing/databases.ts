import "server-only";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshPostgresUrl } from "./fresh-postgres";
import { openPostgresDatabase, openSqliteDatabase, type RunsDatabase } from "@/lib/runs/database";

// Storage tests run against every database the console supports: a fresh SQLite file always,
// and PostgreSQL when TEST_DATABASE_URL names a server (npm test and CI start one).

type Opener = () => Promise<RunsDatabase>;

const postgresUrl = process.env.TEST_DATABASE_URL;

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
