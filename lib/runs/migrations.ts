import "server-only";
import { sql, type Kysely, type Migration } from "kysely";

// Migrations live in code, in order; each runs once per database (SQLite and PostgreSQL alike).
export const migrations: Record<string, Migration> = {
  "0001_runs": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("runs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("started_at", "text")
        .addColumn("finished_at", "text")
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("service_principal_id", "text", (c) => c.notNull())
        .addColumn("job_id", "text", (c) => c.notNull())
        .addColumn("rule_id", "text", (c) => c.notNull())
        .addColumn("subject_kind", "text", (c) => c.notNull())
        .addColumn("subject_key", "text", (c) => c.notNull())
        .addColumn("subject_json", "text", (c) => c.notNull())
        .addColumn("application_label", "text")
        .addColumn("subject_label", "text")
        .addColumn("idempotency_key", "text", (c) => c.unique())
        .addColumn("graph_request_id", "text")
        .addColumn("response_body", "text")
        .addColumn("outcome", "text")
        .addColumn("action", "text")
        .addColumn("error_code", "text")
        .addColumn("error_message", "text")
        .execute();
      await db.schema
        .createIndex("runs_created_at")
        .on("runs")
        .columns(["created_at desc", "id desc"])
        .execute();
      await db.schema
        .createIndex("runs_subject")
        .on("runs")
        .columns(["service_principal_id", "job_id", "subject_key", "created_at"])
        .execute();
      await db.schema.createIndex("runs_status").on("runs").column("status").execute();
    },
  },
};

/**
 * Applies what has not been applied yet, in name order. On PostgreSQL an advisory lock makes
 * instances that start together take turns.
 */
export async function migrate(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  await db.connection().execute(async (connection) => {
    if (dialect === "postgres") await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(connection);
    try {
      await connection.schema
        .createTable("schema_migrations")
        .ifNotExists()
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("applied_at", "text", (c) => c.notNull())
        .execute();
      const applied = new Set(
        (await sql<{ name: string }>`select name from schema_migrations`.execute(connection)).rows.map(
          (row) => row.name,
        ),
      );
      for (const name of Object.keys(migrations).sort()) {
        if (applied.has(name)) continue;
        await connection.transaction().execute(async (trx) => {
          await migrations[name]!.up(trx);
          await sql`insert into schema_migrations (name, applied_at) values (${name}, ${new Date().toISOString()})`.execute(
            trx,
          );
        });
      }
    } finally {
      if (dialect === "postgres") await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(connection);
    }
  });
}

const MIGRATION_LOCK = 7_720_117;
