import "server-only";
import { sql, type Kysely } from "kysely";
import { parseProvisionOnDemandResponse } from "@/lib/provisioning";

export type Dialect = "sqlite" | "postgres";

interface Migration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/** No audit entry younger than this can be deleted, whatever the retention setting says. */
export const AUDIT_MINIMUM_AGE_DAYS = 365;

// Migrations live in code, in order; each runs once per database (SQLite and PostgreSQL alike).
export const migrations: Record<string, Migration> = {
  "0001_runs": {
    async up(db) {
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
  "0002_shares_and_audit": {
    async up(db, dialect) {
      await db.schema
        .createTable("shares")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("run_id", "text", (c) => c.notNull().references("runs.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("expires_at", "text")
        .addColumn("revoked_at", "text")
        .addColumn("revoked_by", "text")
        .addColumn("redact", "integer", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("shares_run").on("shares").column("run_id").execute();
      await db.schema
        .createTable("audit_log")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("target", "text")
        .addColumn("detail", "text")
        .addColumn("graph_request_id", "text")
        .execute();
      await db.schema.createIndex("audit_log_at").on("audit_log").columns(["at desc", "id desc"]).execute();
      await db.schema.createIndex("runs_actor").on("runs").columns(["actor", "created_at"]).execute();
      await db.schema.createIndex("runs_outcome").on("runs").columns(["outcome", "created_at"]).execute();
      await appendOnlyAuditLog(db, dialect);
    },
  },
  "0003_msal_cache": {
    async up(db) {
      // MSAL's serialized token cache, one row per partition (a user, or the app itself).
      await db.schema
        .createTable("msal_cache")
        .addColumn("partition_key", "text", (c) => c.primaryKey())
        .addColumn("data", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0004_bulk_runs": {
    async up(db) {
      await db.schema.alterTable("runs").addColumn("bulk_run_id", "text").execute();
      await db.schema.alterTable("runs").addColumn("instance_id", "text").execute();
      await db.schema.createIndex("runs_bulk_run").on("runs").column("bulk_run_id").execute();
      await db.schema
        .createTable("bulk_runs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("started_at", "text")
        .addColumn("finished_at", "text")
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("service_principal_id", "text", (c) => c.notNull())
        .addColumn("job_id", "text", (c) => c.notNull())
        .addColumn("rule_id", "text", (c) => c.notNull())
        .addColumn("application_label", "text")
        .addColumn("total", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("bulk_runs_created_at")
        .on("bulk_runs")
        .columns(["created_at desc", "id desc"])
        .execute();
      await db.schema
        .createIndex("bulk_runs_job_status")
        .on("bulk_runs")
        .columns(["service_principal_id", "job_id", "status"])
        .execute();
      // One active bulk run per job, however many instances accept requests at once.
      await sql`create unique index bulk_runs_one_active on bulk_runs (service_principal_id, job_id)
        where status in ('queued', 'running', 'paused')`.execute(db);
      await db.schema
        .createTable("bulk_items")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("bulk_run_id", "text", (c) => c.notNull().references("bulk_runs.id").onDelete("cascade"))
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("subject_kind", "text", (c) => c.notNull())
        .addColumn("subject_key", "text", (c) => c.notNull())
        .addColumn("subject_json", "text", (c) => c.notNull())
        .addColumn("label", "text")
        .addColumn("run_id", "text")
        .addColumn("outcome", "text")
        .addColumn("action", "text")
        .addColumn("error_code", "text")
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("instance_id", "text")
        .addColumn("claimed_at", "text")
        .addColumn("finished_at", "text")
        .addUniqueConstraint("bulk_items_position", ["bulk_run_id", "position"])
        .execute();
      // Claiming takes the first pending item of a run; counting groups by status and outcome.
      await db.schema
        .createIndex("bulk_items_claim")
        .on("bulk_items")
        .columns(["bulk_run_id", "status", "position"])
        .execute();
      await db.schema
        .createTable("console_instances")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("heartbeat_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0005_job_actions": {
    async up(db) {
      await db.schema
        .createTable("job_actions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("requested_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text")
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("actor_name", "text")
        .addColumn("service_principal_id", "text", (c) => c.notNull())
        .addColumn("job_id", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("reset_scope", "text")
        .addColumn("idempotency_key", "text", (c) => c.unique())
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("error_json", "text")
        .addColumn("status_before", "text")
        .addColumn("status_after", "text")
        .addColumn("calls_json", "text", (c) => c.notNull())
        .addColumn("graph_request_id", "text")
        .addColumn("instance_id", "text")
        .execute();
      // A job's timeline, newest first.
      await db.schema
        .createIndex("job_actions_job")
        .on("job_actions")
        .columns(["service_principal_id", "job_id", "requested_at desc", "id desc"])
        .execute();
      await db.schema.createIndex("job_actions_outcome").on("job_actions").column("outcome").execute();
    },
  },
  "0006_job_labels": {
    async up(db) {
      // Which of an application's jobs a run (or bulk run) used, in words, for history and the audit log.
      await db.schema.alterTable("runs").addColumn("job_label", "text").execute();
      await db.schema.alterTable("bulk_runs").addColumn("job_label", "text").execute();
    },
  },
  "0007_runs_change_id": {
    // The change a run made, as the provisioning logs name it: a run and its log entry are joined on it.
    async up(db) {
      await db.schema.alterTable("runs").addColumn("change_id", "text").execute();
      await db.schema.createIndex("runs_change_id").on("runs").column("change_id").execute();
      const stored = await sql<{
        id: string;
        response_body: string;
      }>`select id, response_body from runs where response_body is not null`.execute(db);
      for (const row of stored.rows) {
        const changeId = changeIdOf(row.response_body);
        if (changeId) await sql`update runs set change_id = ${changeId} where id = ${row.id}`.execute(db);
      }
    },
  },
  "0008_audit_log_sealed": {
    async up(db, dialect) {
      await sealAuditLog(db, dialect);
    },
  },
  "0009_pacing_and_lease": {
    async up(db) {
      // The provisionOnDemand pace of each job, kept where a restart and other instances see it.
      await db.schema
        .createTable("pacing_slots")
        .addColumn("pace_key", "text", (c) => c.notNull())
        .addColumn("slot", "integer", (c) => c.notNull())
        .addColumn("holder", "text")
        .addColumn("held_until", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("pacing_slots_pk", ["pace_key", "slot"])
        .execute();
      // Who may use a SQLite database: one live console at a time.
      await db.schema
        .createTable("console_lease")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("instance_id", "text", (c) => c.notNull())
        .addColumn("pid", "integer", (c) => c.notNull())
        .addColumn("host", "text", (c) => c.notNull())
        .addColumn("acquired_at", "text", (c) => c.notNull())
        .addColumn("renewed_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0010_reasons_and_names": {
    async up(db) {
      // Why a run was skipped or failed, as a column: history shows it, filters by it and exports it.
      await db.schema.alterTable("runs").addColumn("reason_code", "text").execute();
      // History filters by reason whatever its case: the index holds the lower-cased code.
      await sql`create index runs_reason_code on runs (lower(reason_code), created_at)`.execute(db);
      await sql`update runs set reason_code = error_code where error_code is not null`.execute(db);
      const answered = await sql<{ id: string; outcome: string | null; response_body: string }>`
        select id, outcome, response_body from runs
        where response_body is not null and error_code is null and outcome <> 'Success'`.execute(db);
      for (const row of answered.rows) {
        const code = reasonCodeOf(row.outcome, row.response_body);
        if (code) await sql`update runs set reason_code = ${code} where id = ${row.id}`.execute(db);
      }
      await db.schema
        .createTable("directory_names")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("display_name", "text")
        .addColumn("upn", "text")
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      // The audit log finds a job action's application by the job it names.
      await db.schema.createIndex("job_actions_job_id").on("job_actions").column("job_id").execute();
      await backfillNames(db);
    },
  },
};

/** Why a stored answer was not a plain success: the skip reason or error code it carries, or null. */
export function reasonCodeOf(outcome: string | null, responseBody: string): string | null {
  if (outcome === "Success") return null;
  try {
    return parseProvisionOnDemandResponse(JSON.parse(responseBody)).errorCode;
  } catch {
    return null;
  }
}

/** A group's run label carries its member count ("Sales (+3 members)"); the name is what comes before. */
function groupNameOf(label: string): string {
  return label.replace(/\s*\(\+\d+ members?\)$/, "");
}

/** The names earlier runs, bulk runs and job actions recorded, newest last so the latest wins. */
async function backfillNames(db: Kysely<unknown>) {
  const names = new Map<string, { display: string | null; upn: string | null; kind: string; at: string }>();
  const runs = await sql<{
    subject_key: string;
    subject_kind: string;
    subject_label: string | null;
    service_principal_id: string;
    application_label: string | null;
    created_at: string;
  }>`select subject_key, subject_kind, subject_label, service_principal_id, application_label, created_at
     from runs order by created_at`.execute(db);
  for (const run of runs.rows) {
    const label = run.subject_label?.trim();
    if (label && run.subject_kind !== "onPremisesUser") {
      const upn = run.subject_kind === "user" && label.includes("@") ? label : null;
      const display = upn ? (names.get(run.subject_key)?.display ?? null) : groupNameOf(label);
      names.set(run.subject_key, { display, upn, kind: run.subject_kind, at: run.created_at });
    }
    const app = run.application_label?.trim();
    if (app)
      names.set(run.service_principal_id, {
        display: app,
        upn: null,
        kind: "application",
        at: run.created_at,
      });
  }
  const actors = await sql<{ actor: string; actor_name: string | null; requested_at: string }>`
    select actor, actor_name, requested_at from job_actions where actor_name is not null order by requested_at`.execute(
    db,
  );
  for (const row of actors.rows) {
    names.set(row.actor, { display: row.actor_name, upn: null, kind: "operator", at: row.requested_at });
  }
  for (const [id, name] of names) {
    await sql`insert into directory_names (id, display_name, upn, kind, updated_at)
      values (${id}, ${name.display}, ${name.upn}, ${name.kind}, ${name.at})`.execute(db);
  }
}

/** The changeId of a stored provisionOnDemand answer (the first report's), or null. */
export function changeIdOf(responseBody: string): string | null {
  try {
    return parseProvisionOnDemandResponse(JSON.parse(responseBody)).reports[0]?.changeId ?? null;
  } catch {
    return null;
  }
}

/** The audit log refuses every UPDATE, and any DELETE of an entry younger than the minimum age. */
async function appendOnlyAuditLog(db: Kysely<unknown>, dialect: Dialect) {
  const days = AUDIT_MINIMUM_AGE_DAYS;
  if (dialect === "sqlite") {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
    await sql
      .raw(
        `create trigger audit_log_no_early_delete before delete on audit_log
         when old.at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${days} days')
         begin select raise(abort, 'the audit log is append-only'); end`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `create function audit_log_append_only() returns trigger language plpgsql as $$
       begin
         if tg_op = 'DELETE' and old.at < to_char((now() at time zone 'utc') - interval '${days} days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') then
           return old;
         end if;
         raise exception 'the audit log is append-only';
       end $$`,
    )
    .execute(db);
  await sql`create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
}

/** The trigger that keeps an entry's time the time it was written (see sealAuditLog). */
export const AUDIT_TIME_TRIGGER = "audit_log_current_time";

/** How far an entry's time may be from the database's clock when it is written (SQLite). */
const AUDIT_TIME_SLACK = "5 minutes";

/**
 * Closes the ways around the append-only triggers. SQLite's REPLACE (and INSERT OR REPLACE, or an
 * upsert) deletes the old row without firing delete triggers: an insert of an id already logged is
 * refused. A back-dated entry could be deleted at once: SQLite refuses an entry whose time is not
 * now, PostgreSQL writes the time itself. PostgreSQL's TRUNCATE fires no row trigger: refused.
 */
async function sealAuditLog(db: Kysely<unknown>, dialect: Dialect) {
  if (dialect === "sqlite") {
    await sql`create trigger audit_log_no_overwrite before insert on audit_log
      when exists (select 1 from audit_log where id = new.id)
      begin select raise(abort, 'the audit log is append-only: an entry cannot be replaced'); end`.execute(
      db,
    );
    await createAuditTimeTrigger(db, dialect);
    return;
  }
  await sql
    .raw(
      `create function audit_log_current_time() returns trigger language plpgsql as $$
       begin
         new.at := to_char(clock_timestamp() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
         return new;
       end $$`,
    )
    .execute(db);
  await createAuditTimeTrigger(db, dialect);
  await sql
    .raw(
      `create function audit_log_no_truncate() returns trigger language plpgsql as $$
       begin raise exception 'the audit log is append-only'; end $$`,
    )
    .execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_no_truncate()`.execute(db);
}

/** The time trigger alone (tests that seed entries from years ago drop it and put it back). */
export async function createAuditTimeTrigger(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === "sqlite") {
    const iso = "'%Y-%m-%dT%H:%M:%fZ'";
    await sql
      .raw(
        `create trigger ${AUDIT_TIME_TRIGGER} before insert on audit_log
         when new.at is null
           or new.at not glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'
           or new.at < strftime(${iso}, 'now', '-${AUDIT_TIME_SLACK}')
           or new.at > strftime(${iso}, 'now', '+${AUDIT_TIME_SLACK}')
         begin select raise(abort, 'the audit log is append-only: an entry carries the time it is written'); end`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `create trigger ${AUDIT_TIME_TRIGGER} before insert on audit_log
       for each row execute function audit_log_current_time()`,
    )
    .execute(db);
}

/**
 * Applies what has not been applied yet, in name order. On PostgreSQL an advisory lock makes
 * instances that start together take turns.
 */
export async function migrate(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
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
          await migrations[name]!.up(trx, dialect);
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
