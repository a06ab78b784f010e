import { describe, expect, it } from "vitest";
import { CODE_CATALOG } from "./code-catalog";
import { codeInWords, explainCode, knownCodes } from "./explain-code";
import { fixtureBody, type FixtureName } from "@/lib/testing/provisioning-fixtures";
import { parseProvisionOnDemandResponse } from "./parse-result";

describe("explainCode", () => {
  it("knows at least 40 codes, each with a title, a meaning and an action", () => {
    const codes = knownCodes();
    expect(codes.length).toBeGreaterThanOrEqual(40);
    for (const code of codes) {
      const explanation = explainCode(code);
      expect(explanation.known, code).toBe(true);
      expect(explanation.code).toBe(code);
      expect(explanation.title.length).toBeGreaterThan(3);
      expect(explanation.meaning.length).toBeGreaterThan(20);
      expect(explanation.action.length).toBeGreaterThan(10);
    }
  });

  it("gives every condition its own title", () => {
    const titles = CODE_CATALOG.map((entry) => entry.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it.each([
    "NotEffectivelyEntitled",
    "AttributeValidationFailed",
    "DuplicateTargetEntries",
    "SchemaAttributeNotFound",
    "MandatoryFieldsMissing",
    "ImportSkipped",
    "SystemForCrossDomainIdentityManagementBadResponse",
    "SystemForCrossDomainIdentityManagementInvalidCredentials",
    "SystemForCrossDomainIdentityManagementServiceIncompatible",
    "HybridIdentityServiceNoActiveAgents",
    "HybridIdentityServiceNoAgentsAssigned",
    "AzureActiveDirectoryExpiredCredentials",
    "RequestParameterInvalid",
  ])("explains %s", (code) => {
    expect(explainCode(code).known).toBe(true);
  });

  it("shows RedundantExport as information: already in sync, not a failure", () => {
    const explanation = explainCode("RedundantExport");
    expect(explanation.severity).toBe("info");
    expect(explanation.title.toLowerCase()).toContain("in sync");
  });

  it("grades severity by what the admin has to do", () => {
    expect(explainCode("NotEffectivelyEntitled").severity).toBe("warning");
    expect(explainCode("TooManyRequests").severity).toBe("warning");
    expect(explainCode("DuplicateTargetEntries").severity).toBe("error");
  });

  it("ignores case and surrounding spaces, answering with the catalog's spelling", () => {
    for (const spelling of ["redundantexport", "REDUNDANTEXPORT", "  RedundantExport\n"]) {
      expect(explainCode(spelling)).toMatchObject({ code: "RedundantExport", known: true, severity: "info" });
    }
  });

  it("treats Timeout and the Cloud Sync agent's TimeOut as one condition", () => {
    expect(explainCode("TimeOut").title).toBe(explainCode("Timeout").title);
  });

  it("explains other spellings of the same condition alike", () => {
    expect(explainCode("EntryConflict")).toMatchObject({
      code: "EntryConflict",
      title: explainCode("Conflict").title,
    });
    expect(explainCode("Unauthorized").title).toBe(explainCode("InsufficientRights").title);
    expect(explainCode("QuotaLimitExceeded").title).toBe(
      explainCode("AzureActiveDirectoryQuotaLimitExceeded").title,
    );
  });

  it('accepts the docs\' "Microsoft Entra ID …" spelling of AzureActiveDirectory codes', () => {
    const explanation = explainCode("Microsoft Entra ID CannotUpdateObjectsOriginatedInExternalService");
    expect(explanation.known).toBe(true);
    expect(explanation.code).toBe("AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService");
  });

  it("gives an unknown code a generic explanation that shows the code", () => {
    const explanation = explainCode(" BrandNewFailureMode ");
    expect(explanation.known).toBe(false);
    expect(explanation.code).toBe("BrandNewFailureMode");
    expect(explanation.title).toContain("BrandNewFailureMode");
    expect(explanation.meaning).toContain("BrandNewFailureMode");
    expect(explanation.action.length).toBeGreaterThan(10);
  });

  it("explains a missing code without inventing one", () => {
    expect(explainCode("")).toMatchObject({ code: "", known: false });
    expect(explainCode(undefined as unknown as string).known).toBe(false);
  });

  it.each<FixtureName>(["example-1-scim-user-skipped", "constructed-type-name-key-failure"])(
    "knows the code the parser finds in %s",
    (name) => {
      const { errorCode } = parseProvisionOnDemandResponse(fixtureBody(name));
      expect(errorCode).not.toBeNull();
      expect(explainCode(errorCode ?? "").known).toBe(true);
    },
  );
});

describe("codeInWords", () => {
  it("says a known code in a few words and leaves an unknown or missing one unsaid", () => {
    expect(codeInWords("redundantexport")).toBe("Already in sync");
    expect(codeInWords("NotEffectivelyEntitled")).toBe("Not in scope for this application");
    expect(codeInWords("CallFailed")).toBeNull();
    expect(codeInWords(null)).toBeNull();
  });
});
