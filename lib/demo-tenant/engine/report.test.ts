import { describe, expect, it } from "vitest";

import { appProvisioningAnswer, failure, graphTimestamp, ReportBuilder } from "./report";

describe("the provisionOnDemand answer", () => {
  it("writes times with seven fractional digits, as Graph does", () => {
    expect(graphTimestamp(new Date("2020-06-26T13:58:24.549Z"))).toBe("2020-06-26T13:58:24.5490000Z");
  });

  it("puts a failure's code, reason and category in statusInfo and its code and message in key", () => {
    const builder = new ReportBuilder(() => new Date("2025-01-01T00:00:00Z"));
    const report = builder.finish({
      action: "Create",
      changeId: "c1",
      modifiedProperties: [],
      reportableIdentifier: "a@contoso.com",
      outcome: failure("EntryConflict", "customappsso returned 409", "Remove the duplicate"),
      sourceIdentity: { id: "s1", type: "User", displayName: "A" },
      targetIdentity: {
        id: null,
        type: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        displayName: null,
      },
      sourceSystem: "Azure Active Directory",
      targetSystem: "customappsso",
    });
    const answer = appProvisioningAnswer(report);
    expect(JSON.parse(answer.key)).toEqual({
      result: "Failure",
      details: { errorCode: "EntryConflict", errorMessage: "customappsso returned 409" },
    });
    expect(JSON.parse(answer.value).statusInfo).toEqual({
      status: "Failure",
      errorCode: "EntryConflict",
      reason: "customappsso returned 409",
      additionalDetails: null,
      errorCategory: "NonServiceFailure",
      recommendedAction: "Remove the duplicate",
    });
  });
});
