import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, auditAsCsv, listAudit } from "./audit";
import { dialectOf, type RunsDatabase } from "./database";
import { rememberNames } from "./directory-names";
import { listRuns, runsAsCsv } from "./history";
import { migrate } from "./migrations";
import { createRunService, type ProvisionCaller } from "./run-service";
import { insertRun } from "./run-store";
import { csvRecords } from "@/lib/testing/csv";
import { testDatabases } from "@/lib/testing/databases";
import { fixtureBody } from "@/lib/testing/provisioning-fixtures";
import { runRow } from "@/lib/testing/run-rows";

// Searching history and the audit log by reason and by name: the SQL of the filters, the names
// remembered when runs are recorded, and the migration that fills both in for older databases.

const minute = (n: number) => new Date(Date.UTC(2026, 10, 2, 9, n)).toISOString();
const ADELE = "11111111-0000-4000-8000-00000000ade1";
const ISAIAH = "11111111-0000-4000-8000-0000000015a1";
const SALES = "22222222-0000-4000-8000-00000000fa1e";

// Entries a few milliseconds apart, so "newest first" has one answer.
const pause = () => new Promise((resolve) => setTimeout(resolve, 3));

async function collect(lines: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const line of lines) text += line;
  return text;
}

describe.each(testDatabases())("history and audit search on %s", (_name, database) => {
  let db: RunsDatabase;
  beforeAll(async () => {
    db = await database()();
    await rememberNames(db, [
      { id: "op-alice", displayName: "Alice Wilber", upn: "AliceW@contoso.com", kind: "operator" },
      { id: "op-bob", displayName: "Bob Kelly", kind: "operator" },
      { id: ADELE, displayName: "Adele Vance", upn: "AdeleV@contoso.com", kind: "user" },
      { id: ISAIAH, displayName: "Isaiah Langer", upn: "IsaiahL@contoso.com", kind: "user" },
      { id: SALES, displayName: "Sales Team EMEA", kind: "group" },
      { id: "sp-hr", displayName: "Contoso HR Portal", kind: "application" },
      { id: "sp-north", displayName: "Northwind Ordering", kind: "application" },
    ]);
    const runs = [
      runRow({ id: "r-ok", created_at: minute(1), actor: "op-alice", subject_key: ADELE, reason_code: null }),
      runRow({
        id: "r-skip",
        created_at: minute(2),
        actor: "op-alice",
        subject_key: ISAIAH,
        subject_label: "IsaiahL@contoso.com",
        outcome: "Skipped",
        action: "Other",
        reason_code: "NotEffectivelyEntitled",
      }),
      runRow({
        id: "r-fail",
        created_at: minute(3),
        actor: "op-bob",
        service_principal_id: "sp-north",
        application_label: "Northwind Ordering",
        subject_key: ADELE,
        outcome: "Failure",
        action: "Update",
        reason_code: "SystemForCrossDomainIdentityManagementBadResponse",
      }),
      runRow({
        id: "r-group",
        created_at: minute(4),
        actor: "op-bob",
        subject_kind: "group",
        subject_key: SALES,
        subject_label: "Sales Team EMEA (+2 members)",
        reason_code: null,
      }),
    ];
    for (const run of runs) await insertRun(db, run);
    // Audit entries as the console writes them: a run's name the run, a job action's the job.
    for (const run of runs) {
      await appendAudit(db, { actor: run.actor, action: "run.requested", target: run.id, detail: null });
      await pause();
    }
    await appendAudit(db, { actor: "op-bob", action: "run.failed", target: "r-fail", detail: null });
    await pause();
    await sql`insert into job_actions (id, requested_at, actor, service_principal_id, job_id, action, outcome, calls_json)
      values ('ja-1', ${minute(5)}, 'op-alice', 'sp-north', 'scim.north', 'restart', 'succeeded', '[]')`.execute(
      db,
    );
    await appendAudit(db, {
      actor: "op-alice",
      action: "job.restarted",
      target: "scim.north",
      detail: { servicePrincipalId: "sp-north" },
    });
    await pause();
    await appendAudit(db, {
      actor: "demo-operator",
      actorName: "Demo operator",
      action: "demo.changed",
      target: `/demo/users/${ISAIAH}`,
      detail: { method: "PATCH" },
    });
  });
  afterAll(async () => {
    await db.destroy();
  });

  const historyIds = async (filters: Parameters<typeof listRuns>[1]) =>
    (await listRuns(db, filters, { limit: 50 })).items.map((run) => run.id);
  const auditOf = async (filters: Omit<Parameters<typeof listAudit>[1], "limit">) =>
    (await listAudit(db, { ...filters, limit: 100 })).items;

  it("lists each run's reason and its operator's name, and filters by reason whatever its case", async () => {
    const listed = (await listRuns(db, {}, { limit: 50 })).items;
    expect(listed.find((run) => run.id === "r-skip")).toMatchObject({
      reasonCode: "NotEffectivelyEntitled",
      actorName: "Alice Wilber",
    });
    expect(listed.find((run) => run.id === "r-ok")?.reasonCode).toBeNull();
    expect(await historyIds({ reason: "noteffectivelyentitled" })).toEqual(["r-skip"]);
    expect(await historyIds({ reason: "RedundantExport" })).toEqual([]);
  });

  it('finds "who ran it" by part of the name or UPN, any case, and still by the exact id', async () => {
    expect(await historyIds({ actor: "alice" })).toEqual(["r-skip", "r-ok"]);
    expect(await historyIds({ actor: "wilber@" })).toEqual([]);
    expect(await historyIds({ actor: "alicew@CONTOSO" })).toEqual(["r-skip", "r-ok"]);
    expect(await historyIds({ actor: "KELLY" })).toEqual(["r-group", "r-fail"]);
    expect(await historyIds({ actor: "op-bob" })).toEqual(["r-group", "r-fail"]);
    // LIKE's wildcards in the text are taken literally.
    expect(await historyIds({ actor: "%" })).toEqual([]);
  });

  it("exports the filtered history as CSV with the reason in words", async () => {
    const { header, rows } = csvRecords(await collect(runsAsCsv(db, { actor: "alice" })));
    expect(header).toContain("reason_code");
    expect(rows.map((row) => row.run_id)).toEqual(["r-skip", "r-ok"]);
    expect(rows[0]).toMatchObject({
      actor: "op-alice",
      actor_name: "Alice Wilber",
      outcome: "Skipped",
      reason_code: "NotEffectivelyEntitled",
      reason: "Not in scope for this application",
      subject_id: ISAIAH,
    });
  });

  it("shows the names an entry concerns: who, the object of its run, and the application", async () => {
    const entries = await auditOf({});
    const failed = entries.find((entry) => entry.action === "run.failed");
    expect(failed).toMatchObject({
      actor: "op-bob",
      actorName: "Bob Kelly",
      object: { id: ADELE, name: "Adele Vance", kind: "user" },
      application: { id: "sp-north", name: "Northwind Ordering" },
    });
    expect(entries.find((entry) => entry.action === "job.restarted")).toMatchObject({
      object: null,
      application: { id: "sp-north", name: "Northwind Ordering" },
    });
    // Remembered when the entry was written, with the name the caller gave.
    expect(entries.find((entry) => entry.action === "demo.changed")?.actorName).toBe("Demo operator");
  });

  it("filters the audit log by who, what, object, application and time, each in SQL", async () => {
    const targets = async (filters: Parameters<typeof auditOf>[0]) =>
      (await auditOf(filters)).map((entry) => `${entry.action} ${entry.target}`);
    expect(await targets({ actor: "kelly" })).toEqual([
      "run.failed r-fail",
      "run.requested r-group",
      "run.requested r-fail",
    ]);
    expect(await targets({ action: "run.failed" })).toEqual(["run.failed r-fail"]);
    expect(await targets({ object: "isaiah" })).toEqual(["run.requested r-skip"]);
    expect(await targets({ object: ISAIAH.slice(-6) })).toEqual([
      `demo.changed /demo/users/${ISAIAH}`,
      "run.requested r-skip",
    ]);
    expect(await targets({ object: "sales team" })).toEqual(["run.requested r-group"]);
    expect(await targets({ app: "northwind" })).toEqual([
      "job.restarted scim.north",
      "run.failed r-fail",
      "run.requested r-fail",
    ]);
    expect(await targets({ app: "sp-north", action: "run.requested" })).toEqual(["run.requested r-fail"]);
    const all = await auditOf({});
    const third = all.at(-3)!.at;
    expect((await auditOf({ to: third })).map((entry) => entry.id)).toEqual(all.slice(-3).map((e) => e.id));
    expect(await auditOf({ from: "2099-01-01T00:00:00.000Z" })).toEqual([]);
  });

  it("exports the audit log with the same filters and the names beside the ids", async () => {
    const { header, rows } = csvRecords(
      await collect(auditAsCsv(db, { app: "northwind", action: "run.failed" })),
    );
    expect(header).toEqual([
      "at",
      "actor",
      "actor_name",
      "action",
      "target",
      "object_id",
      "object_name",
      "application_id",
      "application_name",
      "graph_request_id",
      "detail",
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: "op-bob",
      actor_name: "Bob Kelly",
      target: "r-fail",
      object_name: "Adele Vance",
      application_name: "Northwind Ordering",
    });
  });

  it("keeps a known name when a later record does not give one", async () => {
    await rememberNames(db, [{ id: ADELE, displayName: null, upn: "adele.vance@contoso.com", kind: "user" }]);
    const row = await db.selectFrom("directory_names").selectAll().where("id", "=", ADELE).executeTakeFirst();
    expect(row).toMatchObject({ display_name: "Adele Vance", upn: "adele.vance@contoso.com" });
  });
});

describe.each(testDatabases())("recording runs on %s", (_name, database) => {
  let db: RunsDatabase;
  beforeAll(async () => {
    db = await database()();
  });
  afterAll(async () => {
    await db.destroy();
  });

  const request = {
    servicePrincipalId: "sp-hr",
    jobId: "scim.hr",
    ruleId: "33f7c90d-bf71-41b1-bda6-aaf0ddbee5d8#V2",
    subject: { kind: "user" as const, objectId: ADELE },
  };
  const answering = (
    answer: () => Promise<{ body: unknown; requestId: string | null }>,
  ): ProvisionCaller => ({
    async provisionOnDemand(_sp, _job, _body, options) {
      await options.beforeSend?.();
      return answer();
    },
  });

  it("stores a skip's reason and a failed call's code, and remembers the operator's, object's and app's names", async () => {
    const runs = createRunService({ db });
    const labeler = async () => ({
      application: "Contoso HR Portal",
      subject: "AdeleV@contoso.com",
      subjectName: { displayName: "Adele Vance", upn: "AdeleV@contoso.com" },
    });
    const skipped = await runs.request({
      request,
      actor: "op-carol",
      actorName: "Carol Ruiz",
      graph: answering(async () => ({ body: fixtureBody("example-1-scim-user-skipped"), requestId: "g-1" })),
      labeler,
    });
    const failed = await runs.request({
      request,
      actor: "op-carol",
      graph: answering(() =>
        Promise.reject(Object.assign(new Error("Forbidden"), { code: "Authorization_RequestDenied" })),
      ),
      labeler,
    });
    await runs.settled(skipped.id);
    await runs.settled(failed.id);
    const listed = (await listRuns(db, { actor: "carol" }, { limit: 10 })).items;
    expect(Object.fromEntries(listed.map((run) => [run.id, run.reasonCode]))).toEqual({
      [skipped.id]: "RedundantExport",
      [failed.id]: "Authorization_RequestDenied",
    });
    const names = await db
      .selectFrom("directory_names")
      .select(["id", "display_name", "upn", "kind"])
      .execute();
    expect(names).toEqual(
      expect.arrayContaining([
        { id: "op-carol", display_name: "Carol Ruiz", upn: null, kind: "operator" },
        { id: ADELE, display_name: "Adele Vance", upn: "AdeleV@contoso.com", kind: "user" },
        { id: "sp-hr", display_name: "Contoso HR Portal", upn: null, kind: "application" },
      ]),
    );
  });

  it("fills reasons and names in for runs stored before the migration, from their stored answers", async () => {
    await insertRun(
      db,
      runRow({
        id: "old-skip",
        created_at: minute(10),
        outcome: "Skipped",
        response_body: JSON.stringify(fixtureBody("example-1-scim-user-skipped")),
        subject_key: ISAIAH,
        subject_label: "IsaiahL@contoso.com",
        service_principal_id: "sp-old",
        application_label: "Old Portal",
      }),
    );
    await insertRun(
      db,
      runRow({
        id: "old-fail",
        created_at: minute(11),
        status: "failed",
        outcome: null,
        error_code: "CallFailed",
      }),
    );
    await insertRun(
      db,
      runRow({
        id: "old-group",
        created_at: minute(12),
        subject_kind: "group",
        subject_key: SALES,
        subject_label: "Sales Team EMEA (+3 members)",
      }),
    );
    // Back to the schema before 0010, then migrate again.
    await sql`drop index runs_reason_code`.execute(db);
    await sql`drop index job_actions_job_id`.execute(db);
    await sql`alter table runs drop column reason_code`.execute(db);
    await sql`drop table directory_names`.execute(db);
    await sql`delete from schema_migrations where name = '0010_reasons_and_names'`.execute(db);
    await migrate(db as never, dialectOf(db));

    const reasons = await db
      .selectFrom("runs")
      .select(["id", "reason_code"])
      .where("id", "like", "old-%")
      .execute();
    expect(Object.fromEntries(reasons.map((row) => [row.id, row.reason_code]))).toEqual({
      "old-skip": "RedundantExport",
      "old-fail": "CallFailed",
      "old-group": null,
    });
    const names = await db
      .selectFrom("directory_names")
      .select(["id", "display_name", "upn", "kind"])
      .execute();
    expect(names).toEqual(
      expect.arrayContaining([
        { id: ISAIAH, display_name: null, upn: "IsaiahL@contoso.com", kind: "user" },
        { id: SALES, display_name: "Sales Team EMEA", upn: null, kind: "group" },
        { id: "sp-old", display_name: "Old Portal", upn: null, kind: "application" },
      ]),
    );
  });
});
