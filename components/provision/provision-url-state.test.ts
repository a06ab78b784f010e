import { describe, expect, it } from "vitest";
import {
  EMPTY_PROVISION_FORM,
  parseProvisionLink,
  provisionLinkQuery,
  type ProvisionFormState,
} from "./provision-url-state";

const parse = (query: string) => parseProvisionLink(new URLSearchParams(query));

describe("parseProvisionLink", () => {
  it("reads a user link", () => {
    const { state, notices } = parse("rule=r1&kind=user&user=u-1");
    expect(state).toEqual({ ...EMPTY_PROVISION_FORM, ruleId: "r1", kind: "user", userId: "u-1" });
    expect(notices).toEqual([]);
  });

  it("keeps a rule id ending in #V2 when it was encoded", () => {
    expect(parse("rule=03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8%23V2").state.ruleId).toBe(
      "03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8#V2",
    );
  });

  it("reads a group with members, dropping duplicates and the group itself", () => {
    const { state } = parse("kind=group&group=g1&members=m1,m2,,M1,g1, m3 ");
    expect(state.kind).toBe("group");
    expect(state.groupId).toBe("g1");
    expect(state.memberIds).toEqual(["m1", "m2", "m3"]);
  });

  it("keeps only the first five members and says so", () => {
    const { state, notices } = parse("kind=group&group=g&members=a,b,c,d,e,f,g2");
    expect(state.memberIds).toEqual(["a", "b", "c", "d", "e"]);
    expect(notices.join(" ")).toMatch(/lists 7 members.*at most 5/);
  });

  it("reads an on-premises user's distinguished name with escaped commas", () => {
    const dn = "CN=Vest\\, Adele,OU=Staff,DC=corp,DC=contoso,DC=com";
    const { state } = parse(`kind=onPremisesUser&dn=${encodeURIComponent(dn)}`);
    expect(state.kind).toBe("onPremisesUser");
    expect(state.distinguishedName).toBe(dn);
  });

  it("ignores an unknown kind but still follows the fields the link carries", () => {
    const { state, notices } = parse("kind=printer&group=g1&members=m1");
    expect(state.kind).toBe("group");
    expect(state.memberIds).toEqual(["m1"]);
    expect(notices[0]).toMatch(/unknown kind.*printer/);
  });

  it("accepts the kind in any letter case", () => {
    expect(parse("kind=ONPREMISESUSER&dn=CN%3Da%2CDC%3Dx").state.kind).toBe("onPremisesUser");
  });

  it("infers the kind from the fields when the link has none", () => {
    expect(parse("dn=CN%3Da%2CDC%3Dx").state.kind).toBe("onPremisesUser");
    expect(parse("user=u1").state.kind).toBe("user");
  });

  it("ignores ids with control characters or absurd length, naming them", () => {
    const { state, notices } = parse(`user=${encodeURIComponent("u\u0000x")}&rule=${"r".repeat(2000)}`);
    expect(state.userId).toBeNull();
    expect(state.ruleId).toBeNull();
    expect(notices).toHaveLength(2);
  });

  it("takes no fields of another kind", () => {
    const { state } = parse("kind=user&user=u1&group=g1&members=m1&dn=CN%3Da");
    expect(state).toEqual({ ...EMPTY_PROVISION_FORM, kind: "user", userId: "u1" });
  });

  it("gives the empty form for an empty query", () => {
    expect(parse("")).toEqual({ state: EMPTY_PROVISION_FORM, notices: [] });
  });
});

describe("provisionLinkQuery", () => {
  it("writes only the chosen kind's fields", () => {
    const state: ProvisionFormState = {
      ruleId: "r#V2",
      kind: "group",
      userId: "u1",
      groupId: "g1",
      memberIds: ["m1", "m2"],
      distinguishedName: "CN=x",
    };
    expect(provisionLinkQuery(state)).toBe("rule=r%23V2&kind=group&group=g1&members=m1,m2");
  });

  it("writes the kind even before anything is picked", () => {
    expect(provisionLinkQuery(EMPTY_PROVISION_FORM)).toBe("kind=user");
  });

  it.each<ProvisionFormState>([
    {
      ...EMPTY_PROVISION_FORM,
      ruleId: "rule 1",
      kind: "user",
      userId: "5efe6880-dab5-4099-ba7d-2fbbf8af3dc4",
    },
    {
      ...EMPTY_PROVISION_FORM,
      ruleId: "r",
      kind: "group",
      groupId: "g",
      memberIds: ["a", "b", "c", "d", "e"],
    },
    {
      ...EMPTY_PROVISION_FORM,
      kind: "onPremisesUser",
      distinguishedName: "CN=Vest\\, Adele+UID=av,OU=R&D,DC=corp,DC=com",
    },
  ])("round-trips through the URL: %j", (state) => {
    expect(parseProvisionLink(new URLSearchParams(provisionLinkQuery(state)))).toEqual({
      state,
      notices: [],
    });
  });
});
