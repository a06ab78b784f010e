import "server-only";
import type { RunLink } from "@/lib/api/contracts";
import type { RunsDatabase } from "./database";

/** Most changeIds looked up at once: a page of log events. */
const MAX_LOOKUP = 500;

/** The console's runs that made these changes, by changeId (the newest run when several did). */
export async function runsByChangeId(
  db: RunsDatabase,
  changeIds: readonly string[],
): Promise<Map<string, RunLink>> {
  const wanted = [...new Set(changeIds.filter((id) => id !== ""))].slice(0, MAX_LOOKUP);
  const links = new Map<string, RunLink>();
  if (wanted.length === 0) return links;
  const rows = await db
    .selectFrom("runs")
    .select(["id", "change_id", "status", "created_at", "outcome", "action", "bulk_run_id"])
    .where("change_id", "in", wanted)
    .orderBy("created_at", "asc")
    .execute();
  for (const row of rows)
    if (row.change_id)
      links.set(row.change_id, {
        id: row.id,
        status: row.status as RunLink["status"],
        createdAt: row.created_at,
        outcome: row.outcome,
        action: row.action,
        bulkRunId: row.bulk_run_id,
      });
  return links;
}
