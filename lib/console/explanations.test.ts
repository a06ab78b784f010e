import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMembers } from "@/lib/api/contracts";
import { GraphError, type GraphClient } from "@/lib/graph";
import { openSqliteDatabase, type RunsDatabase } from "@/lib/runs";
import { insertRun } from "@/lib/runs/run-store";
import { runRow } from "@/lib/testing/run-rows";
import { membersOfRun } from "./explanations";

const caller = { id: "alice", displayName: "Alice", roles: [] };
const SP = "sp-hr";
const JOB = "scim.1";
const groupRun = {
  id: "group-run",
  status: "completed",
  request: {
    servicePrincipalId: SP,
    jobId: JOB,
    ruleId: "rule",
    subject: { kind: "group" as const, objectId: "g-1", memberIds: ["u-lynne", "u-gone"] },
  },
  labels: { application: "HR", subject: "Sales Team EMEA (+2 members)" },
  result: null,
};

const graph = {
  getUser: async (id: string) => {
    if (id === "u-lynne")
      return { id, displayName: "Lynne Robbins", userPrincipalName: "LynneR@contoso.com", mail: null };
    throw new GraphError({
      status: 404,
      code: "Request_ResourceNotFound",
      message: `Resource '${id}' does not exist.`,
    });
  },
} as unknown as GraphClient;

describe("membersOfRun", () => {
  let db: RunsDatabase;
  beforeAll(async () => {
    db = await openSqliteDatabase(join(mkdtempSync(join(tmpdir(), "pod-members-")), "console.db"));
    const base = {
      service_principal_id: SP,
      job_id: JOB,
      subject_kind: "user",
      subject_key: "u-lynne",
    } as const;
    await insertRun(db, runRow({ ...base, id: "older", created_at: "2026-11-01T09:00:00.000Z" }));
    await insertRun(
      db,
      runRow({ ...base, id: "newest", created_at: "2026-11-02T09:00:00.000Z", action: "Update" }),
    );
    // Another job's run of the same user is not "its own run" on this job.
    await insertRun(
      db,
      runRow({ ...base, job_id: "other", id: "elsewhere", created_at: "2026-11-03T09:00:00.000Z" }),
    );
  });
  afterAll(async () => db.destroy());

  const services = () => ({
    db,
    graphFor: () => graph,
    runs: { get: async (id: string) => (id === groupRun.id ? (groupRun as never) : null) } as never,
  });

  it("names each member and links its newest own run on the same job; a missing user is said to be missing", async () => {
    const members = runMembers.parse(await membersOfRun(services(), caller, groupRun.id));
    expect(members.items).toEqual([
      {
        id: "u-lynne",
        displayName: "Lynne Robbins",
        userPrincipalName: "LynneR@contoso.com",
        found: true,
        latestRun: {
          id: "newest",
          createdAt: "2026-11-02T09:00:00.000Z",
          outcome: "Success",
          action: "Update",
        },
      },
      { id: "u-gone", displayName: null, userPrincipalName: null, found: false, latestRun: null },
    ]);
  });

  it("answers 404 for a run that does not exist", async () => {
    await expect(membersOfRun(services(), caller, "nope")).rejects.toMatchObject({ code: "not_found" });
  });
});
