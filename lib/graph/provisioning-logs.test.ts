import { describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES } from "@/lib/demo-tenant";
import { parseProvisioningLogEntry } from "@/lib/provisioning";
import { json, scriptedGraph } from "@/lib/testing/scripted-graph";
import { createGraphClient } from "./client";
import { provisioningLogFilter } from "./provisioning-logs";

const BASE = "https://graph.microsoft.com";
const MEGAN = "5930e14b-a8eb-4fb8-8dce-f64882db733d";
const tenant = createDemoTenant({ throttle: false });
const client = createGraphClient({ fetch: tenant.handle, baseUrl: BASE });

describe("the provisioning-log filter", () => {
  it("writes each condition as Graph documents it: eq, lower-case status, quotes doubled, and-joined", () => {
    expect(
      provisioningLogFilter({
        userId: MEGAN,
        servicePrincipalId: "sp-1",
        jobId: "scim.ab12.cd34",
        status: "failure",
        since: "2026-11-30T10:00:00+01:00",
      }),
    ).toBe(
      `(sourceIdentity/id eq '${MEGAN}' or targetIdentity/id eq '${MEGAN}') and servicePrincipal/id eq 'sp-1'` +
        ` and jobId eq 'scim.ab12.cd34' and provisioningStatusInfo/status eq 'failure' and activityDateTime gt 2026-11-30T09:00:00.000Z`,
    );
    expect(provisioningLogFilter({ changeId: "it's" })).toBe("changeId eq 'it''s'");
    expect(provisioningLogFilter({})).toBeNull();
    expect(() => provisioningLogFilter({ since: "last week" })).toThrow(/ISO/);
  });

  it("sends the filter, newest first, with the page size asked for", async () => {
    const graph = scriptedGraph(() => json({ value: [] }));
    const scripted = createGraphClient({ fetch: graph.fetch, baseUrl: BASE });
    await scripted.listProvisioningEvents({ cycleId: "c1" }, { top: 25 });
    const url = new URL(graph.seen[0]!.url);
    expect(url.pathname).toBe("/v1.0/auditLogs/provisioning");
    expect(url.searchParams.get("$filter")).toBe("cycleId eq 'c1'");
    expect(url.searchParams.get("$orderby")).toBe("activityDateTime desc");
    expect(url.searchParams.get("$top")).toBe("25");
  });
});

describe("reading the demo tenant's log", () => {
  it("follows opaque cursors page by page, and refuses one it did not hand out", async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listProvisioningEvents({ userId: MEGAN }, { top: 4, cursor });
      ids.push(...page.items.map((item) => (item as { id: string }).id));
      if (page.nextCursor) expect(page.nextCursor).not.toContain("graph.microsoft.com");
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids.length).toBeGreaterThan(4);
    expect(new Set(ids).size).toBe(ids.length);
    const forged = Buffer.from("/users?$top=1").toString("base64url");
    await expect(client.listProvisioningEvents({}, { cursor: forged })).rejects.toMatchObject({
      code: "InvalidCursor",
    });
  });

  it("gives entries the console's parser reads without a warning", async () => {
    const page = await client.listProvisioningEvents({}, { top: 200 });
    const events = page.items.map(parseProvisioningLogEntry);
    expect(events.flatMap((event) => event.result.warnings)).toEqual([]);
    expect(new Set(events.map((event) => event.origin))).toEqual(new Set(["cycle"]));
    for (const event of events) {
      expect(event.result.reports[0]!.steps.length).toBeGreaterThan(0);
      expect(event.activityDateTime).not.toBeNull();
      expect(event.changeId).not.toBeNull();
    }
  });

  it("reads an on-demand run back as the same change: action, outcome and initiator", async () => {
    const { scimApp } = DEMO_FIXTURES;
    const answer = await client.provisionOnDemand(scimApp.spId, scimApp.jobId, {
      parameters: [{ ruleId: scimApp.ruleId, subjects: [{ objectId: MEGAN, objectTypeName: "User" }] }],
    });
    const changeId = JSON.parse((answer.body as { value: string }).value).changeId as string;
    const [entry] = (await client.listProvisioningEvents({ changeId })).items;
    const event = parseProvisioningLogEntry(entry);
    expect(event).toMatchObject({ changeId, origin: "onDemand", action: "Create", outcome: "Success" });
    expect(event.result.reports[0]!.modifiedProperties.map((p) => p.name)).toContain("userName");
  });
});

describe("a user's profile, assignments and groups", () => {
  it("finds an active user, a soft-deleted one from the recycle bin, and nobody for an unknown id", async () => {
    expect(await client.findUserProfile(MEGAN)).toMatchObject({ id: MEGAN, accountEnabled: true });
    const lidia = await client.findUserProfile(DEMO_FIXTURES.softDeletedUser.id);
    expect(lidia?.deletedDateTime).toBeTruthy();
    expect(await client.findUserProfile("00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await client.findUserProfile("nobody@contoso.com")).toBeNull();
  });

  it("lists app roles and groups, and finds a deleted user by the start of their name", async () => {
    const groups = await client.listGroupsOf(MEGAN, "transitive");
    expect(groups.items.map((g) => g.id)).toContain(DEMO_FIXTURES.groupWithMembers.id);
    const viaGroup = await client.listAppRoleAssignments({
      kind: "group",
      id: DEMO_FIXTURES.groupWithMembers.id,
    });
    expect(viaGroup.items.map((a) => a.resourceId)).toContain(DEMO_FIXTURES.scimApp.spId);
    const deleted = await client.searchDeletedUsers("lidia");
    expect(deleted.map((u) => u.id)).toEqual([DEMO_FIXTURES.softDeletedUser.id]);
  });
});
