import { describe, expect, it } from "vitest";
import type { RunView } from "@/lib/api/contracts";
import { compareRuns } from "./compare";
import { csvField, runAsCsv, runAsJson } from "./export";
import { toRunView } from "./run-view";
import { fixtureBody } from "@/lib/testing/provisioning-fixtures";
import { csvRecords } from "@/lib/testing/csv";
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
  it("writes the run (app, job, subject, times, outcome, reason) on every row, then its steps and modified properties", () => {
    const run = viewOf(fixtureBody("example-1-scim-user-skipped"));
    const { header, rows } = csvRecords(runAsCsv(run));
    expect(header).toEqual([
      "run_id",
      "application",
      "application_id",
      "job",
      "job_id",
      "subject",
      "subject_id",
      "requested_at",
      "completed_at",
      "status",
      "outcome",
      "reason_code",
      "reason",
      "graph_request_id",
      "section",
      "report",
      "index",
      "type_or_attribute",
      "status_or_change",
      "old_value",
      "new_value",
      "description",
      "timestamp",
    ]);
    expect(rows.map((row) => row.section)).toEqual([
      "run",
      ...Array<string>(4).fill("step"),
      ...Array<string>(7).fill("modified_property"),
    ]);
    expect(rows[0]).toMatchObject({
      run_id: "a",
      status: "completed",
      outcome: "Skipped",
      reason_code: "RedundantExport",
      reason: "Already in sync",
    });
    expect(rows.every((row) => row.outcome === "Skipped" && row.job_id === run.request.jobId)).toBe(true);
    expect(rows.find((row) => row.section === "modified_property" && row.index === "3")).toMatchObject({
      report: "1",
      type_or_attribute: "displayName",
    });
  });

  it("gives a failed call its own row: outcome Failure, the error code and Graph's message", () => {
    const failed: RunView = {
      ...viewOf(fixtureBody("example-1-scim-user-skipped")),
      status: "failed",
      result: null,
      error: { code: "CallFailed", message: "The call to Microsoft Graph failed.", graphRequestId: "req-9" },
      graphRequestId: "req-9",
    };
    const { rows } = csvRecords(runAsCsv(failed));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      section: "run",
      outcome: "Failure",
      reason_code: "CallFailed",
      reason: "The call to Microsoft Graph failed.",
      graph_request_id: "req-9",
    });
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
