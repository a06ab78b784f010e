import "server-only";
import { sql, type Kysely } from "kysely";
import { dialectOf, type RunsDatabase } from "@/lib/runs/database";
import { AUDIT_TIME_TRIGGER, createAuditTimeTrigger } from "@/lib/runs/migrations";

/**
 * Puts an entry from long ago into the audit log, as years of use would have: the trigger that
 * keeps every entry's time the time it is written is dropped for the insert and put back.
 */
export async function seedAncientAuditEntry(
  db: RunsDatabase,
  entry: { at: string; actor: string; action: string; target: string },
): Promise<void> {
  const dialect = dialectOf(db);
  await db.transaction().execute(async (trx) => {
    await sql
      .raw(`drop trigger ${AUDIT_TIME_TRIGGER}${dialect === "postgres" ? " on audit_log" : ""}`)
      .execute(trx);
    await trx
      .insertInto("audit_log")
      .values({ id: crypto.randomUUID(), ...entry, detail: null, graph_request_id: null })
      .execute();
    await createAuditTimeTrigger(trx as unknown as Kysely<unknown>, dialect);
  });
}
