import { describe, expect, it } from "vitest";
import { fixtureBody } from "@/lib/testing/provisioning-fixtures";
import { parseProvisionOnDemandResponse } from "./parse-result";
import type { ProvisioningReport } from "./result";
import { provisioningResultSchema } from "./result-schema";

const STATUS_INFO_TYPE = "Microsoft.Identity.Health.CPP.Common.DataContracts.SyncFabric.StatusInfo";

function onlyReport(reports: ProvisioningReport[]): ProvisioningReport {
  expect(reports).toHaveLength(1);
  return reports[0] as ProvisioningReport;
}

function decodedValue(name: Parameters<typeof fixtureBody>[0]): Record<string, unknown> {
  return JSON.parse(fixtureBody(name).value as string) as Record<string, unknown>;
}

/** Reports without their raw originals, to compare what users see. */
function visible(reports: ProvisioningReport[]) {
  return reports.map(({ raw: _raw, ...rest }) => rest);
}

describe("Example 1: Entra ID → SCIM app, skipped as already in sync", () => {
  const result = parseProvisionOnDemandResponse(fixtureBody("example-1-scim-user-skipped"));
  const report = onlyReport(result.reports);

  it("reports a skip with RedundantExport and its message", () => {
    expect(result.outcome).toBe("Skipped");
    expect(result.resultText).toBe("Skipped");
    expect(result.errorCode).toBe("RedundantExport");
    expect(result.errorMessage).toBe(
      "The state of the user in both the source and target systems already match.",
    );
    expect(result.wireShape).toBe("json-key");
    expect(result.warnings).toEqual([]);
    expect(provisioningResultSchema.safeParse(result).success).toBe(true);
  });

  it("keeps the four steps in order, told apart by type although two share a name", () => {
    expect(report.steps.map((step) => step.type)).toEqual(["Import", "Matching", "Scoping", "Export"]);
    expect(report.steps.map((step) => step.name)).toEqual([
      "EntryImport",
      "EntryImport",
      "EntrySynchronizationScoping",
      "EntrySynchronizationSkip",
    ]);
    expect(report.steps.map((step) => step.outcome)).toEqual(["Success", "Success", "Success", "Skipped"]);
    expect(report.steps[3]?.details).toEqual({ SkipReason: "RedundantExport" });
    expect(report.steps[2]?.details.ScopeEvaluationResult).toBe("{}");
  });

  it("treats a null oldValue as reported, so new values count as added", () => {
    expect(report.modifiedProperties).toHaveLength(7);
    expect(report.modifiedProperties.every((p) => p.oldValueReported && p.oldValue === null)).toBe(true);
    expect(report.modifiedProperties.every((p) => p.change === "added")).toBe(true);
    expect(report.modifiedProperties[2]).toEqual({
      name: "displayName",
      oldValue: null,
      newValue: "Bill Bob",
      oldValueReported: true,
      change: "added",
    });
  });

  it("reads the report header, identities and an all-null statusInfo", () => {
    expect(report).toMatchObject({
      action: "Other",
      status: "Skipped",
      statusText: "Skipped",
      changeId: "g8ba3be8-1d7f-4a60-ae31-a8980da0a389",
      reportableIdentifier: "BillBob@contoso.com",
      startTime: "2020-06-26T13:58:24.5494971Z",
      endTime: "2020-06-26T13:58:24.7682084Z",
      statusInfo: {
        errorCode: null,
        reason: null,
        additionalDetails: null,
        errorCategory: null,
        recommendedAction: null,
      },
      source: {
        system: "Azure Active Directory",
        id: "62cf7b7a-52be-4a9b-9c69-e5d4a4a14f67",
        type: "User",
        displayName: null,
      },
      target: {
        system: "customappsso",
        id: "52507a19-96ec-4e73-9250-3e65ffd2d926",
        type: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        displayName: null,
      },
    });
  });
});

describe("Example 2: Cloud Sync AD → Entra ID update", () => {
  const result = parseProvisionOnDemandResponse(fixtureBody("example-2-cloud-sync-update"));
  const report = onlyReport(result.reports);

  it("succeeds with no error code", () => {
    expect(result.outcome).toBe("Success");
    expect(result.errorCode).toBeNull();
    expect(result.errorMessage).toBeNull();
    expect(result.warnings).toEqual([]);
    expect(result.odataContext).toContain("syncfabric.windowsazure.com");
    expect(report.action).toBe("Update");
  });

  it("marks every property's old value as not reported and its change as unknown", () => {
    expect(report.modifiedProperties).toHaveLength(37);
    for (const property of report.modifiedProperties) {
      expect(property.oldValueReported).toBe(false);
      expect(property.oldValue).toBeNull();
      expect(property.change).toBe("unknown");
    }
    expect(report.modifiedProperties.find((p) => p.name === "OnPremisesDistinguishedName")?.newValue).toBe(
      "CN=AdeleV,CN=Users,DC=corp,DC=chicago,DC=com",
    );
  });

  it("fills omitted null fields with null", () => {
    expect(report.statusInfo).toEqual({
      errorCode: null,
      reason: null,
      additionalDetails: null,
      errorCategory: null,
      recommendedAction: null,
    });
    expect(report.source).toEqual({
      system: "Active Directory",
      id: "38a2171b-8b04-4b21-8133-ca8ae52250f3",
      type: "user",
      displayName: null,
    });
  });

  it("keeps step details as text, including JSON held in a string", () => {
    expect(report.steps.map((step) => step.kind)).toEqual(["Import", "Import", "Scoping", "Export"]);
    const details = report.steps[0]?.details ?? {};
    expect(Object.values(details).every((value) => typeof value === "string")).toBe(true);
    expect(details.originatingReplicaToken).toBe(
      '{"InvocationId":"6cbd7b45-b262-4dad-94a3-620503ea1f25","Name":"DC01.esf.edu"}',
    );
    expect(report.steps[3]?.details).toEqual({});
  });
});

describe("Example 3: a group with two members", () => {
  it('succeeds with no reports when value is "{}"', () => {
    const result = parseProvisionOnDemandResponse(fixtureBody("example-3-group-two-members"));
    expect(result.outcome).toBe("Success");
    expect(result.reports).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.raw).toEqual({ key: { result: "Success", details: {} }, value: {} });
  });
});

describe("type-name key with an array of reports", () => {
  it("derives the outcome from the single report and finds the skip reason in a step", () => {
    const result = parseProvisionOnDemandResponse(fixtureBody("constructed-type-name-key-single-user"));
    expect(result.wireShape).toBe("type-name-key");
    expect(result.keyTypeName).toBe(STATUS_INFO_TYPE);
    expect(result.resultText).toBeNull();
    expect(result.outcome).toBe("Skipped");
    expect(result.errorCode).toBe("RedundantExport");
    expect(result.errorMessage).toMatch(/already match/);
    expect(result.warnings).toEqual([]);
  });

  it("gives one report per object and normalises lower-case enums, keeping the original text", () => {
    const result = parseProvisionOnDemandResponse(fixtureBody("constructed-type-name-key-group-and-member"));
    expect(result.reports.map((r) => [r.reportableIdentifier, r.status])).toEqual([
      ["Sales Team", "Success"],
      ["AlexW@contoso.com", "Skipped"],
    ]);
    expect(result.outcome).toBe("Success");
    const member = result.reports[1];
    expect(member?.statusText).toBe("skipped");
    expect(member?.steps.map((s) => [s.type, s.kind, s.status, s.outcome])).toEqual([
      ["import", "Import", "success", "Success"],
      ["matching", "Matching", "success", "Success"],
      ["scoping", "Scoping", "success", "Success"],
      ["export", "Export", "skipped", "Skipped"],
    ]);
  });

  it("reports a failure with the code and reason from statusInfo", () => {
    const result = parseProvisionOnDemandResponse(fixtureBody("constructed-type-name-key-failure"));
    expect(result.outcome).toBe("Failure");
    expect(result.errorCode).toBe("SystemForCrossDomainIdentityManagementBadResponse");
    expect(result.errorMessage).toMatch(/name\.familyName/);
    expect(result.reports[0]?.statusInfo.errorCategory).toBe("NonServiceFailure");
    expect(result.reports[0]?.modifiedProperties[1]).toMatchObject({
      name: "name.familyName",
      change: "unchanged",
    });
  });

  it("accepts the array already decoded", () => {
    const body = fixtureBody("constructed-type-name-key-failure");
    const decoded = { key: body.key, value: JSON.parse(body.value as string) as unknown };
    const fromText = parseProvisionOnDemandResponse(body);
    const fromArray = parseProvisionOnDemandResponse(decoded);
    expect(visible(fromArray.reports)).toEqual(visible(fromText.reports));
    expect(fromArray.outcome).toBe("Failure");
  });

  it("says nothing is known when the array is empty", () => {
    const result = parseProvisionOnDemandResponse({ key: STATUS_INFO_TYPE, value: "[]" });
    expect(result.outcome).toBe("Unknown");
    expect(result.warnings).toHaveLength(1);
  });

  it("combines the worst outcome across objects", () => {
    const ok = { statusInfo: { status: "Success" } };
    const failed = { statusInfo: { status: "Failure", errorCode: "DuplicateTargetEntries" } };
    const result = parseProvisionOnDemandResponse({
      key: STATUS_INFO_TYPE,
      value: JSON.stringify([ok, failed, ok]),
    });
    expect(result.outcome).toBe("Failure");
    expect(result.errorCode).toBe("DuplicateTargetEntries");
  });
});

describe("answers seen in the wild", () => {
  it("accepts key and value already decoded into objects", () => {
    const body = fixtureBody("example-1-scim-user-skipped");
    const fromText = parseProvisionOnDemandResponse(body);
    const fromObjects = parseProvisionOnDemandResponse({
      key: JSON.parse(body.key as string) as unknown,
      value: decodedValue("example-1-scim-user-skipped"),
    });
    expect(fromObjects.outcome).toBe("Skipped");
    expect(fromObjects.errorCode).toBe("RedundantExport");
    expect(visible(fromObjects.reports)).toEqual(visible(fromText.reports));
  });

  it("reads the same report whatever the key order", () => {
    const reverse = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reverse);
      if (value === null || typeof value !== "object") return value;
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([k, v]) => [k, reverse(v)]),
      );
    };
    const body = fixtureBody("example-1-scim-user-skipped");
    const reordered = {
      value: JSON.stringify(reverse(decodedValue("example-1-scim-user-skipped"))),
      key: JSON.stringify(reverse(JSON.parse(body.key as string))),
    };
    const original = parseProvisionOnDemandResponse(body);
    const result = parseProvisionOnDemandResponse(reordered);
    expect(result.outcome).toBe(original.outcome);
    expect(result.errorCode).toBe(original.errorCode);
    expect(visible(result.reports)).toEqual(visible(original.reports));
  });

  it("normalises the result's spelling and keeps the original", () => {
    const result = parseProvisionOnDemandResponse({ key: '{"result":"success","details":{}}', value: "{}" });
    expect(result.outcome).toBe("Success");
    expect(result.resultText).toBe("success");
  });

  it("turns an unknown result into Unknown with a warning that quotes it", () => {
    const result = parseProvisionOnDemandResponse({ key: '{"result":"PartialSuccess"}', value: "{}" });
    expect(result.outcome).toBe("Unknown");
    expect(result.resultText).toBe("PartialSuccess");
    expect(result.warnings.join(" ")).toContain("PartialSuccess");
  });

  it("accepts PowerShell's capitalised Key and Value", () => {
    const body = fixtureBody("example-1-scim-user-skipped");
    const result = parseProvisionOnDemandResponse({ Key: body.key, Value: body.value });
    expect(result.outcome).toBe("Skipped");
    expect(result.reports).toHaveLength(1);
  });

  it("accepts the whole answer as JSON text", () => {
    const body = fixtureBody("example-2-cloud-sync-update");
    const result = parseProvisionOnDemandResponse(JSON.stringify(body));
    expect(result.outcome).toBe("Success");
    expect(result.reports[0]?.modifiedProperties).toHaveLength(37);
  });

  it("prefers the verdict's error code over statusInfo, and statusInfo over a skip reason", () => {
    const report = {
      statusInfo: { status: "Skipped", errorCode: "ImportSkipped", reason: "no matching value" },
      provisioningSteps: [{ type: "Export", status: "Skipped", details: { SkipReason: "RedundantExport" } }],
    };
    const withVerdictCode = parseProvisionOnDemandResponse({
      key: {
        result: "Skipped",
        details: { errorCode: "NotEffectivelyEntitled", errorMessage: "not assigned" },
      },
      value: report,
    });
    expect([withVerdictCode.errorCode, withVerdictCode.errorMessage]).toEqual([
      "NotEffectivelyEntitled",
      "not assigned",
    ]);
    const withStatusCode = parseProvisionOnDemandResponse({
      key: { result: "Skipped", details: {} },
      value: report,
    });
    expect([withStatusCode.errorCode, withStatusCode.errorMessage]).toEqual([
      "ImportSkipped",
      "no matching value",
    ]);
  });

  it("derives a report's status from its steps when statusInfo is missing", () => {
    const result = parseProvisionOnDemandResponse({
      key: STATUS_INFO_TYPE,
      value: [
        {
          action: "Create",
          provisioningSteps: [
            { type: "Import", status: "Success" },
            { type: "Export", status: "Failure" },
          ],
        },
      ],
    });
    expect(result.reports[0]?.status).toBe("Failure");
    expect(result.reports[0]?.statusText).toBeNull();
    expect(result.outcome).toBe("Failure");
  });

  it("turns non-text details into text: numbers, nulls and nested objects", () => {
    const result = parseProvisionOnDemandResponse({
      key: { result: "Success" },
      value: {
        provisioningSteps: [
          {
            name: "EntryImport",
            type: 3,
            status: "Warning",
            details: { count: 3, missing: null, nested: { a: [1, "b"] } },
          },
        ],
      },
    });
    const step = result.reports[0]?.steps[0];
    expect(step?.kind).toBe("Processing");
    expect(step?.type).toBe("3");
    expect(step?.outcome).toBe("Warning");
    expect(step?.details.count).toBe("3");
    expect(step?.details.missing).toBe("null");
    expect(step?.details.nested).toBe('{"a":[1,"b"]}');
    expect(Object.keys(step?.details ?? {})).toEqual(["count", "missing", "nested"]);
  });

  it("keeps a JSON '__proto__' detail as an ordinary entry", () => {
    const result = parseProvisionOnDemandResponse({
      key: '{"result":"Success"}',
      value: '{"provisioningSteps":[{"type":"Import","status":"Success","details":{"__proto__":"x","n":1}}]}',
    });
    const details = result.reports[0]?.steps[0]?.details ?? {};
    expect(Object.keys(details)).toEqual(["__proto__", "n"]);
    expect(Object.getOwnPropertyDescriptor(details, "__proto__")?.value).toBe("x");
  });

  it("labels a property's change from its old and new values", () => {
    const result = parseProvisionOnDemandResponse({
      key: { result: "Success" },
      value: {
        modifiedProperties: [
          { displayName: "a", oldValue: "x", newValue: "y" },
          { displayName: "b", oldValue: "x", newValue: null },
          { displayName: "c", oldValue: "x", newValue: "x" },
          { displayName: "d", newValue: "x" },
          { name: "e", oldValue: 1, newValue: 2 },
        ],
      },
    });
    const properties = result.reports[0]?.modifiedProperties ?? [];
    expect(properties.map((p) => [p.name, p.change])).toEqual([
      ["a", "changed"],
      ["b", "removed"],
      ["c", "unchanged"],
      ["d", "unknown"],
      ["e", "changed"],
    ]);
    expect(properties[4]).toMatchObject({ oldValue: "1", newValue: "2" });
  });

  it("reads a Graph error body as a failure with its code", () => {
    const result = parseProvisionOnDemandResponse({
      error: { code: "RequestParameterInvalid", message: "However, the job does not include the rule." },
    });
    expect(result.outcome).toBe("Failure");
    expect(result.errorCode).toBe("RequestParameterInvalid");
    expect(result.warnings).toHaveLength(1);
  });
});

describe("answers that cannot be understood", () => {
  const example2 = fixtureBody("example-2-cloud-sync-update");

  it("keeps a truncated value as text, warns, and does not claim success", () => {
    const cut = (example2.value as string).slice(0, 5000);
    const result = parseProvisionOnDemandResponse({ ...example2, value: cut });
    expect(result.outcome).toBe("Unknown");
    expect(result.resultText).toBe("Success");
    expect(result.raw.value).toBe(cut);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/"value" is not valid JSON/);
  });

  it("keeps a truncated key as text and warns", () => {
    const key = '{"result":"Skipped","details":{"errorCode":"Redund';
    const result = parseProvisionOnDemandResponse({ key, value: "{}" });
    expect(result.outcome).toBe("Unknown");
    expect(result.raw.key).toBe(key);
    expect(result.warnings[0]).toMatch(/"key" is not valid JSON/);
  });

  it("still shows the reports when only the key is unreadable", () => {
    const result = parseProvisionOnDemandResponse({ key: "{not json", value: example2.value });
    expect(result.outcome).toBe("Unknown");
    expect(result.reports).toHaveLength(1);
  });

  it.each([
    ["plain text", "Provisioning finished"],
    ["a number", "42"],
    ["an object without report fields", '{"hello":"world"}'],
    ["an empty string", ""],
  ])("warns when the value is %s", (_label, value) => {
    const result = parseProvisionOnDemandResponse({ key: '{"result":"Success"}', value });
    expect(result.outcome).toBe("Unknown");
    expect(result.reports).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.raw.value).not.toBeNull();
  });

  it("leaves out array items that are not reports, keeps the rest and warns", () => {
    const result = parseProvisionOnDemandResponse({
      key: STATUS_INFO_TYPE,
      value: JSON.stringify([{ statusInfo: { status: "Success" } }, "junk", 7]),
    });
    expect(result.outcome).toBe("Unknown");
    expect(result.reports).toHaveLength(1);
    expect(result.warnings.map((w) => w.slice(0, 8))).toEqual(["value[1]", "value[2]"]);
  });

  it("warns about a key that is neither JSON nor a type name", () => {
    const result = parseProvisionOnDemandResponse({ key: "Status: ok!", value: "{}" });
    expect(result.outcome).toBe("Unknown");
    expect(result.raw.key).toBe("Status: ok!");
    expect(result.wireShape).toBe("unrecognised");
  });

  it.each([
    ["null", null],
    ["a number", 42],
    ["an array", [1, 2]],
    ["text that is not JSON", "<html>Bad gateway</html>"],
    ["an object without key or value", { status: "ok" }],
    ["undefined", undefined],
  ])("keeps a body that is %s and warns", (_label, body) => {
    const result = parseProvisionOnDemandResponse(body);
    expect(result.outcome).toBe("Unknown");
    expect(result.warnings).toHaveLength(1);
    expect(result.raw.body).toBe(body);
    expect(provisioningResultSchema.safeParse(result).success).toBe(true);
  });

  it("survives a body whose fields throw when read", () => {
    const hostile = Object.defineProperty({}, "key", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const result = parseProvisionOnDemandResponse(hostile);
    expect(result.outcome).toBe("Unknown");
    expect(result.warnings[0]).toContain("boom");
  });

  it("reads a body without a prototype", () => {
    const body = Object.assign(
      Object.create(null) as Record<string, unknown>,
      fixtureBody("example-3-group-two-members"),
    );
    expect(parseProvisionOnDemandResponse(body).outcome).toBe("Success");
  });

  it("warns when steps or properties are not lists or items are not objects", () => {
    const result = parseProvisionOnDemandResponse({
      key: { result: "Success" },
      value: {
        action: "Update",
        provisioningSteps: "oops",
        modifiedProperties: [null, { displayName: "x", newValue: "y" }],
      },
    });
    expect(result.outcome).toBe("Success");
    expect(result.reports[0]?.steps).toEqual([]);
    expect(result.reports[0]?.modifiedProperties.map((p) => p.name)).toEqual(["x"]);
    expect(result.warnings).toHaveLength(2);
  });
});
