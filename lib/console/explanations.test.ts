import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExplanation, runMembers } from "@/lib/api/contracts";
import { createGraphClient, GraphError, type GraphClient } from "@/lib/graph";

import { DEMO_FIXTURES } from "@/lib/demo-tenant";
import { parseProvisionOnDemandResponse } from "@/lib/provisioning";
import { provisionPath } from "@/lib/testing/demo-graph-client";
import { demoStory, STORY_PEOPLE as people } from "@/lib/testing/demo-story";
import { openSqliteDatabase, type RunsDatabase } from "@/lib/runs";
import { insertRun } from "@/lib/runs/run-store";
import { runRow } from "@/lib/testing/run-rows";
import { explainRun, membersOfRun } from "./explanations";

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

describe("explainRun, on the demo tenant through the console's Graph client", () => {
  async function explainedRun(
    userId: string,
    prepare?: (story: ReturnType<typeof demoStory>) => Promise<void>,
  ) {
    const story = demoStory();
    await prepare?.(story);
    const result = await story.provision(userId);
    const { spId, jobId, ruleId } = story.jobOf("hrPortal");
    const view = {
      id: "run-1",
      request: { servicePrincipalId: spId, jobId, ruleId, subject: { kind: "user", objectId: userId } },
      labels: { application: null, subject: null },
      result,
    };
    const graph = createGraphClient({ fetch: story.tenant.handle, baseUrl: "https://graph.microsoft.com" });
    const explanation = await explainRun(
      { graphFor: () => graph, runs: { get: async () => view } as never, db: null as never },
      caller,
      "run-1",
    );
    return { explanation: runExplanation.parse(explanation), result };
  }

  it("explains each written property by its mapping, with the source values the run imported", async () => {
    const { explanation } = await explainedRun(people.adele.id);
    expect(explanation.appId).toEqual(expect.any(String));
    const [report] = explanation.reports;
    expect(report!.objectMappingName).toBe("Provision Azure Active Directory Users");
    const formatted = report!.properties.find((p) => p.property === "name.formatted")!;
    expect(formatted.mappings[0]).toMatchObject({
      expression: 'Join(" ", [givenName], [surname])',
      flow: "Always: on create and on every update",
      sources: [
        { attribute: "givenName", value: "Adele", imported: true },
        { attribute: "surname", value: "Vance", imported: true },
      ],
    });
    expect(report!.properties.find((p) => p.property === "userName")!.mappings[0]!.matchingPriority).toBe(1);
  });

  it("for a user out of the scoping filter: each clause with the user's value, and the assignment check", async () => {
    const { explanation } = await explainedRun(people.alex.id);
    const scope = explanation.reports[0]!.scope!;
    expect(scope.filters).toMatchObject({ hasFilter: true, inScope: false });
    expect(scope.filters.groups[0]!.clauses[0]).toMatchObject({
      attribute: "department",
      operator: "EQUALS",
      values: ["Sales"],
      value: "Engineering",
      valueFrom: "import",
      held: false,
    });
    expect(scope.assignment).toMatchObject({ setting: "syncAssigned", direct: true, holds: true });
    expect(scope.agreesWithRun).toBe(true);
  });

  it("for a user not assigned: the check fails, directly and through every group", async () => {
    const { explanation } = await explainedRun(people.isaiah.id, async (story) => {
      await story.unassign(people.isaiah.id).catch(() => undefined);
    });
    expect(explanation.reports[0]!.scope!.assignment).toMatchObject({
      setting: "syncAssigned",
      direct: false,
      viaGroups: [],
      holds: false,
    });
  });

  it("names the group a member is assigned through", async () => {
    const { explanation } = await explainedRun(people.megan.id, async (story) => {
      await story.unassign(people.megan.id).catch(() => undefined);
    });
    expect(explanation.reports[0]!.scope!.assignment).toMatchObject({
      direct: false,
      viaGroups: [{ displayName: "Sales Team EMEA" }],
      holds: true,
    });
  });

  it("on a skip, explains each evaluated source value by the mappings that read it", async () => {
    const { explanation } = await explainedRun(people.adele.id, async (story) => {
      await story.provision(people.adele.id);
    });
    const surname = explanation.reports[0]!.properties.find((p) => p.property === "surname")!;
    expect(surname.role).toBe("source");
    expect(surname.mappings.map((m) => m.targetAttributeName)).toEqual(["name.familyName", "name.formatted"]);
  });
});

describe("explainRun for Cloud Sync", () => {
  it("names the mappings of an on-premises user and says on-demand runs ignore the scoping filters", async () => {
    const story = demoStory();
    const { spId, jobId, ruleId } = DEMO_FIXTURES.cloudSync;
    const dn = "CN=Patti Fernandez,OU=Users,OU=Chicago,DC=corp,DC=contoso,DC=com";
    const answer = await story.graph.post(provisionPath(spId, jobId), {
      parameters: [{ ruleId, subjects: [{ objectId: dn, objectTypeName: "user" }] }],
    });
    const view = {
      id: "run-cs",
      request: {
        servicePrincipalId: spId,
        jobId,
        ruleId,
        subject: { kind: "onPremisesUser", distinguishedName: dn },
      },
      labels: { application: null, subject: null },
      result: parseProvisionOnDemandResponse(answer.json),
    };
    const graph = createGraphClient({ fetch: story.tenant.handle, baseUrl: "https://graph.microsoft.com" });
    const explanation = runExplanation.parse(
      await explainRun(
        { graphFor: () => graph, runs: { get: async () => view } as never, db: null as never },
        caller,
        "run-cs",
      ),
    );
    const [report] = explanation.reports;
    expect(report!.properties.length).toBeGreaterThan(3);
    expect(report!.properties.every((p) => p.mappings.length > 0)).toBe(true);
    expect(report!.scope).toMatchObject({
      flavour: "cloudSync",
      filtersIgnoredOnDemand: true,
      assignment: null,
    });
    expect(report!.scope!.agreesWithRun).toBeNull();
  });
});
