import { describe, expect, it } from "vitest";

import { defaultScimSchema, engineHarness, IDS, scimJob } from "@/lib/testing/engine-tenant";

const groupSubject = (members: string[]) => ({
  objectId: IDS.projectX,
  objectTypeName: "Group",
  links: { members: members.map((objectId) => ({ objectId, objectTypeName: "User" })) },
});

describe("provision on demand: a group with members into a SCIM app", () => {
  it("creates both members, creates the group without members, then adds them with one PATCH", async () => {
    const h = engineHarness();
    h.assign(IDS.projectX, "Group");
    const answer = await h.provision(scimJob(defaultScimSchema()), groupSubject([IDS.alice, IDS.bob]));

    expect(answer.key).toEqual({ result: "Success", details: {} });
    expect(answer.value.action).toBe("Create");
    const users = h.scimUsers();
    expect(users.map((u) => u.userName).sort()).toEqual(["alice@contoso.com", "bob@contoso.com"]);
    const [group] = h.scimGroups();
    expect(group).toMatchObject({ displayName: "Project X", externalId: IDS.projectX });
    expect((group!.members as { value: string }[]).map((m) => m.value).sort()).toEqual(
      users.map((u) => u.id).sort(),
    );

    const writes = h
      .requestLog()
      .filter((r) => r.method !== "GET")
      .map((r) => `${r.method} ${r.path.split("?")[0]} ${r.status}`);
    expect(writes).toEqual([
      "POST /Users 201",
      "POST /Users 201",
      "POST /Groups 201",
      `PATCH /Groups/${String(group!.id)} 204`,
    ]);
    expect(
      h
        .requestLog()
        .some(
          (r) =>
            r.method === "GET" &&
            r.path.startsWith("/Groups?") &&
            r.path.includes("excludedAttributes=members"),
        ),
    ).toBe(true);

    expect(answer.value.provisioningSteps.map((s) => [s.type, s.status])).toEqual([
      ["Import", "Success"],
      ["Matching", "Success"],
      ["Scoping", "Success"],
      ["Export", "Success"],
      ["Export", "Success"],
    ]);
    const membersStep = answer.value.provisioningSteps.at(-1)!;
    expect(membersStep.details["Member 'alice@contoso.com'"]).toBe("created; added to the group");
    expect(answer.value.modifiedProperties).toContainEqual({
      displayName: "members",
      oldValue: null,
      newValue: expect.any(String),
    });
  });

  it("skips everything the second time, since group and members already match", async () => {
    const h = engineHarness();
    h.assign(IDS.projectX, "Group");
    const job = scimJob(defaultScimSchema());
    await h.provision(job, groupSubject([IDS.alice, IDS.bob]));
    const again = await h.provision(job, groupSubject([IDS.alice, IDS.bob]));
    expect(again.key.result).toBe("Skipped");
    expect(again.key.details.errorCode).toBe("RedundantExport");
    expect(again.value.provisioningSteps.at(-1)?.details["Member 'bob@contoso.com'"]).toBe(
      "Skipped (RedundantExport); already in the group",
    );
    expect(h.requestLog().filter((r) => r.method === "PATCH")).toHaveLength(1);
  });

  it("fails the call when a member is rejected, but still links the other member", async () => {
    const h = engineHarness({
      rejections: [
        {
          attribute: "userName",
          matches: "^bob@",
          operations: ["create"],
          status: 400,
          scimType: "invalidValue",
          detail: "Bob cannot be created",
        },
      ],
    });
    h.assign(IDS.projectX, "Group");
    const answer = await h.provision(scimJob(defaultScimSchema()), groupSubject([IDS.alice, IDS.bob]));
    expect(answer.key.result).toBe("Failure");
    expect(answer.key.details.errorMessage).toContain("Bob cannot be created");
    const [group] = h.scimGroups();
    expect((group!.members as { value: string }[]).map((m) => m.value)).toEqual([
      h.scimUser("alice@contoso.com")!.id,
    ]);
  });
});
