import { describe, expect, it } from "vitest";
import { parseProvisionLink } from "@/components/provision/provision-url-state";
import { provisionAnotherHrefOf, provisionMemberHrefOf } from "./provision-another";

describe("provisionAnotherHrefOf", () => {
  const request = {
    servicePrincipalId: "sp/1",
    jobId: "scim.4b8c.4ba2",
    ruleId: "03f7d90d-bf71#V2",
    subject: { kind: "group" as const, objectId: "group-1", memberIds: ["a", "b"] },
  };

  it("leads to the same job with the same rule and kind, and no object chosen", () => {
    const href = provisionAnotherHrefOf(request);
    const url = new URL(href, "http://console.test");
    expect(url.pathname).toBe("/apps/sp%2F1/jobs/scim.4b8c.4ba2");
    const { state, notices } = parseProvisionLink(url.searchParams);
    expect(notices).toEqual([]);
    expect(state.ruleId).toBe("03f7d90d-bf71#V2");
    expect(state.kind).toBe("group");
    expect(state.groupId).toBeNull();
    expect(state.memberIds).toEqual([]);
  });

  it("keeps #V2 in the query rather than turning it into a fragment", () => {
    expect(new URL(provisionAnotherHrefOf(request), "http://console.test").hash).toBe("");
  });
});

describe("provisionMemberHrefOf", () => {
  it("leads to the same job and rule with the member chosen as the user", () => {
    const href = provisionMemberHrefOf(
      {
        servicePrincipalId: "sp",
        jobId: "job",
        ruleId: "rule#V2",
        subject: { kind: "group", objectId: "g", memberIds: ["m-1"] },
      },
      "m-1",
    );
    const { state } = parseProvisionLink(new URL(href, "http://console.test").searchParams);
    expect(state).toMatchObject({ kind: "user", userId: "m-1", ruleId: "rule#V2" });
  });
});
