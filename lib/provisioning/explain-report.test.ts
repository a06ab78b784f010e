import { describe, expect, it } from "vitest";
import { demoStory, STORY_PEOPLE as people } from "@/lib/testing/demo-story";
import { fixtureBody } from "@/lib/testing/provisioning-fixtures";
import { explainReport } from "./explain-report";
import { parseProvisionOnDemandResponse } from "./parse-result";
import type { ProvisioningResult } from "./result";

const onlyReport = (result: ProvisioningResult) => {
  expect(result.reports).toHaveLength(1);
  return result.reports[0]!;
};

// Each case runs the demo tenant's real engine against its real SCIM target, as the five-minute story does.
describe("explainReport on the demo's five-minute story", () => {
  it("create: in scope, nothing matched, created with the values shown as changes", async () => {
    const story = demoStory();
    const explanation = explainReport(onlyReport(await story.provision(people.adele.id)));
    expect(explanation).toMatchObject({
      cause: "created",
      tone: "success",
      properties: "changes",
      reasons: [],
    });
    expect(explanation.headline).toBe("Created in customappsso");
    expect(explanation.scopingVerdict).toMatchObject({ label: "Success", contradicts: false });
  });

  it("update: an attribute changed in the source is sent as a change", async () => {
    const story = demoStory();
    await story.provision(people.adele.id);
    await story.changeUser(people.adele.id, { jobTitle: "Regional Retail Manager" });
    const explanation = explainReport(onlyReport(await story.provision(people.adele.id)));
    expect(explanation).toMatchObject({ cause: "updated", headline: "Updated in customappsso" });
  });

  it("already in sync: skipped, the properties are the values evaluated, not changes", async () => {
    const story = demoStory();
    await story.provision(people.adele.id);
    const explanation = explainReport(onlyReport(await story.provision(people.adele.id)));
    expect(explanation).toMatchObject({
      cause: "alreadyInSync",
      headline: "Already in sync",
      code: "RedundantExport",
      properties: "evaluated",
      offerAssignment: false,
    });
  });

  it("not assigned: says so, advises an assignment (never re-adding one) and offers the app's assignment page", async () => {
    const story = demoStory();
    await story.unassign(people.isaiah.id).catch(() => undefined);
    const explanation = explainReport(onlyReport(await story.provision(people.isaiah.id)));
    expect(explanation).toMatchObject({
      cause: "outOfScope",
      reasons: ["notAssigned"],
      headline: "Skipped: not assigned to the application",
      offerAssignment: true,
      code: "NotEffectivelyEntitled",
    });
    expect(explanation.advice.join(" ")).toMatch(/Assign the user, or a group it is a direct member of/);
    expect(explanation.advice.join(" ")).not.toMatch(/re-add/i);
    expect(explanation.scopingVerdict).toMatchObject({ label: "Out of scope", outcome: "Skipped" });
  });

  it("out of the scoping filter: names the filters the user matched none of", async () => {
    const story = demoStory();
    const explanation = explainReport(onlyReport(await story.provision(people.alex.id)));
    expect(explanation.reasons).toEqual(["scopingFilter"]);
    expect(explanation.failedFilters).toEqual(["Sales department", "Marketing department"]);
    expect(explanation.meaning).toContain("'Sales department' and 'Marketing department'");
    expect(explanation.offerAssignment).toBe(false);
    expect(explanation.scope?.filters.map((f) => f.clauses[0])).toEqual([
      expect.objectContaining({
        attribute: "department",
        operator: "EQUALS",
        values: ["Sales"],
        held: false,
      }),
      expect.objectContaining({
        attribute: "department",
        operator: "EQUALS",
        values: ["Marketing"],
        held: false,
      }),
    ]);
  });

  it("a disabled source account: says what happens next", async () => {
    const story = demoStory();
    const explanation = explainReport(onlyReport(await story.provision(people.johanna.id)));
    expect(explanation).toMatchObject({ cause: "outOfScope", reasons: ["sourceDisabled"] });
    expect(explanation.headline).toBe("Skipped: disabled in Entra ID");
    expect(explanation.advice.join(" ")).toMatch(/would disable it there/);
  });

  it("a soft-deleted source account is told apart from a disabled one", async () => {
    const story = demoStory();
    const explanation = explainReport(onlyReport(await story.provision(people.lidia.id)));
    expect(explanation.reasons[0]).toBe("sourceSoftDeleted");
    expect(explanation.headline).toBe("Skipped: soft-deleted in Entra ID");
  });

  it("disabled after unassignment: the Disable is explained by the missing assignment, with the way back", async () => {
    const story = demoStory();
    await story.provision(people.adele.id);
    await story.unassign(people.adele.id);
    const disabled = explainReport(onlyReport(await story.provision(people.adele.id)));
    expect(disabled).toMatchObject({ cause: "disabled", reasons: ["notAssigned"], offerAssignment: true });
    expect(disabled.headline).toBe("Disabled in customappsso: not assigned to the application");
    expect(disabled.advice[0]).toMatch(/assign the user .* again, then provision again: it is enabled again/);
    // The service reports the Scoping step as "Success"; its details put the user out of scope.
    expect(disabled.scopingVerdict).toMatchObject({ label: "Out of scope", contradicts: true });

    const again = explainReport(onlyReport(await story.provision(people.adele.id)));
    expect(again.cause).toBe("alreadyDeprovisioned");
    expect(again.headline).toBe("Out of scope: already disabled in customappsso");
    expect(again.headline).not.toMatch(/in sync/i);
  });

  it("moved out of the scoping filter after provisioning: disabled, and the filter is named", async () => {
    const story = demoStory();
    await story.provision(people.adele.id);
    await story.changeUser(people.adele.id, { department: "Engineering" });
    const disabled = explainReport(onlyReport(await story.provision(people.adele.id)));
    expect(disabled).toMatchObject({ cause: "disabled", reasons: ["scopingFilter"], offerAssignment: false });
    expect(disabled.headline).toBe("Disabled in customappsso: out of scope of the scoping filters");
    expect(disabled.advice[0]).toMatch(/bring the user back inside a scoping filter/);
  });

  it("soft-deleted after provisioning: disabled in the target, with the way back", async () => {
    const story = demoStory();
    await story.provision(people.adele.id);
    await story.changeUser(people.adele.id, { deletedDateTime: "2026-11-30T10:00:00Z" });
    const disabled = explainReport(onlyReport(await story.provision(people.adele.id)));
    expect(disabled).toMatchObject({ cause: "disabled", reasons: ["sourceSoftDeleted"] });
    expect(disabled.advice[0]).toMatch(/restore the account from the deleted users/);
  });

  it("a target failure: the error's explanation and the service's recommendation", async () => {
    const story = demoStory();
    const explanation = explainReport(onlyReport(await story.provision(people.pradeep.id, "northwind")));
    expect(explanation).toMatchObject({
      cause: "failed",
      tone: "error",
      code: "SystemForCrossDomainIdentityManagementBadResponse",
      properties: "attempted",
    });
    expect(explanation.headline).toBe("Failed: SCIM endpoint rejected the request");
  });

  it("uses the names it is given for the object and the target", async () => {
    const story = demoStory();
    const report = onlyReport(await story.provision(people.adele.id));
    expect(explainReport(report, { target: "Contoso HR Portal" }).headline).toBe(
      "Created in Contoso HR Portal",
    );
  });
});

describe("explainReport on Microsoft's documented answers", () => {
  it("example 1 (RedundantExport): already in sync, the scoping step as the service wrote it", () => {
    const report = onlyReport(parseProvisionOnDemandResponse(fixtureBody("example-1-scim-user-skipped")));
    const explanation = explainReport(report);
    expect(explanation).toMatchObject({ cause: "alreadyInSync", reasons: [], properties: "evaluated" });
    expect(explanation.scope).toMatchObject({ isActive: true, assigned: true, entitled: true, filters: [] });
    expect(explanation.scopingVerdict).toMatchObject({ label: "Success", contradicts: false });
  });

  it("example 2 (Cloud Sync update): an update with only new values reported", () => {
    const report = onlyReport(parseProvisionOnDemandResponse(fixtureBody("example-2-cloud-sync-update")));
    const explanation = explainReport(report);
    expect(explanation).toMatchObject({ cause: "updated", properties: "newValues" });
    expect(explanation.scope).toMatchObject({ flavour: "cloudSync", isActive: true, inScope: true });
  });
});
