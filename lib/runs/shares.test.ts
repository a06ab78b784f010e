import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunsDatabase } from "./database";
import { DEFAULT_REDACTED_ATTRIBUTES, REDACTED, sensitiveAttributeTest } from "./redaction";
import { insertRun, findRun } from "./run-store";
import { toRunView } from "./run-view";
import { createShare, openShare, revokeShare, sharedRunView } from "./shares";
import { testDatabases } from "@/lib/testing/databases";
import { fixtureBody } from "@/lib/testing/provisioning-fixtures";
import { runRow } from "@/lib/testing/run-rows";

// Every sensitive value of the reference Example 2 (Cloud Sync), as it appears in the answer.
const SENSITIVE_VALUES_OF_EXAMPLE_2 = [
  "AQUAAAAAAAUVAAAAXAMNf/YJ8nmaUZofGG4BAA==", // objectSid / OnPremiseSecurityIdentifier
  "+klu7DM5yE+9tOs6MuGxsw==", // msExchMailboxGuid / MSExchMailboxGuid
  "132772253564048004", // pwdLastSet
  "20210927140916.0Z", // LastPasswordChangeTimestamp
  "gny5JQ==", // msExchSafeSendersHash / MSExchSafeSendersHash
  "xxxxxxxLIUuBM8qK5Sxxxx", // objectGUID / mS-DS-ConsistencyGuid
];

const isSensitive = sensitiveAttributeTest(DEFAULT_REDACTED_ATTRIBUTES);

describe.each(testDatabases())("shared links on %s", (_name, database) => {
  let db: RunsDatabase;
  beforeAll(async () => {
    db = await database()();
    await insertRun(
      db,
      runRow({
        id: "cloud-sync-run",
        created_at: "2026-11-01T09:00:00.000Z",
        subject_kind: "onPremisesUser",
        subject_key: "CN=AdeleV,CN=Users,DC=corp,DC=chicago,DC=com",
        subject_json: JSON.stringify({
          kind: "onPremisesUser",
          distinguishedName: "CN=AdeleV,CN=Users,DC=corp,DC=chicago,DC=com",
        }),
        response_body: JSON.stringify(fixtureBody("example-2-cloud-sync-update")),
      }),
    );
  });
  afterAll(async () => {
    await db.destroy();
  });

  async function sharedText(redact: boolean) {
    const share = await createShare(db, { runId: "cloud-sync-run", createdBy: "alice", redact });
    const opened = await openShare(db, share.id);
    const view = toRunView((await findRun(db, "cloud-sync-run"))!, undefined, Date.now());
    return JSON.stringify(sharedRunView(opened, view, isSensitive));
  }

  it("a redacted share carries none of Example 2's sensitive values, in steps, properties or raw JSON", async () => {
    const plain = await sharedText(false);
    const redacted = await sharedText(true);
    for (const value of SENSITIVE_VALUES_OF_EXAMPLE_2) {
      expect(plain, `the unredacted share shows ${value}`).toContain(value);
      expect(redacted, `the redacted share leaks ${value}`).not.toContain(value);
    }
    expect(redacted).toContain(REDACTED);
    // What is not sensitive is still there for the colleague to read.
    expect(redacted).toContain("adelev@chicago.com");
    expect(redacted).toContain("One Microsoft Way");
  });

  it("redacts each place a sensitive value sits: import details, modified properties, and the raw answer", async () => {
    const share = await createShare(db, { runId: "cloud-sync-run", createdBy: "alice", redact: true });
    const view = toRunView((await findRun(db, "cloud-sync-run"))!, undefined, Date.now());
    const { run } = sharedRunView(await openShare(db, share.id), view, isSensitive);
    const report = run.result!.reports[0]!;
    expect(report.steps[0]!.details.objectSid).toBe(REDACTED);
    expect(report.steps[1]!.details.pwdLastSet).toBe(REDACTED);
    expect(report.modifiedProperties.find((p) => p.name === "OnPremiseSecurityIdentifier")?.newValue).toBe(
      REDACTED,
    );
    expect(report.modifiedProperties.find((p) => p.name === "LastPasswordChangeTimestamp")?.newValue).toBe(
      REDACTED,
    );
    expect(report.modifiedProperties.find((p) => p.name === "DisplayName")?.newValue).toBe("Adele Vest");
    expect(JSON.stringify(run.result!.raw)).not.toContain("AQUAAAAAAAUVAAAAXAMNf");
  });

  it("an expired link answers 410 with a message that says so", async () => {
    const share = await createShare(db, {
      runId: "cloud-sync-run",
      createdBy: "alice",
      redact: true,
      expiresInDays: 1,
      now: new Date("2026-11-01T00:00:00Z"),
    });
    await expect(openShare(db, share.id, new Date("2026-11-01T12:00:00Z"))).resolves.toMatchObject({
      id: share.id,
    });
    await expect(openShare(db, share.id, new Date("2026-11-02T00:00:01Z"))).rejects.toMatchObject({
      status: 410,
      message: expect.stringContaining("expired"),
    });
  });

  it("a revoked link answers 410, and revoking again changes nothing", async () => {
    const share = await createShare(db, { runId: "cloud-sync-run", createdBy: "alice", redact: false });
    await revokeShare(db, share.id, "bob");
    await revokeShare(db, share.id, "carol");
    await expect(openShare(db, share.id)).rejects.toMatchObject({
      status: 410,
      message: expect.stringContaining("revoked"),
    });
    const row = await db
      .selectFrom("shares")
      .selectAll()
      .where("id", "=", share.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_by).toBe("bob");
  });

  it("an unknown link answers 404", async () => {
    await expect(openShare(db, "no-such-share")).rejects.toMatchObject({ status: 404 });
  });

  it("link ids are long and random enough not to be guessed", async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, () =>
        createShare(db, { runId: "cloud-sync-run", createdBy: "a", redact: true }).then((s) => s.id),
      ),
    );
    expect(new Set(ids).size).toBe(20);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
