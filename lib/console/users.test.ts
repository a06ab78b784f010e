import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userTroubleshooting } from "@/lib/api/contracts";
import { createDemoTenant, DEMO_FIXTURES } from "@/lib/demo-tenant";
import type { Env } from "@/lib/env";
import { createGraphClient, GraphError, type GraphClient } from "@/lib/graph";
import { createRunService, type RunsDatabase } from "@/lib/runs";
import { openSqliteDatabase } from "@/lib/runs/database";
import { searchUsers, troubleshootUser } from "./users";

const caller = { id: "alice", displayName: "Alice", roles: [] };
const MEGAN = "5930e14b-a8eb-4fb8-8dce-f64882db733d";
const { scimApp, cloudSync, twoJobApp, groupWithMembers } = DEMO_FIXTURES;
const delegated = { GRAPH_PERMISSION_MODE: "delegated" } as Env;

let db: RunsDatabase;
let graph: GraphClient;
beforeAll(async () => {
  db = await openSqliteDatabase(":memory:");
  graph = createGraphClient({
    fetch: createDemoTenant({ throttle: false }).handle,
    baseUrl: "https://graph.microsoft.com",
  });
});
afterAll(() => db.destroy());

const services = (client: GraphClient = graph, settings: Env = delegated) => ({
  graphFor: () => client,
  db,
  settings,
});

/** The demo tenant's Graph, except that reading the provisioning logs is refused as Graph refuses it. */
function withoutLogAccess(client: GraphClient, code = "Authorization_RequestDenied"): GraphClient {
  return {
    ...client,
    listProvisioningEvents: async () => {
      throw new GraphError({
        status: 403,
        code,
        message: "Insufficient privileges to complete the operation.",
      });
    },
  };
}

describe("one user across every application with provisioning", () => {
  it("names the apps Megan is assigned to through Sales Team EMEA, with each job's last event and what a click sends", async () => {
    const page = userTroubleshooting.parse(await troubleshootUser(services(), caller, MEGAN));
    expect(page.user).toMatchObject({ displayName: "Megan Bowen", accountEnabled: true, softDeleted: false });
    const hr = page.applications.find((app) => app.servicePrincipalId === scimApp.spId)!;
    expect(hr).toMatchObject({
      reason: "assigned",
      direct: false,
      groups: [{ id: groupWithMembers.id, displayName: "Sales Team EMEA" }],
    });
    expect(hr.jobs).toHaveLength(1);
    expect(hr.jobs[0]).toMatchObject({
      jobId: scimApp.jobId,
      kind: "app",
      provision: { ruleId: scimApp.ruleId, subject: { kind: "user", objectId: MEGAN } },
      latestEvent: { origin: "cycle", outcome: "Skipped", errorCode: "RedundantExport", runId: null },
      latestRun: null,
    });
    expect(page.applications.map((app) => app.servicePrincipalId)).toContain(twoJobApp.spId);
    expect(page.log).toEqual({ available: true });
  });

  it("shows a run of this console as the job's latest run, joined to its log entry by changeId", async () => {
    const runs = createRunService({ db });
    const { id } = await runs.request({
      request: {
        servicePrincipalId: scimApp.spId,
        jobId: scimApp.jobId,
        ruleId: scimApp.ruleId,
        subject: { kind: "user", objectId: MEGAN },
      },
      actor: caller.id,
      graph,
    });
    await runs.settled(id);
    const hr = (await troubleshootUser(services(), caller, MEGAN)).applications.find(
      (a) => a.servicePrincipalId === scimApp.spId,
    )!;
    expect(hr.jobs[0]!.latestRun).toMatchObject({ id, outcome: "Success", action: "Create" });
    expect(hr.jobs[0]!.latestEvent).toMatchObject({ origin: "onDemand", action: "Create", runId: id });
  });

  it("offers Cloud Sync for a user synced from Active Directory, by distinguished name", async () => {
    const page = await troubleshootUser(services(), caller, DEMO_FIXTURES.inScopeUser.userPrincipalName);
    expect(page.user.onPremisesSynced).toBe(true);
    const sync = page.applications.find((app) => app.servicePrincipalId === cloudSync.spId)!;
    expect(sync).toMatchObject({ reason: "onPremises", direct: false, groups: [] });
    expect(sync.jobs[0]).toMatchObject({
      kind: "cloudSync",
      provision: { subject: { kind: "onPremisesUser", distinguishedName: cloudSync.syncedUserDn } },
      latestEvent: { origin: "cycle" },
    });
    expect(page.applications.find((app) => app.servicePrincipalId === scimApp.spId)).toMatchObject({
      direct: true,
    });
  });

  it("finds a soft-deleted user in the recycle bin and says so", async () => {
    const page = await troubleshootUser(services(), caller, DEMO_FIXTURES.softDeletedUser.id);
    expect(page.user).toMatchObject({ softDeleted: true });
    expect(page.user.deletedDateTime).not.toBeNull();
    expect(page.applications.find((app) => app.servicePrincipalId === scimApp.spId)).toMatchObject({
      reason: "logOnly",
      jobs: [{ latestEvent: { action: "Disable", outcome: "Success" } }],
    });
    expect(page.warnings.join(" ")).toContain("soft-deleted");
  });

  it("answers 404 naming what was looked for when nobody has the id", async () => {
    await expect(troubleshootUser(services(), caller, "nobody@contoso.com")).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringContaining("nobody@contoso.com"),
    });
  });

  it("still lists the apps without the log, saying which permission is missing and who can grant it", async () => {
    const page = await troubleshootUser(services(withoutLogAccess(graph)), caller, MEGAN);
    expect(page.applications.length).toBeGreaterThan(0);
    expect(page.applications.every((app) => app.jobs.every((job) => job.latestEvent === null))).toBe(true);
    expect(page.log).toMatchObject({
      available: false,
      reason: "permission",
      graphCode: "Authorization_RequestDenied",
    });
    const message = page.log.available ? "" : page.log.message;
    expect(message).toContain("AuditLog.Read.All");
    expect(message).toContain("ProvisioningLog.Read.All");
    expect(message).toContain("Cloud Application Administrator");
    expect(message).toContain("Reports Reader");

    const application = await troubleshootUser(
      services(withoutLogAccess(graph), { GRAPH_PERMISSION_MODE: "application" } as Env),
      caller,
      MEGAN,
    );
    expect(application.log.available ? "" : application.log.message).toContain(
      "Privileged Role Administrator",
    );
    const unlicensed = await troubleshootUser(
      services(withoutLogAccess(graph, "Authentication_RequestFromNonPremiumTenantOrB2CTenant")),
      caller,
      MEGAN,
    );
    expect(unlicensed.log).toMatchObject({ available: false, reason: "license" });
  });
});

describe("the app bar's user search", () => {
  it("finds users by part of the name, and soft-deleted ones marked as such", async () => {
    const megan = await searchUsers(services(), caller, "Megan");
    expect(megan.items.map((u) => u.id)).toContain(MEGAN);
    const lidia = await searchUsers(services(), caller, "Lidia");
    expect(lidia.items).toContainEqual(
      expect.objectContaining({ id: DEMO_FIXTURES.softDeletedUser.id, softDeleted: true }),
    );
    expect((await searchUsers(services(), caller, "  ")).items).toEqual([]);
  });
});
