import "server-only";
import type { RunRequest } from "@/lib/api/contracts";
import type { Caller } from "@/lib/auth/caller";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import {
  createRunService,
  openDatabase,
  purgeAudit,
  purgeRuns,
  type RunService,
  type RunsDatabase,
} from "@/lib/runs";
import { findProvisioningApp, subjectLabel } from "./catalog";
import { graphClient } from "./graph";
import { consoleInstance } from "./instance";

/** The runs database of this process, opened once (consoleInstance recovers what stopped instances left). */
export function runsDatabase(): Promise<RunsDatabase> {
  return processSingleton("runs-database", async () => {
    const settings = env();
    const db = await openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir: settings.DATA_DIR });
    const purge = async () => {
      await purgeRuns(db, settings.RUN_RETENTION_DAYS);
      await purgeAudit(db, settings.AUDIT_RETENTION_DAYS);
    };
    await purge();
    setInterval(
      () => void purge().catch((error: unknown) => console.error("[console] retention purge failed", error)),
      86_400_000,
    ).unref();
    return db;
  });
}

export function runService(): Promise<RunService> {
  return processSingleton("run-service", async () => {
    const instance = await consoleInstance();
    return createRunService({ db: instance.db, instanceId: instance.id });
  });
}

/** Provisions one object as this caller: stored first, sent through their Graph client. */
export async function requestRun(caller: Caller, request: RunRequest, idempotencyKey: string | null) {
  return (await runService()).request({
    request,
    actor: caller.id,
    idempotencyKey,
    graph: graphClient(caller),
    labeler: async () => {
      const [app, subject] = await Promise.all([
        findProvisioningApp(caller, request.servicePrincipalId).catch(() => null),
        subjectLabel(caller, request.subject).catch(() => null),
      ]);
      return { application: app?.displayName ?? null, subject };
    },
  });
}
