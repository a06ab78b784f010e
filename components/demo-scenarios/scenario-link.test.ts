import { describe, expect, it } from "vitest";
import { parseProvisionLink } from "@/components/provision/provision-url-state";
import type { DemoScenario } from "@/lib/api/contracts";
import { scenarioHref, scenarioIsFor } from "./scenario-link";

const open = (patch: Partial<DemoScenario["open"]>): Pick<DemoScenario, "open"> => ({
  open: {
    servicePrincipalId: "sp 1",
    jobId: "scim.job/1",
    ruleId: "rule#V2",
    kind: "user",
    userId: null,
    groupId: null,
    memberIds: [],
    distinguishedName: null,
    ...patch,
  },
});

function formOf(href: string) {
  const url = new URL(href, "http://console.local");
  return { path: url.pathname, ...parseProvisionLink(url.searchParams) };
}

describe("a scenario's link", () => {
  it("opens the job's provision page with the rule and the user chosen", () => {
    const link = formOf(scenarioHref(open({ userId: "u-1" })));
    expect(link.path).toBe("/apps/sp%201/jobs/scim.job%2F1");
    expect(link.notices).toEqual([]);
    expect(link.state).toMatchObject({ ruleId: "rule#V2", kind: "user", userId: "u-1" });
  });

  it("chooses a group with its members, or an AD user by distinguished name", () => {
    const group = formOf(scenarioHref(open({ kind: "group", groupId: "g", memberIds: ["a", "b"] })));
    expect(group.state).toMatchObject({ kind: "group", groupId: "g", memberIds: ["a", "b"] });
    const dn = "CN=Patti Fernandez,OU=Users,DC=corp,DC=contoso,DC=com";
    const ad = formOf(scenarioHref(open({ kind: "onPremisesUser", distinguishedName: dn })));
    expect(ad.state).toMatchObject({ kind: "onPremisesUser", distinguishedName: dn });
  });

  it("belongs to its own job only", () => {
    expect(scenarioIsFor(open({}), "sp 1", "scim.job/1")).toBe(true);
    expect(scenarioIsFor(open({}), "sp 1", "scim.job/2")).toBe(false);
  });
});
