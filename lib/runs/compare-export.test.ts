import { describe, expect, it } from "vitest";
import type { RunView } from "@/lib/api/contracts";
import { compareRuns } from "./compare";
import { csvField, runAsCsv, runAsJson } from "./export";
import { toRunView } from "./run-view";
import { fixtureBody } from "@/lib/testing/provisioning-fixtures";
import { runRow } from "@/lib/testing/run-rows";

function viewOf(body: unknown, id = "a"): RunView {
  return toRunView(
    runRow({ id, created_at: "2026-11-01T09:00:00.000Z", response_body: JSON.stringify(body) }),
    undefined,
    0,
  );
}

/** Example 1 with the user's display name changed in the source and in what was sent. */
function example1WithDisplayName(name: string): unknown {
  const body = fixtureBody("example-1-scim-user-skipped") as { value: string };
  const value = JSON.parse(body.value) as {
    provisioningSteps: { details: Record<string, string> }[];
    modifiedProperties: { displayName: string; newValue: string }[];
  };
  value.provisioningSteps[0]!.details.displayName = name;
  value.modifiedProperties.find((p) => p.displayName === "displayName")!.newValue = name;
  return { ...body, value: JSON.stringify(value) };
}

describe("compareRuns", () => {
  it("finds nothing different between two identical runs", () => {
    const body = fixtureBody("example-1-scim-user-skipped");
    const comparison = compareRuns(viewOf(body, "a"), viewOf(body, "b"));
    expect(comparison.outcome).toEqual({ a: "Skipped", b: "Skipped", same: true });
    expect(comparison.steps).toEqual([]);
    expect(comparison.attributes).toEqual([]);
  });

  it("shows the attribute that changed, in the source and in what was sent", () => {
    const comparison = compareRuns(
      viewOf(example1WithDisplayName("Bill Bob")),
      viewOf(example1WithDisplayName("William Bob")),
    );
    expect(comparison.attributes).toEqual([
      { name: "displayName", where: "source", a: "Bill Bob", b: "William Bob" },
      { name: "displayName", where: "target", a: "Bill Bob", b: "William Bob" },
    ]);
  });

  it("shows the steps and outcome that differ between a skipped and an updated run", () => {
    const comparison = compareRuns(
      viewOf(fixtureBody("example-1-scim-user-skipped")),
      viewOf(fixtureBody("example-2-cloud-sync-update")),
    );
    expect(comparison.outcome.same).toBe(false);
    expect(comparison.action).toEqual({ a: "Other", b: "Update", same: false });
    expect(comparison.steps.map((step) => step.type)).toContain("Export");
  });
});

describe("export", () => {
  it("writes steps then modified properties as CSV rows with a header", () => {
    const csv = runAsCsv(viewOf(fixtureBody("example-1-scim-user-skipped")));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "section,report,index,type_or_attribute,status_or_change,old_value,new_value,description,timestamp",
    );
    expect(lines.filter((line) => line.startsWith("step,"))).toHaveLength(4);
    expect(lines.filter((line) => line.startsWith("modified_property,"))).toHaveLength(7);
    expect(csv).toContain("modified_property,1,3,displayName,");
  });

  it("quotes commas and quote marks, and keeps a leading = from running as a formula", () => {
    expect(csvField('Vest, "Adele"')).toBe('"Vest, ""Adele"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("-2147483642")).toBe("-2147483642");
    expect(csvField(null)).toBe("");
  });

  it("JSON export holds the original Graph answer and the parsed result", () => {
    const body = fixtureBody("example-1-scim-user-skipped") as { key: string };
    const exported = JSON.parse(runAsJson(viewOf(body))) as {
      graphResponse: { key: unknown };
      result: { outcome: string };
    };
    expect(exported.result.outcome).toBe("Skipped");
    expect(exported.graphResponse.key).toEqual(JSON.parse(body.key));
  });
});
