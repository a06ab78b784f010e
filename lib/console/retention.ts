import "server-only";
import type { Env } from "@/lib/env";
import { purgeAudit, purgeJobActions, purgeRuns, type RunsDatabase } from "@/lib/runs";

const DAY_MS = 86_400_000;

/** Purges runs, job actions and audit entries past their retention now, then daily; returns the timer's stop. */
export async function startRetentionPurge(
  db: RunsDatabase,
  settings: Pick<Env, "RUN_RETENTION_DAYS" | "AUDIT_RETENTION_DAYS">,
): Promise<() => void> {
  const purge = async () => {
    await purgeRuns(db, settings.RUN_RETENTION_DAYS);
    await purgeJobActions(db, settings.RUN_RETENTION_DAYS);
    await purgeAudit(db, settings.AUDIT_RETENTION_DAYS);
  };
  await purge();
  const timer = setInterval(
    () => void purge().catch((error: unknown) => console.error("[console] retention purge failed", error)),
    DAY_MS,
  );
  timer.unref();
  return () => clearInterval(timer);
}
