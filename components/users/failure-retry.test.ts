import { describe, expect, it } from "vitest";
import { bulkRunRequest, type FailuresWaiting } from "@/lib/api/contracts";
import { retryRequest } from "./failure-retry";

const item = (
  key: string,
  subject: FailuresWaiting["items"][number]["subject"],
  problem: string | null = null,
) => ({
  key,
  label: `Label ${key}`,
  subject,
  problem,
  lastFailure: {
    eventId: `e-${key}`,
    activityDateTime: "2026-12-01T10:00:00Z",
    errorCode: "EntryConflict",
    errorMessage: null,
  },
  failures: 3,
});

describe("retrying the failures waiting on a job", () => {
  const waiting: FailuresWaiting = {
    since: "2026-11-25T10:00:00Z",
    rule: { id: "rule#V2", name: "USER_TO_USER" },
    truncated: false,
    items: [
      item("u1", { kind: "user", objectId: "u1" }),
      item("g1", null, "A group is provisioned with chosen members; open the job to pick them."),
      item("dn", {
        kind: "onPremisesUser",
        distinguishedName: "CN=Adele Vance,OU=Users,DC=corp,DC=contoso,DC=com",
      }),
    ],
  };

  it("is one bulk run of exactly the objects a retry can send, labelled, on the job's rule", () => {
    const request = retryRequest("sp", "job", waiting)!;
    expect(request).toEqual({
      servicePrincipalId: "sp",
      jobId: "job",
      ruleId: "rule#V2",
      subjects: [
        { kind: "user", objectId: "u1", label: "Label u1" },
        {
          kind: "onPremisesUser",
          distinguishedName: "CN=Adele Vance,OU=Users,DC=corp,DC=contoso,DC=com",
          label: "Label dn",
        },
      ],
    });
    expect(bulkRunRequest.safeParse(request).success).toBe(true);
  });

  it("is nothing without a rule, or when no object can be sent", () => {
    expect(retryRequest("sp", "job", { ...waiting, rule: null })).toBeNull();
    expect(retryRequest("sp", "job", { ...waiting, items: [waiting.items[1]!] })).toBeNull();
  });
});
