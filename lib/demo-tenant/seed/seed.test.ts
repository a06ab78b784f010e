import { describe, expect, it } from "vitest";
import { CLOUD_SYNC_RULE_ID } from "./schemas";
import { DEMO_FIXTURES, seedTenant } from "./index";

const { state, scimTargets } = seedTenant();
const users = [...state.users.values()];

describe("the seeded Contoso tenant", () => {
  it("has at least 5,000 users with realistic gaps: some disabled, some without mail, department or employeeId, a few soft-deleted", () => {
    expect(users.length).toBeGreaterThanOrEqual(5000);
    const share = (p: (u: (typeof users)[number]) => boolean) => users.filter(p).length / users.length;
    expect(share((u) => !u.accountEnabled)).toBeGreaterThan(0.01);
    expect(share((u) => !u.accountEnabled)).toBeLessThan(0.06);
    expect(users.some((u) => u.mail === null)).toBe(true);
    expect(users.some((u) => u.department === null)).toBe(true);
    expect(users.some((u) => u.employeeId === null)).toBe(true);
    const deleted = users.filter((u) => u.deletedDateTime !== null).length;
    expect(deleted).toBeGreaterThan(0);
    expect(deleted).toBeLessThan(30);
    expect(new Set(users.map((u) => u.userPrincipalName.toLowerCase())).size).toBe(users.length);
    expect(new Set(users.map((u) => u.department)).size).toBeGreaterThanOrEqual(12);
  });

  it("links managers into chains that end at the CEO", () => {
    const ceo = users.find((u) => u.jobTitle === "Chief Executive Officer");
    for (const user of users.filter((u) => u.managerId !== null).slice(0, 500)) {
      let current = user;
      for (let hops = 0; current.managerId !== null; hops++) {
        expect(hops).toBeLessThan(5);
        current = state.users.get(current.managerId)!;
      }
      expect(current.id).toBe(ceo?.id);
    }
  });

  it("has at least 200 service principals, of which exactly the five demo apps have jobs", () => {
    expect(state.servicePrincipals.size).toBeGreaterThanOrEqual(200);
    const withJobs = [...state.servicePrincipals.values()]
      .filter((sp) => sp.jobs.length > 0)
      .map((sp) => sp.id);
    const f = DEMO_FIXTURES;
    expect(withJobs.sort()).toEqual(
      [f.scimApp.spId, f.twoJobApp.spId, f.cloudSync.spId, f.quarantinedApp.spId, f.rejectingApp.spId].sort(),
    );
    for (const spId of withJobs)
      for (const job of state.servicePrincipals.get(spId)!.jobs) {
        expect(job.job.id).toMatch(
          /^(scim|AD2AADProvisioning)\.cd1187dd8c354ba5ad25335161c990d8\.[0-9a-f-]{36}$/,
        );
        expect(job.schema.id).toBe(job.job.id);
      }
  });

  it("matches every fixture: rule ids in schemas, assignments, SCIM targets and the on-premises directory", () => {
    const f = DEMO_FIXTURES;
    const rules = (spId: string, jobId: string) =>
      state.servicePrincipals
        .get(spId)!
        .jobs.find((j) => j.job.id === jobId)!
        .schema.synchronizationRules.map((r) => r.id);
    expect(rules(f.scimApp.spId, f.scimApp.jobId)).toContain(f.scimApp.ruleId);
    for (const job of f.twoJobApp.jobs) expect(rules(f.twoJobApp.spId, job.jobId)).toContain(job.ruleId);
    expect(f.cloudSync.ruleId).toBe(CLOUD_SYNC_RULE_ID);
    expect(rules(f.cloudSync.spId, f.cloudSync.jobId)).toContain(f.cloudSync.ruleId);

    const hrAssigned = state.servicePrincipals.get(f.scimApp.spId)!.assignments.map((a) => a.principalId);
    expect(hrAssigned).toEqual(
      expect.arrayContaining([
        f.inScopeUser.id,
        f.outOfScopeUser.id,
        f.disabledUser.id,
        f.softDeletedUser.id,
        f.groupWithMembers.id,
      ]),
    );
    expect(hrAssigned).not.toContain(f.unassignedUser.id);
    expect(state.users.get(f.disabledUser.id)!.accountEnabled).toBe(false);
    expect(state.users.get(f.softDeletedUser.id)!.deletedDateTime).not.toBeNull();
    expect(state.groups.get(f.groupWithMembers.id)!.memberIds).toEqual(f.groupWithMembers.memberIds);

    expect(scimTargets.map((t) => t.id).sort()).toEqual(
      [
        f.scimApp.targetId,
        ...f.twoJobApp.jobs.map((j) => j.targetId),
        f.quarantinedApp.targetId,
        f.rejectingApp.targetId,
      ].sort(),
    );
    expect(scimTargets.find((t) => t.id === f.rejectingApp.targetId)!.rejections?.[0]?.attribute).toBe(
      "title",
    );

    const adele = state.onPremises.users.get(f.cloudSync.syncedUserDn.toLowerCase());
    expect(adele?.attributes.userPrincipalName).toBe(f.inScopeUser.userPrincipalName);
    expect(state.users.get(f.cloudSync.syncedUserEntraId)!.onPremisesImmutableId).toBe(
      adele?.attributes.objectGUID,
    );
    const patti = state.onPremises.users.get(f.cloudSync.newUserDn.toLowerCase());
    expect(patti).toBeDefined();
    expect(users.some((u) => u.userPrincipalName === patti?.attributes.userPrincipalName)).toBe(false);
    expect(state.onPremises.users.size).toBeGreaterThanOrEqual(200);
  });

  it("is the same tenant for the same seed and a different one for another", () => {
    const again = seedTenant();
    expect([...again.state.users.values()].slice(0, 50)).toEqual(users.slice(0, 50));
    expect([...again.state.servicePrincipals.keys()]).toEqual([...state.servicePrincipals.keys()]);
    expect([...seedTenant(1).state.users.keys()].slice(0, 50)).not.toEqual(
      [...state.users.keys()].slice(0, 50),
    );
  });
});
