import { describe, expect, it } from "vitest";
import { parseProvisionOnDemandResponse } from "@/lib/provisioning";
import { fixtureBody } from "@/lib/testing/provisioning-fixtures";
import { reportCodeOf, reportName } from "./report-facts";

describe("reportCodeOf", () => {
  it("takes the skip reason from the steps when statusInfo has no code", () => {
    const [group, member] = parseProvisionOnDemandResponse(
      fixtureBody("constructed-type-name-key-group-and-member"),
    ).reports;
    expect(reportCodeOf(group!)).toBeNull();
    expect(reportCodeOf(member!)).toBe("RedundantExport");
  });

  it("prefers the error code of a failed report", () => {
    const [report] = parseProvisionOnDemandResponse(fixtureBody("constructed-type-name-key-failure")).reports;
    expect(reportCodeOf(report!)).toBe("SystemForCrossDomainIdentityManagementBadResponse");
  });
});

describe("reportName", () => {
  it("names the object by its reportable identifier, else by position", () => {
    const [report] = parseProvisionOnDemandResponse(fixtureBody("example-1-scim-user-skipped")).reports;
    expect(reportName(report!, 0)).toBe("BillBob@contoso.com");
    const anonymous = {
      ...report!,
      reportableIdentifier: null,
      source: { ...report!.source, id: null, displayName: null },
    };
    expect(reportName(anonymous, 2)).toBe("Object 3");
  });
});
