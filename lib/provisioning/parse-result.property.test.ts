import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureBody, type FixtureName } from "@/lib/testing/provisioning-fixtures";
import { parseProvisionOnDemandResponse } from "./parse-result";
import { provisioningResultSchema } from "./result-schema";

const FIXTURES: FixtureName[] = [
  "example-1-scim-user-skipped",
  "example-2-cloud-sync-update",
  "example-3-group-two-members",
  "constructed-type-name-key-group-and-member",
  "constructed-type-name-key-failure",
];
const realKeys = FIXTURES.map((name) => fixtureBody(name).key as string);
const realValues = FIXTURES.map((name) => fixtureBody(name).value as string);

/** A prefix of a real key or value, as when an answer is cut short. */
function truncationOf(texts: string[]) {
  return fc
    .tuple(fc.constantFrom(...texts), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([text, share]) => text.slice(0, Math.floor(text.length * share)));
}

const keyText = fc.oneof(
  fc.string(),
  fc.constantFrom(...realKeys),
  truncationOf(realKeys),
  fc.jsonValue().map((value) => JSON.stringify(value)),
);
const valueText = fc.oneof(
  fc.string(),
  fc.constantFrom(...realValues),
  truncationOf(realValues),
  fc.jsonValue().map((value) => JSON.stringify(value)),
);

// Report-like objects whose fields hold anything, so the field readers meet every JSON type.
const looseReport = fc.record(
  {
    action: fc.jsonValue(),
    statusInfo: fc.oneof(fc.jsonValue(), fc.record({ status: fc.jsonValue(), errorCode: fc.jsonValue() })),
    provisioningSteps: fc.oneof(
      fc.jsonValue(),
      fc.array(
        fc.record(
          { name: fc.jsonValue(), type: fc.jsonValue(), status: fc.jsonValue(), details: fc.jsonValue() },
          { requiredKeys: [] },
        ),
      ),
    ),
    modifiedProperties: fc.oneof(
      fc.jsonValue(),
      fc.array(
        fc.record(
          { displayName: fc.jsonValue(), oldValue: fc.jsonValue(), newValue: fc.jsonValue() },
          { requiredKeys: [] },
        ),
      ),
    ),
    sourceIdentity: fc.jsonValue(),
    targetSystem: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

function expectValidResult(body: unknown): void {
  const result = parseProvisionOnDemandResponse(body);
  const check = provisioningResultSchema.safeParse(result);
  expect(check.success, check.success ? "" : check.error.message).toBe(true);
  if (result.outcome === "Unknown" && result.reports.length === 0 && result.errorCode === null) {
    // Nothing understood must still say why.
    expect(result.warnings.length).toBeGreaterThan(0);
  }
}

describe("the parser never throws and always returns a well-formed result", () => {
  it("for any JSON value as the body", () => {
    fc.assert(fc.property(fc.jsonValue(), expectValidResult), { numRuns: 500 });
  });

  it("for any string as the body", () => {
    fc.assert(fc.property(fc.string(), expectValidResult), { numRuns: 500 });
  });

  it("for anything at all as the body", () => {
    fc.assert(fc.property(fc.anything(), expectValidResult), { numRuns: 300 });
  });

  it("for arbitrary and truncated key/value strings", () => {
    fc.assert(
      fc.property(keyText, valueText, (key, value) => expectValidResult({ key, value })),
      { numRuns: 1000 },
    );
  });

  it("for report-like values with fields of any type, in both wire shapes", () => {
    const key = fc.constantFrom<unknown>(
      '{"result":"Success","details":{}}',
      "Microsoft.Identity.Health.CPP.Common.DataContracts.SyncFabric.StatusInfo",
      { result: "failure" },
      undefined,
    );
    const value = fc.oneof(
      looseReport,
      fc.array(fc.oneof(looseReport, fc.jsonValue()), { maxLength: 4 }),
      looseReport.map((report) => JSON.stringify(report)),
    );
    fc.assert(
      fc.property(key, value, (k, v) => expectValidResult({ key: k, value: v })),
      { numRuns: 1000 },
    );
  });

  it("keeps the answer's text when it cannot read the value", () => {
    fc.assert(
      fc.property(truncationOf(realValues), (value) => {
        const result = parseProvisionOnDemandResponse({ key: '{"result":"Success"}', value });
        if (result.outcome === "Unknown") expect(result.raw.value).toBe(value);
      }),
      { numRuns: 300 },
    );
  });
});
