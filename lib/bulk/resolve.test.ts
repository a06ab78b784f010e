import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { resolveBulkSource, type BulkDirectory, type DirectoryObject } from "./resolve";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const users: DirectoryObject[] = [1, 2, 3].map((n) => ({
  id: id(n),
  displayName: `User ${n}`,
  userPrincipalName: `user${n}@contoso.com`,
}));
const group: DirectoryObject = { id: id(100), displayName: "Sales" };
const members: DirectoryObject[] = Array.from({ length: 12 }, (_, i) => ({
  id: id(200 + i),
  displayName: `M${i}`,
  userPrincipalName: `m${i}@contoso.com`,
}));

// The directory as Graph would answer it, in memory: resolution is pure apart from these lookups.
const directory: BulkDirectory = {
  async findUser(key) {
    return users.find((u) => u.id === key.toLowerCase() || u.userPrincipalName === key) ?? null;
  },
  async findGroup(key) {
    return key === group.id ? group : null;
  },
  async groupMembers(_groupId, filter, max) {
    return members.filter((m) => !filter || m.displayName!.includes(filter)).slice(0, max);
  },
};

describe("resolving a bulk run's objects", () => {
  it("lists what resolved in order, what did not with its line and reason, and drops duplicates", async () => {
    const text = [
      "user1@contoso.com",
      "nobody@contoso.com",
      id(2),
      "user1@contoso.com",
      "not an id",
      id(999),
    ].join("\n");
    const preview = await resolveBulkSource({ kind: "lines", text }, directory);
    expect(preview.subjects).toEqual([
      { subject: { kind: "user", objectId: id(1) }, label: "user1@contoso.com" },
      { subject: { kind: "user", objectId: id(2) }, label: "user2@contoso.com" },
    ]);
    expect(preview.duplicates).toBe(1);
    expect(preview.unresolved).toEqual([
      { input: "nobody@contoso.com", line: 2, reason: "No user has this userPrincipalName." },
      expect.objectContaining({ input: "not an id", line: 5 }),
      { input: id(999), line: 6, reason: "No user or group has this object id." },
    ]);
  });

  it("sends a group's members five to a call, labelled with which five", async () => {
    const preview = await resolveBulkSource({ kind: "group", groupId: group.id }, directory);
    expect(preview.subjects.map((s) => s.label)).toEqual([
      "Sales (members 1–5 of 12)",
      "Sales (members 6–10 of 12)",
      "Sales (members 11–12 of 12)",
    ]);
    expect(preview.subjects[2]!.subject).toEqual({
      kind: "group",
      objectId: group.id,
      memberIds: [id(210), id(211)],
    });
  });

  it("says when a group filter matches nobody, and refuses an unknown group", async () => {
    const preview = await resolveBulkSource({ kind: "group", groupId: group.id, filter: "Zed" }, directory);
    expect(preview.subjects).toEqual([]);
    expect(preview.unresolved[0]!.reason).toMatch(/No user member of the group matches/);
    await expect(resolveBulkSource({ kind: "group", groupId: id(5) }, directory)).rejects.toThrow(
      /No group has the object id/,
    );
  });

  it("refuses an empty list and one over 10,000 before looking anything up", async () => {
    await expect(
      resolveBulkSource({ kind: "lines", text: "\n# nothing\n" }, directory),
    ).rejects.toBeInstanceOf(ApiError);
    const many = Array.from({ length: 10_001 }, (_, i) => `u${i}@contoso.com`).join("\n");
    await expect(resolveBulkSource({ kind: "csv", text: many }, directory)).rejects.toThrow(
      /10,001 entries; a bulk run takes at most 10,000/,
    );
  });

  it("turns a failed lookup into a reason on that line rather than failing the preview", async () => {
    const failing: BulkDirectory = {
      ...directory,
      findUser: async () => Promise.reject(new Error("Graph answered 503")),
    };
    const preview = await resolveBulkSource({ kind: "lines", text: "user1@contoso.com" }, failing);
    expect(preview.unresolved).toEqual([
      { input: "user1@contoso.com", line: 1, reason: "The lookup failed: Graph answered 503" },
    ]);
  });

  it("checks DNs where Active Directory can be read, and says so where it cannot", async () => {
    const known = "CN=Patti Fernandez,OU=Users,DC=corp,DC=contoso,DC=com";
    const unknown = "CN=Nobody,OU=Users,DC=corp,DC=contoso,DC=com";
    const text = [known, unknown].join("\n");
    const checked = await resolveBulkSource(
      { kind: "lines", text },
      {
        ...directory,
        findOnPremisesUser: async (dn) => (dn === known ? { displayName: "Patti Fernandez" } : null),
      },
    );
    expect(checked.subjects).toEqual([
      {
        subject: { kind: "onPremisesUser", distinguishedName: known },
        label: `Patti Fernandez (${known})`,
      },
    ]);
    expect(checked.unresolved).toEqual([
      { input: unknown, line: 2, reason: "No user in Active Directory has this distinguished name." },
    ]);

    const blind = await resolveBulkSource({ kind: "lines", text }, directory);
    expect(blind.subjects).toHaveLength(2);
    expect(blind.subjects.every((subject) => subject.unchecked?.startsWith("Not checked"))).toBe(true);
    expect(blind.warnings).toEqual([expect.stringMatching(/^2 distinguished names were not checked/)]);
  });

  it("names a group call's members, and warns when the group is not assigned to the application", async () => {
    const unassigned = await resolveBulkSource(
      { kind: "group", groupId: group.id },
      { ...directory, groupAssigned: async () => false },
    );
    expect(unassigned.subjects[0]!.memberNames).toEqual(["M0", "M1", "M2", "M3", "M4"]);
    expect(unassigned.subjects[2]!.memberNames).toEqual(["M10", "M11"]);
    expect(unassigned.warnings).toEqual([
      expect.stringMatching(/^Sales is not assigned to this application: its members will be skipped/),
    ]);
    const assigned = await resolveBulkSource(
      { kind: "lines", text: group.id },
      { ...directory, groupAssigned: async () => true },
    );
    expect(assigned.warnings).toEqual([]);
    const pasted = await resolveBulkSource(
      { kind: "lines", text: group.id },
      { ...directory, groupAssigned: async () => false },
    );
    expect(pasted.warnings).toEqual([expect.stringMatching(/^Sales is not assigned/)]);
  });
});
