import { describe, expect, it } from "vitest";

import type { FilterClause, FilterGroup, ScopingFilter } from "../model";
import { attributeReaderOf, type ExpressionValue } from "./expressions";
import { evaluateScopingFilter } from "./scoping";

const clause = (sourceOperandName: string, operatorName: string, ...values: string[]): FilterClause => ({
  operatorName,
  sourceOperandName,
  targetOperand: { values },
});
const group = (name: string, ...clauses: FilterClause[]): FilterGroup => ({ name, clauses });
const filter = (...groups: FilterGroup[]): ScopingFilter => ({
  groups,
  inputFilterGroups: [],
  categoryFilterGroups: [],
});

/** Whether a one-clause filter holds for an attribute value (undefined = attribute missing). */
function holds(operator: string, value: ExpressionValue | undefined, ...targets: string[]): boolean {
  const attributes = value === undefined ? {} : { attr: value };
  return evaluateScopingFilter(
    filter(group("g", clause("attr", operator, ...targets))),
    attributeReaderOf(attributes),
  ).inScope;
}

describe("scoping operators", () => {
  it.each([
    // operator, value, targets, expected
    ["EQUALS", "Sales", ["Sales"], true],
    ["EQUALS", "sales", ["Sales"], false],
    ["EQUALS", "Marketing", ["Sales", "Marketing"], true],
    ["NOT EQUALS", "Sales", ["Marketing"], true],
    ["NOT EQUALS", "Sales", ["Sales"], false],
    ["NOT EQUALS", "Sales", ["Marketing", "Sales"], false],
    ["ENDS_WITH", "ann@contoso.com", ["@contoso.com"], true],
    ["ENDS_WITH", "ann@fabrikam.com", ["@contoso.com"], false],
    ["Includes", "Senior Engineer", ["Engineer"], true],
    ["Includes", "Senior Engineer", ["engineer"], false],
    ["REGEX MATCH", "ann@contoso.com", [".*\\@contoso.com"], true],
    ["REGEX MATCH", "ann@fabrikam.com", [".*\\@contoso.com"], false],
    ["REGEX MATCH", "1500000", ["(1[0-9][0-9][0-9][0-9][0-9][0-9])"], true],
    ["REGEX MATCH", "ANN", ["ann"], false],
    ["REGEX MATCH", "x", ["(unclosed"], false],
    ["NOT REGEX MATCH", "ann@fabrikam.com", [".*\\@contoso.com"], true],
    ["NOT REGEX MATCH", "ann@contoso.com", [".*\\@contoso.com"], false],
    ["NOT REGEX MATCH", "x", ["(unclosed"], false],
    ["Greater_Than", "1500000", ["1000000"], true],
    ["Greater_Than", "1000000", ["1000000"], false],
    ["Greater_Than", "abc", ["1"], false],
    ["Greater_Than", "5", ["1.5"], false],
    ["Greater_Than_OR_EQUALS", "1000000", ["1000000"], true],
    ["Greater_Than_OR_EQUALS", "999999", ["1000000"], false],
    ["&", "514", ["2"], true],
    ["&", "512", ["2"], false],
    ["&", "disabled", ["2"], false],
    ["!&", "512", ["2"], true],
    ["!&", "514", ["2"], false],
    ["IS TRUE", "True", [], true],
    ["IS TRUE", "true", [], true],
    ["IS TRUE", "False", [], false],
    ["IS FALSE", "False", [], true],
    ["IS FALSE", "True", [], false],
    ["IS NULL", "x", [], false],
    ["IS NOT NULL", "x", [], true],
  ] as const)("%s on %j against %j → %s", (operator, value, targets, expected) => {
    expect(holds(operator, value, ...targets)).toBe(expected);
  });

  it.each([
    "EQUALS",
    "NOT EQUALS",
    "ENDS_WITH",
    "Includes",
    "REGEX MATCH",
    "NOT REGEX MATCH",
    "Greater_Than",
    "Greater_Than_OR_EQUALS",
    "&",
    "!&",
    "IS TRUE",
    "IS FALSE",
    "IS NOT NULL",
  ])("%s is false on a null or empty value", (operator) => {
    expect(holds(operator, undefined, "x")).toBe(false);
    expect(holds(operator, "", "x")).toBe(false);
    expect(holds(operator, [], "x")).toBe(false);
  });

  it("IS NULL holds on a null or empty value", () => {
    expect(holds("IS NULL", undefined)).toBe(true);
    expect(holds("IS NULL", "")).toBe(true);
  });

  it("matches operator names in any case and with spaces or underscores", () => {
    expect(holds("equals", "Sales", "Sales")).toBe(true);
    expect(holds("is not null", "x")).toBe(true);
    expect(holds("GREATER THAN", "3", "2")).toBe(true);
    expect(holds("ends with", "abc", "bc")).toBe(true);
  });

  it("does not filter on multi-valued attributes, as documented", () => {
    expect(holds("EQUALS", ["Sales", "Marketing"], "Sales")).toBe(false);
    expect(holds("EQUALS", ["Sales"], "Sales")).toBe(true);
    expect(holds("IS NOT NULL", ["a", "b"])).toBe(true);
  });
});

describe("evaluateScopingFilter", () => {
  const user = attributeReaderOf({ department: "Marketing", country: "Norway", jobTitle: "Designer" });

  it("puts everything in scope without a filter or groups", () => {
    expect(evaluateScopingFilter(null, user)).toEqual({ inScope: true, clauses: {}, unknownOperators: [] });
    expect(evaluateScopingFilter(filter(), user).inScope).toBe(true);
  });

  it("ANDs the clauses of a group", () => {
    const both = group(
      "Marketing in Norway",
      clause("department", "EQUALS", "Marketing"),
      clause("country", "EQUALS", "Norway"),
    );
    const oneFails = group(
      "Marketing in Spain",
      clause("department", "EQUALS", "Marketing"),
      clause("country", "EQUALS", "Spain"),
    );
    expect(evaluateScopingFilter(filter(both), user).inScope).toBe(true);
    expect(evaluateScopingFilter(filter(oneFails), user).inScope).toBe(false);
  });

  it("ORs the groups, and still reports every clause", () => {
    const sales = group("Sales filter", clause("department", "EQUALS", "Sales"));
    const marketing = group("Marketing department filter", clause("department", "EQUALS", "Marketing"));
    const result = evaluateScopingFilter(filter(sales, marketing), user);
    expect(result.inScope).toBe(true);
    expect(result.clauses).toEqual({
      "Sales filter.department EQUALS 'Sales'": false,
      "Marketing department filter.department EQUALS 'Marketing'": true,
    });
    expect(evaluateScopingFilter(filter(sales), user).inScope).toBe(false);
  });

  it("keys clauses as the ScopeEvaluationResult detail does, without a value for unary operators", () => {
    const result = evaluateScopingFilter(
      filter(
        group(
          "Title filter",
          clause("jobTitle", "IS NOT NULL"),
          clause("country", "EQUALS", "Norway", "Sweden"),
          clause("employeeId", "Greater_Than", "1000000"),
        ),
      ),
      user,
    );
    expect(result.clauses).toEqual({
      "Title filter.jobTitle IS NOT NULL": true,
      "Title filter.country EQUALS 'Norway', 'Sweden'": true,
      "Title filter.employeeId Greater_Than '1000000'": false,
    });
    expect(result.inScope).toBe(false);
  });

  it("needs the input filter to pass as well as the scoping filter", () => {
    const scope: ScopingFilter = {
      groups: [group("Marketing", clause("department", "EQUALS", "Marketing"))],
      inputFilterGroups: [group("Spain only", clause("country", "EQUALS", "Spain"))],
      categoryFilterGroups: [],
    };
    expect(evaluateScopingFilter(scope, user).inScope).toBe(false);
    expect(evaluateScopingFilter({ ...scope, groups: [] }, user).inScope).toBe(false);
    expect(evaluateScopingFilter({ ...scope, inputFilterGroups: [] }, user).inScope).toBe(true);
  });

  it("counts a clause with an unknown operator as false and lists the operator, without throwing", () => {
    const result = evaluateScopingFilter(
      filter(
        group("Odd", clause("department", "SOUNDS_LIKE", "Marketing")),
        group("Fine", clause("country", "EQUALS", "Norway")),
      ),
      user,
    );
    expect(result.inScope).toBe(true);
    expect(result.clauses["Odd.department SOUNDS_LIKE 'Marketing'"]).toBe(false);
    expect(result.unknownOperators).toEqual(["SOUNDS_LIKE"]);
  });

  it("reads the scoping filter sample from Graph's docs", () => {
    const sample = {
      groups: [
        {
          clauses: [
            {
              operatorName: "EQUALS",
              sourceOperandName: "dirSyncEnabled",
              targetOperand: { values: ["True"] },
            },
          ],
          name: "AD On Premise users",
        },
      ],
      inputFilterGroups: [],
      categoryFilterGroups: [],
    } satisfies ScopingFilter;
    expect(evaluateScopingFilter(sample, attributeReaderOf({ dirSyncEnabled: "True" }))).toEqual({
      inScope: true,
      clauses: { "AD On Premise users.dirSyncEnabled EQUALS 'True'": true },
      unknownOperators: [],
    });
    expect(evaluateScopingFilter(sample, attributeReaderOf({})).inScope).toBe(false);
  });
});
