import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/lib/testing/databases";
import type { RunsDatabase } from "./database";
import { acquireLease, isDatabaseInUse, LEASE_LAPSES_AFTER_MS, releaseLease, renewLease } from "./lease";

const where = "in DATA_DIR=/srv/console (/srv/console/console.db)";
const alive = () => true;
const dead = () => false;

async function refusal(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown as Error,
  );
  expect(isDatabaseInUse(error)).toBe(true);
  return error!;
}

describe.each(testDatabases())("the database's lease (%s)", (_name, database) => {
  let db: RunsDatabase;
  beforeAll(async () => {
    db = await database()();
  });
  afterAll(async () => {
    await db.destroy();
  });
  const holder = { pid: 4242, host: "console-host", isAlive: alive, where };

  it("refuses a second live console, saying who holds it, DATA_DIR, and PostgreSQL with Redis instead", async () => {
    await acquireLease(db, { ...holder, instanceId: "first" });
    const error = await refusal(acquireLease(db, { ...holder, pid: 4343, instanceId: "second" }));
    expect(error.message).toContain("process 4242 on console-host");
    expect(error.message).toContain("DATA_DIR=/srv/console");
    expect(error.message).toMatch(/PostgreSQL \(DATABASE_URL\) with Redis \(REDIS_URL\)/);
    expect(await renewLease(db, "first", new Date().toISOString())).toBe(true);
  });

  it("is free at once when its holder's process is gone from this machine (kill -9)", async () => {
    await acquireLease(db, { ...holder, pid: 4343, isAlive: dead, instanceId: "after-kill" });
    expect(await renewLease(db, "first", new Date().toISOString())).toBe(false); // the old holder learns it
    // A holder on another machine cannot be checked: it keeps the lease while it renews.
    await refusal(acquireLease(db, { ...holder, host: "elsewhere", isAlive: dead, instanceId: "remote" }));
  });

  it("is free once it lapses unrenewed, even if a process with that id still runs", async () => {
    const later = Date.now() + LEASE_LAPSES_AFTER_MS + 1_000;
    await acquireLease(db, { ...holder, host: "elsewhere", instanceId: "lapsed", now: () => later });
    expect(await renewLease(db, "after-kill", new Date().toISOString())).toBe(false);
  });

  it("goes to one of two consoles that start at once", async () => {
    await releaseLease(db, "lapsed");
    const outcomes = await Promise.allSettled(
      ["racer-a", "racer-b", "racer-c"].map((instanceId, i) =>
        acquireLease(db, { ...holder, pid: 5000 + i, instanceId }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes)
      if (outcome.status === "rejected") expect(isDatabaseInUse(outcome.reason)).toBe(true);
  });
});
