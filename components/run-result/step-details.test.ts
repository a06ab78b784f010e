import { describe, expect, it } from "vitest";
import { fixtureBody } from "@/lib/testing/provisioning-fixtures";
import { parseProvisionOnDemandResponse } from "@/lib/provisioning";
import { foldDetails, isEmptyDetail, scopeClausesOf } from "./step-details";

describe("isEmptyDetail", () => {
  it.each(["", "  ", "null", "{}", "[]", '""'])("folds %j away", (value) => {
    expect(isEmptyDetail(value)).toBe(true);
  });

  it.each(["False", "0", '{"a":1}', "none"])("keeps %j", (value) => {
    expect(isEmptyDetail(value)).toBe(false);
  });
});

describe("foldDetails", () => {
  const details = {
    IsActive: "True",
    Assigned: "True",
    ScopeEvaluationResult: "{}",
    Manager: "",
    IsInProvisioningScopeDisplayName: "True",
  };

  it("puts empty values aside and keeps the answer's order", () => {
    const folded = foldDetails(details, "");
    expect(folded.filled.map((row) => row.name)).toEqual([
      "IsActive",
      "Assigned",
      "IsInProvisioningScopeDisplayName",
    ]);
    expect(folded.empty.map((row) => row.name)).toEqual(["ScopeEvaluationResult", "Manager"]);
    expect(folded.total).toBe(5);
  });

  it("filters by name or value, ignoring case, every word required", () => {
    expect(foldDetails(details, "scope").filled.map((row) => row.name)).toEqual([
      "IsInProvisioningScopeDisplayName",
    ]);
    expect(foldDetails(details, "scope").empty.map((row) => row.name)).toEqual(["ScopeEvaluationResult"]);
    expect(foldDetails(details, "assigned true").filled.map((row) => row.name)).toEqual(["Assigned"]);
    expect(foldDetails(details, "nothing-like-this")).toEqual({ filled: [], empty: [], total: 5 });
  });

  it("folds the empty scope result of the documented skipped run", () => {
    const result = parseProvisionOnDemandResponse(fixtureBody("example-1-scim-user-skipped"));
    const scoping = result.reports[0]!.steps.find((step) => step.kind === "Scoping")!;
    const folded = foldDetails(scoping.details, "");
    expect(folded.empty.map((row) => row.name)).toEqual(["ScopeEvaluationResult"]);
    expect(folded.filled).toHaveLength(4);
  });
});

describe("scopeClausesOf", () => {
  it("reads the scope evaluation as clauses that held or did not", () => {
    expect(
      scopeClausesOf("ScopeEvaluationResult", `{"Sales department.department EQUALS 'Sales'":false}`),
    ).toEqual([{ text: "Sales department.department EQUALS 'Sales'", held: false }]);
  });

  it("leaves other details, and values of another shape, as they are", () => {
    expect(scopeClausesOf("IsActive", "True")).toBeNull();
    expect(scopeClausesOf("ScopeEvaluationResult", "not json")).toBeNull();
    expect(scopeClausesOf("ScopeEvaluationResult", `{"a":"yes"}`)).toBeNull();
  });
});
