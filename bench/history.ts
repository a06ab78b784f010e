// The history page's query with 100,000 runs stored, on SQLite and PostgreSQL, against the bare
// indexed SELECT it issues (same rows, no mapping): what the history layer adds.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { Client } from "pg";
import { listRuns, openPostgresDatabase, openSqliteDatabase, type RunsDatabase } from "../lib/runs";
import { runRow } from "@/lib/testing/run-rows";
// @ts-expect-error -- a plain .mjs script without types
import { ensurePostgres } from "../scripts/services.mjs";

const RUNS = 100_000;
const SAMPLES = 400;

async function fill(db: RunsDatabase) {
  const start = Date.UTC(2026, 0, 1);
  for (let offset = 0; offset < RUNS; offset += 1000) {
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const n = offset + i;
      return runRow({
        id: `run-${String(n).padStart(6, "0")}`,
        created_at: new Date(start + n * 30_000).toISOString(),
        subject_key: `user-${n % 5000}`,
        subject_label: `user${n % 5000}@contoso.com`,
        outcome: n % 3 === 0 ? "Skipped" : n % 11 === 0 ? "Failure" : "Success",
        actor: `agent${n % 20}@contoso.com`,
      });
    });
    await db.insertInto("runs").values(rows).execute();
  }
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)]!, p99: sorted[Math.floor(sorted.length * 0.99)]! };
}

async function time(call: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

async function benchOne(name: string, db: RunsDatabase) {
  const started = performance.now();
  await fill(db);
  console.log(
    `  ${name}: ${RUNS.toLocaleString("en")} runs stored in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // A page deep in the history: the cursor of the 50,000th run.
  const middle = await db
    .selectFrom("runs")
    .select(["id", "created_at"])
    .orderBy("created_at", "desc")
    .offset(50_000)
    .limit(1)
    .executeTakeFirstOrThrow();
  const cursor = Buffer.from(JSON.stringify([middle.created_at, middle.id])).toString("base64url");
  const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    [
      "first page",
      () => listRuns(db, {}, { limit: 50 }),
      () => sql`select * from runs order by created_at desc, id desc limit 51`.execute(db),
    ],
    [
      "page 1,000 (keyset)",
      () => listRuns(db, {}, { cursor, limit: 50 }),
      () =>
        sql`select * from runs where (created_at, id) < (${middle.created_at}, ${middle.id})
            order by created_at desc, id desc limit 51`.execute(db),
    ],
    [
      "outcome = Failure",
      () => listRuns(db, { outcome: "Failure" }, { limit: 50 }),
      () =>
        sql`select * from runs where outcome = 'Failure' order by created_at desc, id desc limit 51`.execute(
          db,
        ),
    ],
  ];
  for (const [label, history, bare] of cases) {
    const b = await time(bare);
    const h = await time(history);
    console.log(
      `    ${label.padEnd(20)} history p50 ${h.p50.toFixed(2)} p99 ${h.p99.toFixed(2)} ms | bare SELECT p50 ${b.p50.toFixed(2)} p99 ${b.p99.toFixed(2)} ms | ratio p50 ${(h.p50 / b.p50).toFixed(2)}× p99 ${(h.p99 / b.p99).toFixed(2)}×`,
    );
  }
  await db.destroy();
}

export async function benchHistory(): Promise<void> {
  console.log(`\nHistory query with ${RUNS.toLocaleString("en")} runs`);
  await benchOne(
    "SQLite",
    await openSqliteDatabase(join(mkdtempSync(join(tmpdir(), "pod-history-")), "console.db")),
  );
  const base = (ensurePostgres as () => string)();
  const schema = `bench_${Date.now()}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${schema}`);
  try {
    await benchOne("PostgreSQL", await openPostgresDatabase(url.toString()));
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHistory();
