import { describe, expect, it } from "vitest";

import { scimAppSchema } from "../seed/schemas";
import { defaultScimSchema, engineHarness, IDS, scimJob } from "@/lib/testing/engine-tenant";

const salesOnly = () =>
  scimAppSchema({
    targetDirectoryName: "customappsso",
    userScope: {
      groups: [
        {
          name: "Sales only",
          clauses: [
            { operatorName: "EQUALS", sourceOperandName: "department", targetOperand: { values: ["Sales"] } },
          ],
        },
      ],
      inputFilterGroups: [],
      categoryFilterGroups: [],
    },
  });

const disableOnly = (userId: string) => [
  {
    method: "PATCH",
    path: `/Users/${userId}`,
    body: {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "Replace", path: "active", value: false }],
    },
  },
];

/** A user provisioned into the app, so the test can take them out of scope. */
async function provisioned(schema = defaultScimSchema()) {
  const h = engineHarness();
  const job = scimJob(schema);
  h.assign(IDS.alice);
  const created = await h.provisionUser(job, IDS.alice);
  expect(created.value.action).toBe("Create");
  const targetId = String(h.scimUser("alice@contoso.com")?.id);
  const writesBefore = h.writes().length;
  return { h, job, targetId, writesSince: () => h.writes().slice(writesBefore) };
}

describe("provision on demand: a provisioned user who leaves scope is disabled in the app", () => {
  it("disables a user who is unassigned from the app with one PATCH active false, and reports Disable", async () => {
    const { h, job, targetId, writesSince } = await provisioned();
    h.unassign(IDS.alice);

    const answer = await h.provisionUser(job, IDS.alice);

    expect(answer.key).toEqual({ result: "Success", details: {} });
    expect(answer.value.action).toBe("Disable");
    expect(answer.value.provisioningSteps.map((s) => [s.type, s.name, s.status])).toEqual([
      ["Import", "EntryImport", "Success"],
      ["Matching", "EntryImport", "Success"],
      ["Scoping", "EntrySynchronizationScoping", "Success"],
      ["Export", "EntryExportUpdateSoftDelete", "Success"],
    ]);
    expect(answer.value.provisioningSteps[2]!.details).toMatchObject({
      IsActive: "True",
      Assigned: "False",
      IsEffectivelyEntitledForProvisioning: "False",
      IsInProvisioningScopeDisplayName: "True",
    });
    expect(answer.value.provisioningSteps[3]!.description).toBe(
      "User 'alice@contoso.com' was disabled in customappsso (it is not assigned to the application, directly or through a group it is a direct member of)",
    );
    expect(answer.value.modifiedProperties).toEqual([
      { displayName: "active", oldValue: "True", newValue: "False" },
    ]);
    expect(answer.value.targetIdentity.id).toBe(targetId);
    expect(writesSince()).toEqual(disableOnly(targetId));
    expect(h.scimUser("alice@contoso.com")).toMatchObject({ active: false, title: "Seller" });
  });

  it("disables a user whose changed department no longer passes the scoping filter", async () => {
    const { h, job, targetId, writesSince } = await provisioned(salesOnly());
    h.updateUser(IDS.alice, { department: "Marketing" });

    const answer = await h.provisionUser(job, IDS.alice);

    expect(answer.value.action).toBe("Disable");
    const scoping = answer.value.provisioningSteps.find((s) => s.type === "Scoping")!;
    expect(scoping.details).toMatchObject({
      Assigned: "True",
      IsEffectivelyEntitledForProvisioning: "False",
      IsInProvisioningScopeDisplayName: "False",
      ScopeEvaluationResult: JSON.stringify({ "Sales only.department EQUALS 'Sales'": false }),
    });
    expect(answer.value.provisioningSteps.at(-1)).toMatchObject({
      name: "EntryExportUpdateSoftDelete",
      description:
        "User 'alice@contoso.com' was disabled in customappsso (it does not pass the scoping filter)",
    });
    // Only active is sent: a user out of scope gets no other attribute from the source.
    expect(writesSince()).toEqual(disableOnly(targetId));
    expect(h.scimUser("alice@contoso.com")).toMatchObject({ active: false });
  });

  it("disables a user who is soft-deleted in Entra ID", async () => {
    const { h, job, targetId, writesSince } = await provisioned();
    h.updateUser(IDS.alice, { deletedDateTime: "2025-02-28T12:00:00Z" });

    const answer = await h.provisionUser(job, IDS.alice);

    expect(answer.value.action).toBe("Disable");
    expect(answer.value.provisioningSteps.find((s) => s.type === "Scoping")?.details.IsActive).toBe("False");
    expect(answer.value.provisioningSteps.at(-1)?.description).toBe(
      "User 'alice@contoso.com' was disabled in customappsso (it is disabled or deleted in Azure Active Directory)",
    );
    expect(writesSince()).toEqual(disableOnly(targetId));
  });

  it("writes nothing the next time, since the app already holds the disabled state", async () => {
    const { h, job, writesSince } = await provisioned();
    h.unassign(IDS.alice);
    await h.provisionUser(job, IDS.alice);
    const afterDisable = writesSince().length;

    const again = await h.provisionUser(job, IDS.alice);

    expect(again.key.details.errorCode).toBe("RedundantExport");
    expect(again.value.action).toBe("Other");
    expect(writesSince()).toHaveLength(afterDisable);
  });

  it("reports a refused disable as a failed Disable, with the target's message", async () => {
    const h = engineHarness({
      rejections: [
        { attribute: "active", matches: "false", operations: ["update"], status: 403, detail: "Keep Alice" },
      ],
    });
    const job = scimJob(defaultScimSchema());
    h.assign(IDS.alice);
    await h.provisionUser(job, IDS.alice);
    h.unassign(IDS.alice);

    const answer = await h.provisionUser(job, IDS.alice);

    expect(answer.key.result).toBe("Failure");
    expect(answer.value.action).toBe("Disable");
    expect(answer.value.provisioningSteps.at(-1)).toMatchObject({
      name: "EntryExportUpdateSoftDelete",
      status: "Failure",
      description: "Failed to disable User 'alice@contoso.com' in customappsso",
      details: { StatusCode: "403", ErrorMessage: "Keep Alice" },
    });
    expect(h.scimUser("alice@contoso.com")?.active).toBe(true);
  });

  it("leaves a user who left scope as they are when the mapping does not allow deletes", async () => {
    const schema = defaultScimSchema();
    schema.synchronizationRules[0]!.objectMappings[0]!.flowTypes = "Add, Update";
    const { h, job, writesSince } = await provisioned(schema);
    h.unassign(IDS.alice);

    const answer = await h.provisionUser(job, IDS.alice);

    expect(answer.key.details.errorCode).toBe("NotEffectivelyEntitled");
    expect(answer.value.provisioningSteps.at(-1)?.description).toBe(
      "User 'alice@contoso.com' is out of scope but was left as it is in customappsso: the mapping does not allow deletes",
    );
    expect(writesSince()).toEqual([]);
    expect(h.scimUser("alice@contoso.com")?.active).toBe(true);
  });
});

describe("provision on demand: a user out of scope who was never provisioned is skipped", () => {
  it("skips an unassigned user as not effectively entitled and writes nothing to the app", async () => {
    const h = engineHarness();

    const answer = await h.provisionUser(scimJob(defaultScimSchema()), IDS.carol);

    expect(answer.key).toEqual({
      result: "Skipped",
      details: {
        errorCode: "NotEffectivelyEntitled",
        errorMessage:
          "The user is not effectively entitled for provisioning: it is not assigned to the application, directly or through a group it is a direct member of.",
      },
    });
    expect(answer.value.action).toBe("Other");
    expect(answer.value.provisioningSteps.map((s) => [s.type, s.status])).toEqual([
      ["Import", "Success"],
      ["Matching", "Success"],
      ["Scoping", "Skipped"],
    ]);
    expect(answer.value.provisioningSteps[2]!.details).toMatchObject({
      Assigned: "False",
      SkipReason: "NotEffectivelyEntitled",
    });
    expect(h.writes()).toEqual([]);
    expect(h.requestLog().every((r) => r.method === "GET")).toBe(true);
    expect(h.scimUsers()).toHaveLength(0);
  });

  it("skips an assigned user the scoping filter leaves out, naming the filter as the reason", async () => {
    const h = engineHarness();
    h.assign(IDS.carol);

    const answer = await h.provisionUser(scimJob(salesOnly()), IDS.carol);

    expect(answer.key.details).toEqual({
      errorCode: "NotEffectivelyEntitled",
      errorMessage:
        "The user is not effectively entitled for provisioning: it does not pass the scoping filter.",
    });
    expect(answer.value.provisioningSteps.at(-1)).toMatchObject({
      type: "Scoping",
      status: "Skipped",
      details: {
        Assigned: "True",
        IsInProvisioningScopeDisplayName: "False",
        SkipReason: "NotEffectivelyEntitled",
      },
    });
    expect(h.writes()).toEqual([]);
    expect(h.scimUsers()).toHaveLength(0);
  });
});

describe("provision on demand: a group that leaves scope is deleted in the app", () => {
  const projectX = (members: string[]) => ({
    objectId: IDS.projectX,
    objectTypeName: "Group",
    links: { members: members.map((objectId) => ({ objectId, objectTypeName: "User" })) },
  });

  it("disables its members who lose their assignment with it, then deletes the group", async () => {
    const h = engineHarness();
    const job = scimJob(defaultScimSchema());
    h.assign(IDS.projectX, "Group");
    expect((await h.provision(job, projectX([IDS.alice, IDS.bob]))).value.action).toBe("Create");
    const groupId = String(h.scimGroups()[0]!.id);
    const userIds = ["alice@contoso.com", "bob@contoso.com"].map((u) => String(h.scimUser(u)!.id));
    const writesBefore = h.writes().length;
    h.unassign(IDS.projectX);

    const answer = await h.provision(job, projectX([IDS.alice, IDS.bob]));

    expect(answer.key).toEqual({ result: "Success", details: {} });
    expect(answer.value.action).toBe("Delete");
    expect(answer.value.provisioningSteps.at(-1)).toMatchObject({
      name: "EntryExportDelete",
      type: "Export",
      status: "Success",
      description:
        "Group 'Project X' was deleted in customappsso (it is not assigned to the application, directly or through a group it is a direct member of)",
    });
    // No members step: a deleted group takes no members.
    expect(answer.value.provisioningSteps.map((s) => s.type)).toEqual([
      "Import",
      "Matching",
      "Scoping",
      "Export",
    ]);
    expect(answer.value.targetIdentity.id).toBe(groupId);
    expect(
      h
        .writes()
        .slice(writesBefore)
        .map((w) => `${w.method} ${w.path}`),
    ).toEqual([`PATCH /Users/${userIds[0]}`, `PATCH /Users/${userIds[1]}`, `DELETE /Groups/${groupId}`]);
    expect(h.scimGroups()).toEqual([]);
    expect(h.scimUsers().map((u) => u.active)).toEqual([false, false]);
  });

  it("leaves the group as it is when the mapping does not allow deletes", async () => {
    const h = engineHarness();
    const schema = defaultScimSchema();
    schema.synchronizationRules[0]!.objectMappings[1]!.flowTypes = "Add, Update";
    const job = scimJob(schema);
    h.assign(IDS.projectX, "Group");
    await h.provision(job, projectX([]));
    h.unassign(IDS.projectX);

    const answer = await h.provision(job, projectX([]));

    expect(answer.key.details.errorCode).toBe("NotEffectivelyEntitled");
    expect(answer.value.provisioningSteps.at(-1)?.description).toBe(
      "Group 'Project X' is out of scope but was left as it is in customappsso: the mapping does not allow deletes",
    );
    expect(h.scimGroups()).toHaveLength(1);
  });

  it("reports a refused delete as a failed Delete and keeps the group", async () => {
    const h = engineHarness();
    const job = scimJob(defaultScimSchema());
    h.assign(IDS.projectX, "Group");
    await h.provision(job, projectX([]));
    h.unassign(IDS.projectX);
    const toTarget = h.env.scimFetch;
    h.env.scimFetch = (request) =>
      request.method === "DELETE"
        ? Promise.resolve(
            new Response(JSON.stringify({ detail: "DELETE group not supported" }), { status: 400 }),
          )
        : toTarget(request);

    const answer = await h.provision(job, projectX([]));

    expect(answer.key.result).toBe("Failure");
    expect(answer.value.action).toBe("Delete");
    expect(answer.value.provisioningSteps.at(-1)).toMatchObject({
      name: "EntryExportDelete",
      status: "Failure",
      description: "Failed to delete Group 'Project X' in customappsso",
      details: { StatusCode: "400", ErrorMessage: "DELETE group not supported" },
    });
    expect(h.scimGroups()).toHaveLength(1);
  });

  it("does not add a member to the group who was just disabled for leaving scope", async () => {
    const h = engineHarness();
    const job = scimJob(defaultScimSchema());
    h.assign(IDS.projectX, "Group");
    await h.provisionUser(job, IDS.alice);
    await h.provisionUser(job, IDS.bob);
    h.updateUser(IDS.bob, { accountEnabled: false });

    const answer = await h.provision(job, projectX([IDS.alice, IDS.bob]));

    const membersStep = answer.value.provisioningSteps.at(-1)!;
    expect(membersStep.details["Member 'alice@contoso.com'"]).toBe(
      "Skipped (RedundantExport); added to the group",
    );
    expect(membersStep.details["Member 'bob@contoso.com'"]).toBe("disabled; out of scope, so not added");
    const [group] = h.scimGroups();
    expect((group!.members as { value: string }[]).map((m) => m.value)).toEqual([
      String(h.scimUser("alice@contoso.com")!.id),
    ]);
  });
});
