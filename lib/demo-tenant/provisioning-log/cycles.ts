import "server-only";
import type { ProvisionInput, ProvisionSubject } from "../engine/context";
import type { DemoJob, ServicePrincipal, StringKeyStringValuePair, TenantState } from "../model";
import { entryFromAnswer } from "./from-answer";
import type { ProvisioningLog } from "./store";

// Scheduled cycles, simulated: like Entra's incremental cycles they process what changed since the
// last one (the demo controls say what they changed) and retry the escrows — the objects whose last
// event on the job failed — through the real engine, logging each object they touch.

/** Something the demo controls changed, which the next cycle of the jobs it concerns picks up. */
export type DirectoryChange =
  | { kind: "user"; userId: string }
  | { kind: "onPremisesUser"; distinguishedName: string }
  | { kind: "assignment"; servicePrincipalId: string; principalId: string };

export interface CycleSummary {
  servicePrincipalId: string;
  jobId: string;
  cycleId: string;
  /** Objects run through the engine. */
  processed: number;
  failed: number;
  startedAt: string;
  endedAt: string;
}

export interface CycleDeps {
  tenant(): TenantState;
  log(): ProvisioningLog;
  run(input: ProvisionInput): Promise<StringKeyStringValuePair>;
  now(): Date;
  newId(): string;
}

/** How many of a job's newest events a cycle reads to find its escrows. */
const ESCROW_SCAN = 5_000;
const TICK_MS = 30_000;

/**
 * Whether the job's scheduled cycles run now: its schedule is active, it is not paused, and it is not
 * in quarantine before its next attempt. Job actions (pause, start) change exactly these fields.
 */
export function cyclesRunFor(job: DemoJob, now: Date): boolean {
  if (job.job.schedule.state !== "Active" || job.job.status.code === "Paused") return false;
  const quarantine = job.job.status.quarantine;
  if (job.job.status.code === "Quarantine" && quarantine)
    return Date.parse(quarantine.nextAttempt) <= now.getTime();
  return true;
}

/** PT40M, PT2M, PT1H30M as milliseconds; 40 minutes (Entra's fixed interval) when unreadable. */
export function intervalMs(interval: string): number {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(interval);
  if (!match || match[0] === "PT") return 40 * 60_000;
  const [, h = "0", m = "0", s = "0"] = match;
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 || 40 * 60_000;
}

const key = (spId: string, jobId: string) => `${spId}/${jobId}`;

export function createCycles(deps: CycleDeps) {
  let pending = new Map<string, Map<string, ProvisionSubject>>();
  let lastRun = new Map<string, number>();
  const running = new Set<string>();
  let timer: ReturnType<typeof setInterval> | null = null;

  const jobs = function* () {
    for (const sp of deps.tenant().servicePrincipals.values()) for (const job of sp.jobs) yield { sp, job };
  };

  function queue(sp: ServicePrincipal, job: DemoJob, subject: ProvisionSubject) {
    const k = key(sp.id, job.job.id);
    const forJob = pending.get(k) ?? new Map<string, ProvisionSubject>();
    forJob.set(`${subject.objectTypeName}:${subject.objectId.toLowerCase()}`, subject);
    pending.set(k, forJob);
  }

  function markChanged(change: DirectoryChange): void {
    const tenant = deps.tenant();
    for (const { sp, job } of jobs()) {
      if (change.kind === "onPremisesUser") {
        if (job.target.kind === "entra")
          queue(sp, job, { objectId: change.distinguishedName, objectTypeName: "user" });
        continue;
      }
      if (job.target.kind !== "scim") continue;
      if (change.kind === "assignment" && change.servicePrincipalId !== sp.id) continue;
      const id = change.kind === "user" ? change.userId : change.principalId;
      const group = tenant.groups.get(id);
      if (group) {
        queue(sp, job, { objectId: group.id, objectTypeName: "Group" });
        for (const member of group.memberIds) queue(sp, job, { objectId: member, objectTypeName: "User" });
      } else queue(sp, job, { objectId: id, objectTypeName: "User" });
    }
  }

  /** The objects whose newest event on the job is a failure: the cycle retries them. */
  function escrows(job: DemoJob): ProvisionSubject[] {
    const seen = new Set<string>();
    const out: ProvisionSubject[] = [];
    let read = 0;
    const tenant = deps.tenant();
    for (const record of deps.log().newestOfJob(job.job.id)) {
      if (++read > ESCROW_SCAN) break;
      const objectKey = `${record.sourceType.toLowerCase()}:${record.sourceId}`;
      if (seen.has(objectKey)) continue;
      seen.add(objectKey);
      if (record.status !== "failure") continue;
      if (job.target.kind === "entra") {
        const dn = tenant.users.get(record.targetId)?.onPremisesDistinguishedName;
        if (dn) out.push({ objectId: dn, objectTypeName: "user" });
      } else if (record.sourceType.toLowerCase() === "group" || record.sourceType.toLowerCase() === "user") {
        out.push({
          objectId: record.sourceId,
          objectTypeName: record.sourceType.toLowerCase() === "group" ? "Group" : "User",
        });
      }
    }
    return out;
  }

  async function runCycle(spId: string, jobId: string): Promise<CycleSummary | null> {
    const sp = deps.tenant().servicePrincipals.get(spId);
    const job = sp?.jobs.find((j) => j.job.id === jobId);
    const rule = job?.schema.synchronizationRules[0];
    if (!sp || !job || !rule) return null;
    const k = key(sp.id, job.job.id);
    if (running.has(k)) return null;
    running.add(k);
    const cycleId = deps.newId();
    const startedAt = deps.now();
    const subjects = new Map(pending.get(k) ?? []);
    pending.delete(k);
    for (const subject of escrows(job))
      subjects.set(`${subject.objectTypeName}:${subject.objectId.toLowerCase()}`, subject);
    let processed = 0;
    let failed = 0;
    try {
      for (const subject of subjects.values()) {
        const mapped = rule.objectMappings.some(
          (m) => m.enabled && m.sourceObjectName.toLowerCase() === subject.objectTypeName.toLowerCase(),
        );
        if (!mapped) continue;
        let answer: StringKeyStringValuePair;
        try {
          answer = await deps.run({ servicePrincipal: sp, job, rule, subjects: [subject] });
        } catch {
          continue; // gone from the directory since it was queued: nothing to log
        }
        const entry = entryFromAnswer(
          {
            tenantId: deps.tenant().tenantId,
            servicePrincipal: sp,
            job,
            cycleId,
            initiatedBy: { id: "", displayName: "Azure AD Provisioning Service", initiatorType: "system" },
            newId: deps.newId,
          },
          answer,
        );
        if (!entry) continue;
        deps.log().append(entry);
        processed++;
        if (entry.provisioningStatusInfo.status === "failure") failed++;
      }
    } finally {
      running.delete(k);
      lastRun.set(k, deps.now().getTime());
    }
    const endedAt = deps.now();
    recordExecution(job, { began: startedAt, ended: endedAt, processed, failed, cycleId });
    return {
      servicePrincipalId: sp.id,
      jobId: job.job.id,
      cycleId,
      processed,
      failed,
      startedAt: startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
    };
  }

  async function runDueCycles(): Promise<void> {
    const now = deps.now();
    for (const { sp, job } of jobs()) {
      const k = key(sp.id, job.job.id);
      const last = lastRun.get(k);
      if (last === undefined) lastRun.set(k, now.getTime());
      else if (now.getTime() - last >= intervalMs(job.job.schedule.interval) && cyclesRunFor(job, now))
        await runCycle(sp.id, job.job.id);
    }
  }

  return {
    markChanged,
    runCycle,
    runDueCycles,
    /** Runs due cycles every half minute (the timer does not keep the process alive). */
    start() {
      if (timer) return;
      timer = setInterval(() => void runDueCycles().catch(() => undefined), TICK_MS);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    reset() {
      pending = new Map();
      lastRun = new Map();
    },
  };
}

export type Cycles = ReturnType<typeof createCycles>;

function recordExecution(
  job: DemoJob,
  run: { began: Date; ended: Date; processed: number; failed: number; cycleId: string },
): void {
  const status = job.job.status;
  const previous = status.lastExecution;
  const execution = {
    activityIdentifier: run.cycleId,
    countEntitled: previous?.countEntitled ?? 0,
    countEntitledForProvisioning: previous?.countEntitledForProvisioning ?? 0,
    countEscrowed: run.failed,
    countEscrowedRaw: run.failed,
    countExported: run.processed - run.failed,
    countExports: run.processed,
    countImported: run.processed,
    countImportedDeltas: run.processed,
    countImportedReferenceDeltas: 0,
    state: run.failed > 0 ? ("EntryLevelErrors" as const) : ("Succeeded" as const),
    timeBegan: run.began.toISOString(),
    timeEnded: run.ended.toISOString(),
    error: null,
  };
  status.lastExecution = execution;
  if (run.failed === 0 || run.failed < run.processed) status.lastSuccessfulExecution = execution;
  if (run.processed - run.failed > 0) status.lastSuccessfulExecutionWithExports = execution;
}
