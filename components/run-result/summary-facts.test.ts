import { describe, expect, it } from "vitest";
import type { RunView } from "@/lib/api/contracts";
import { parseProvisionOnDemandResponse } from "@/lib/provisioning";
import { fixtureBody, type FixtureName } from "@/lib/testing/provisioning-fixtures";
import { runTitleOf, summaryFactsOf } from "./summary-facts";

function runOf(fixture: FixtureName, overrides: Partial<RunView> = {}): RunView {
  return {
    id: "run-1",
    status: "completed",
    createdAt: "2024-03-11T10:00:00.000Z",
    startedAt: "2024-03-11T10:00:04.000Z",
    finishedAt: "2024-03-11T10:00:06.500Z",
    queue: null,
    request: {
      servicePrincipalId: "sp",
      jobId: "job",
      ruleId: "rule",
      subject: { kind: "user", objectId: "62cf7b7a-52be-4a9b-9c69-e5d4a4a14f67" },
    },
    actor: "demo",
    labels: { application: "Contoso SCIM", subject: "Bill Bob" },
    result: parseProvisionOnDemandResponse(fixtureBody(fixture)),
    error: null,
    graphRequestId: null,
    bulkRunId: null,
    changeId: null,
    ...overrides,
  };
}

describe("summaryFactsOf", () => {
  it("names the object, systems and times of a single report", () => {
    const facts = summaryFactsOf(runOf("example-1-scim-user-skipped"));
    expect(facts.object).toBe("BillBob@contoso.com");
    expect(facts.objectId).toBe("62cf7b7a-52be-4a9b-9c69-e5d4a4a14f67");
    expect(facts.action).toBe("Other");
    expect([facts.sourceSystem, facts.targetSystem]).toEqual(["Azure Active Directory", "customappsso"]);
    expect(facts.serviceMs).toBeCloseTo(218.7113, 3);
    expect(facts.callMs).toBe(2500);
    expect(facts.queuedMs).toBe(4000);
  });

  it("falls back to the request's label for a group answered without reports", () => {
    const run = runOf("example-3-group-two-members", {
      labels: { application: null, subject: "Sales team" },
      request: {
        servicePrincipalId: "sp",
        jobId: "job",
        ruleId: "rule#V2",
        subject: { kind: "group", objectId: "group-1", memberIds: ["a", "b"] },
      },
    });
    const facts = summaryFactsOf(run);
    expect(facts.object).toBe("Sales team");
    expect(facts.objectId).toBe("group-1");
    expect(facts.subjectKind).toBe("Group with 2 members");
    expect(facts.action).toBeNull();
    expect(facts.serviceMs).toBeNull();
  });

  it("lists each action once across several reports", () => {
    const facts = summaryFactsOf(runOf("constructed-type-name-key-group-and-member"));
    expect(facts.action?.split(", ").length).toBe(new Set(facts.action?.split(", ")).size);
    expect(facts.object).toBe("Bill Bob");
  });
});

describe("runTitleOf", () => {
  it("uses the distinguished name when no label was captured", () => {
    const dn = "CN=Pat,OU=Sales,DC=contoso,DC=com";
    expect(
      runTitleOf({
        labels: { application: null, subject: "  " },
        request: {
          servicePrincipalId: "s",
          jobId: "j",
          ruleId: "r",
          subject: { kind: "onPremisesUser", distinguishedName: dn },
        },
      }),
    ).toBe(dn);
  });
});
