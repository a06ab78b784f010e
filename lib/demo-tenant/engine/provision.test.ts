import { describe, expect, it } from "vitest";

import { scimAppSchema } from "../seed/schemas";
import { defaultScimSchema, engineHarness, IDS, scimJob } from "@/lib/testing/engine-tenant";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

describe("provision on demand: one user into a SCIM app", () => {
  it("creates, then skips as already in sync, updates only what changed, and disables when unassigned", async () => {
    const h = engineHarness();
    const job = scimJob(defaultScimSchema());
    h.assign(IDS.alice);

    const created = await h.provisionUser(job, IDS.alice);
    expect(created.key).toEqual({ result: "Success", details: {} });
    expect(created.value.action).toBe("Create");
    expect(created.value.provisioningSteps.map((s) => [s.type, s.name, s.status])).toEqual([
      ["Import", "EntryImport", "Success"],
      ["Matching", "EntrySynchronizationAdd", "Success"],
      ["Scoping", "EntrySynchronizationScoping", "Success"],
      ["Export", "EntryExportAdd", "Success"],
    ]);
    const inTarget = h.scimUser("alice@contoso.com");
    expect(inTarget).toMatchObject({
      userName: "alice@contoso.com",
      active: true,
      displayName: "Alice Adams",
      title: "Seller",
      externalId: "alice",
    });
    expect(inTarget?.[ENTERPRISE]).toMatchObject({ department: "Sales", employeeNumber: "1001" });
    expect(created.value.targetIdentity.id).toBe(inTarget?.id);
    expect(created.value.modifiedProperties).toContainEqual({
      displayName: "userName",
      oldValue: null,
      newValue: "alice@contoso.com",
    });

    const again = await h.provisionUser(job, IDS.alice);
    expect(again.key).toEqual({
      result: "Skipped",
      details: {
        errorCode: "RedundantExport",
        errorMessage: "The state of the user in both the source and target systems already match.",
      },
    });
    expect(again.value.action).toBe("Other");
    expect(again.value.provisioningSteps.at(-1)).toMatchObject({
      name: "EntrySynchronizationSkip",
      type: "Export",
      status: "Skipped",
      description:
        "The state of the user in both the source and target systems already match. No change to the User 'alice@contoso.com' currently needs to be made.",
      details: { SkipReason: "RedundantExport" },
    });

    h.updateUser(IDS.alice, { jobTitle: "Account Manager" });
    const patchesBefore = h.requestLog().filter((r) => r.method === "PATCH").length;
    const updated = await h.provisionUser(job, IDS.alice);
    expect(updated.key.result).toBe("Success");
    expect(updated.value.action).toBe("Update");
    expect(updated.value.modifiedProperties).toEqual([
      { displayName: "title", oldValue: "Seller", newValue: "Account Manager" },
    ]);
    expect(h.requestLog().filter((r) => r.method === "PATCH")).toHaveLength(patchesBefore + 1);
    expect(h.scimUser("alice@contoso.com")).toMatchObject({
      title: "Account Manager",
      displayName: "Alice Adams",
    });

    h.unassign(IDS.alice);
    const disabled = await h.provisionUser(job, IDS.alice);
    expect(disabled.key.result).toBe("Success");
    expect(disabled.value.action).toBe("Disable");
    expect(disabled.value.provisioningSteps.find((s) => s.type === "Scoping")?.details).toMatchObject({
      IsActive: "True",
      Assigned: "False",
      IsEffectivelyEntitledForProvisioning: "False",
    });
    expect(disabled.value.modifiedProperties).toEqual([
      { displayName: "active", oldValue: "True", newValue: "False" },
    ]);
    expect(h.scimUser("alice@contoso.com")?.active).toBe(false);

    const disabledAgain = await h.provisionUser(job, IDS.alice);
    expect(disabledAgain.key.details.errorCode).toBe("RedundantExport");
  });

  it("sends the bearer token and matches with a SCIM eq filter on the matching attribute", async () => {
    const h = engineHarness();
    h.assign(IDS.alice);
    await h.provisionUser(scimJob(defaultScimSchema()), IDS.alice);
    expect(h.requestLog().map((r) => `${r.method} ${r.path} ${r.status}`)).toContain(
      'GET /Users?filter=userName eq "alice@contoso.com" 200',
    );
    expect(h.requestLog().some((r) => r.status === 401)).toBe(false);
  });

  it("sets the manager reference once the manager is in the app, as an Add of the manager's target id", async () => {
    const h = engineHarness();
    const job = scimJob(defaultScimSchema());
    h.assign(IDS.alice);
    h.assign(IDS.dave);
    await h.provisionUser(job, IDS.alice);
    expect(h.scimUser("alice@contoso.com")?.[ENTERPRISE]).not.toHaveProperty("manager");

    await h.provisionUser(job, IDS.dave);
    const daveId = h.scimUser("dave@contoso.com")?.id;
    const linked = await h.provisionUser(job, IDS.alice);
    expect(linked.value.modifiedProperties).toEqual([
      { displayName: `${ENTERPRISE}:manager`, oldValue: null, newValue: daveId },
    ]);
    expect(
      (h.scimUser("alice@contoso.com")?.[ENTERPRISE] as { manager?: { value: string } }).manager?.value,
    ).toBe(daveId);
  });

  it("provisions a user assigned only through a group they are a direct member of", async () => {
    const h = engineHarness();
    h.assign(IDS.engineering, "Group");
    const answer = await h.provisionUser(scimJob(defaultScimSchema()), IDS.bob);
    expect(answer.key.result).toBe("Success");
    expect(answer.value.provisioningSteps.find((s) => s.type === "Scoping")?.details.Assigned).toBe("True");
    expect(h.scimUser("bob@contoso.com")).toBeDefined();
  });

  it("skips an unassigned user under 'sync assigned' but provisions them under 'sync all'", async () => {
    const h = engineHarness();
    const skipped = await h.provisionUser(scimJob(defaultScimSchema(), true), IDS.carol);
    expect(skipped.key.result).toBe("Skipped");
    expect(skipped.key.details.errorCode).toBe("NotEffectivelyEntitled");
    expect(skipped.key.details.errorMessage).toContain("not assigned");
    expect(skipped.value.provisioningSteps.map((s) => s.type)).toEqual(["Import", "Matching", "Scoping"]);
    expect(skipped.value.provisioningSteps[2]).toMatchObject({
      status: "Skipped",
      details: { SkipReason: "NotEffectivelyEntitled", Assigned: "False" },
    });
    expect(h.scimUsers()).toHaveLength(0);

    const created = await h.provisionUser(scimJob(defaultScimSchema(), false), IDS.carol);
    expect(created.value.action).toBe("Create");
    expect(h.scimUser("carol@contoso.com")).toBeDefined();
  });

  it("skips a user outside the scoping filter, showing each clause's result", async () => {
    const h = engineHarness();
    h.assign(IDS.carol);
    const salesOnly = scimAppSchema({
      targetDirectoryName: "customappsso",
      userScope: {
        groups: [
          {
            name: "Sales only",
            clauses: [
              {
                operatorName: "EQUALS",
                sourceOperandName: "department",
                targetOperand: { values: ["Sales"] },
              },
            ],
          },
        ],
        inputFilterGroups: [],
        categoryFilterGroups: [],
      },
    });
    const answer = await h.provisionUser(scimJob(salesOnly), IDS.carol);
    expect(answer.key.details.errorCode).toBe("NotEffectivelyEntitled");
    const scoping = answer.value.provisioningSteps.find((s) => s.type === "Scoping")!;
    expect(scoping.details.IsInProvisioningScopeDisplayName).toBe("False");
    const clauses = JSON.parse(scoping.details.ScopeEvaluationResult!) as Record<string, boolean>;
    expect(Object.values(clauses)).toEqual([false]);
    expect(Object.keys(clauses)[0]).toContain("department");
    expect(h.scimUsers()).toHaveLength(0);
  });

  it("disables a user who was provisioned and is now disabled in Entra ID", async () => {
    const h = engineHarness();
    const job = scimJob(defaultScimSchema());
    h.assign(IDS.alice);
    await h.provisionUser(job, IDS.alice);
    h.updateUser(IDS.alice, { accountEnabled: false });
    const answer = await h.provisionUser(job, IDS.alice);
    expect(answer.value.action).toBe("Disable");
    expect(answer.value.provisioningSteps.find((s) => s.type === "Scoping")?.details.IsActive).toBe("False");
    expect(h.scimUser("alice@contoso.com")?.active).toBe(false);

    h.updateUser(IDS.alice, { accountEnabled: true });
    const enabled = await h.provisionUser(job, IDS.alice);
    expect(enabled.value.modifiedProperties).toEqual([
      { displayName: "active", oldValue: "False", newValue: "True" },
    ]);
    expect(h.scimUser("alice@contoso.com")?.active).toBe(true);
  });

  it("skips with ImportSkipped when the matching attribute has no value", async () => {
    const h = engineHarness();
    h.assign(IDS.erin);
    const schema = scimAppSchema({ targetDirectoryName: "customappsso" });
    for (const m of schema.synchronizationRules[0]!.objectMappings[0]!.attributeMappings) {
      m.matchingPriority = m.targetAttributeName.endsWith(":employeeNumber") ? 1 : 0;
    }
    const answer = await h.provisionUser(scimJob(schema), IDS.erin);
    expect(answer.key.result).toBe("Skipped");
    expect(answer.key.details.errorCode).toBe("ImportSkipped");
    expect(answer.value.provisioningSteps).toHaveLength(1);
    expect(answer.value.provisioningSteps[0]).toMatchObject({ type: "Import", status: "Skipped" });
    expect(answer.value.provisioningSteps[0]!.description).toContain("employeeId");
    expect(h.requestLog()).toHaveLength(0);
  });

  it("fails with DuplicateTargetEntries when two target users match", async () => {
    const h = engineHarness();
    h.assign(IDS.alice);
    const post = (userName: string) =>
      h.targets.handle(
        new Request(`https://demo.invalid/scim/app1/Users`, {
          method: "POST",
          headers: { Authorization: "Bearer s3cret-token", "Content-Type": "application/scim+json" },
          body: JSON.stringify({
            schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
            userName,
            externalId: "alice",
          }),
        }),
      );
    expect((await post("someone-else@contoso.com")).status).toBe(201);
    expect((await post("another@contoso.com")).status).toBe(201);
    const schema = defaultScimSchema();
    for (const m of schema.synchronizationRules[0]!.objectMappings[0]!.attributeMappings)
      m.matchingPriority = m.targetAttributeName === "externalId" ? 1 : 0;

    const answer = await h.provisionUser(scimJob(schema), IDS.alice);
    expect(answer.key.result).toBe("Failure");
    expect(answer.key.details.errorCode).toBe("DuplicateTargetEntries");
    expect(answer.value.provisioningSteps.at(-1)).toMatchObject({ type: "Matching", status: "Failure" });
    expect(answer.value.statusInfo).toMatchObject({ status: "Failure", errorCode: "DuplicateTargetEntries" });
    expect(h.scimUsers()).toHaveLength(2);
  });

  it("turns a target's rejection into a Failure with an error code and the target's own message", async () => {
    const h = engineHarness({
      rejections: [
        {
          attribute: "userName",
          matches: "^alice@",
          operations: ["create"],
          status: 400,
          scimType: "invalidValue",
          detail: "Alice is on the deny list",
        },
      ],
    });
    h.assign(IDS.alice);
    const answer = await h.provisionUser(scimJob(defaultScimSchema()), IDS.alice);
    expect(answer.key.result).toBe("Failure");
    expect(answer.key.details.errorCode).toBe("SystemForCrossDomainIdentityManagementBadResponse");
    expect(answer.key.details.errorMessage).toContain("Alice is on the deny list");
    expect(answer.value.action).toBe("Create");
    const exportStep = answer.value.provisioningSteps.at(-1)!;
    expect(exportStep).toMatchObject({ name: "EntryExportAdd", type: "Export", status: "Failure" });
    expect(exportStep.details).toMatchObject({
      StatusCode: "400",
      ErrorCode: "SystemForCrossDomainIdentityManagementBadResponse",
    });
    expect(exportStep.details.ErrorMessage).toContain("Alice is on the deny list");
    expect(answer.value.statusInfo.reason).toContain("HTTP status code 400");
    expect(h.scimUsers()).toHaveLength(0);
  });

  it("reports a conflict (409) as EntryConflict", async () => {
    const h = engineHarness({
      rejections: [
        {
          attribute: "userName",
          matches: "^alice@",
          operations: ["create"],
          status: 409,
          scimType: "uniqueness",
          detail: "userName is taken",
        },
      ],
    });
    h.assign(IDS.alice);
    const answer = await h.provisionUser(scimJob(defaultScimSchema()), IDS.alice);
    expect(answer.key.details.errorCode).toBe("EntryConflict");
    expect(answer.value.statusInfo.reason).toContain("userName is taken");
  });

  it("reports a wrong token and an unreachable endpoint as failures, not crashes", async () => {
    const h = engineHarness();
    h.assign(IDS.alice);
    const job = scimJob(defaultScimSchema());
    const wrongToken = { ...job, target: { ...job.target, bearerToken: "wrong" } } as typeof job;
    const denied = await h.provisionUser(wrongToken, IDS.alice);
    expect(denied.key.details.errorCode).toBe("SystemForCrossDomainIdentityManagementInvalidCredentials");
    expect(denied.value.provisioningSteps.at(-1)).toMatchObject({
      type: "Matching",
      status: "Failure",
      details: { StatusCode: "401" },
    });

    h.env.scimFetch = () => Promise.reject(new TypeError("fetch failed: ECONNREFUSED"));
    const down = await h.provisionUser(job, IDS.alice);
    expect(down.key.details.errorCode).toBe("SystemForCrossDomainIdentityManagementServiceUnavailable");
    expect(down.key.details.errorMessage).toContain("ECONNREFUSED");
  });
});
