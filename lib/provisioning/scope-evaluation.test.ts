import { describe, expect, it } from "vitest";
import { evaluateScopingFilter } from "@/lib/demo-tenant/engine/scoping";
import type { ScopingFilterInput } from "./mapping-schema";
import { evaluateScope, SCOPING_OPERATORS, type ScopeValue } from "./scope-evaluation";

const one = (operatorName: string, values: string[] = []): ScopingFilterInput => ({
  groups: [{ name: "F", clauses: [{ operatorName, sourceOperandName: "x", targetOperand: { values } }] }],
});

function holds(operator: string, value: ScopeValue, values: string[] = []): boolean {
  return evaluateScope(one(operator, values), () => value).inScope;
}

describe("evaluateScope: each documented operator", () => {
  it.each([
    ["EQUALS", "Sales", ["Sales"], true],
    ["EQUALS", "sales", ["Sales"], false], // case-sensitive
    ["EQUALS", "Marketing", ["Sales", "Marketing"], true],
    ["NOT EQUALS", "Sales", ["Marketing"], true],
    ["NOT EQUALS", "Sales", ["Sales"], false],
    ["ENDS WITH", "adele@contoso.com", ["@contoso.com"], true],
    ["ENDS_WITH", "adele@fabrikam.com", ["@contoso.com"], false],
    ["INCLUDES", "Senior Engineer", ["Engineer"], true],
    ["Includes", "Senior Engineer", ["engineer"], false],
    ["REGEX MATCH", "E1234", ["^E\\d+$"], true],
    ["REGEX MATCH", "X1234", ["^E\\d+$"], false],
    ["NOT REGEX MATCH", "X1234", ["^E\\d+$"], true],
    ["NOT REGEX MATCH", "E1234", ["^E\\d+$"], false],
    ["GREATER THAN", "10", ["9"], true],
    ["Greater_Than", "9", ["9"], false],
    ["GREATER THAN OR EQUALS", "9", ["9"], true],
    ["GREATER_THAN_OR_EQUALS", "8", ["9"], false],
    ["&", "6", ["2"], true],
    ["&", "4", ["2"], false],
    ["!&", "4", ["2"], true],
    ["!&", "6", ["2"], false],
    ["IS TRUE", "True", [], true],
    ["IS TRUE", "False", [], false],
    ["IS FALSE", "false", [], true],
    ["IS FALSE", "True", [], false],
    ["IS NULL", null, [], true],
    ["IS NULL", "x", [], false],
    ["IS NOT NULL", "x", [], true],
    ["IS NOT NULL", null, [], false],
  ] as const)("%s on %j against %j holds: %s", (operator, value, values, expected) => {
    expect(holds(operator, value, [...values])).toBe(expected);
  });

  it("compares whole numbers only, and says why a comparison of words is false", () => {
    const evaluation = evaluateScope(one("GREATER THAN", ["5"]), () => "ten");
    expect(evaluation.filters[0]!.clauses[0]).toMatchObject({
      held: false,
      note: expect.stringMatching(/whole numbers/),
    });
    expect(holds("GREATER THAN", "99999999999999999999", ["1"])).toBe(true);
  });

  it("counts an invalid regular expression and an unknown operator as false, and names them", () => {
    expect(evaluateScope(one("REGEX MATCH", ["("]), () => "x").filters[0]!.clauses[0]!.note).toMatch(
      /not a valid/,
    );
    const unknown = evaluateScope(one("SOUNDS LIKE", ["x"]), () => "x");
    expect(unknown).toMatchObject({ inScope: false, unknownOperators: ["SOUNDS LIKE"] });
  });
});

describe("evaluateScope: null handling", () => {
  it.each([
    "EQUALS",
    "NOT EQUALS",
    "ENDS WITH",
    "INCLUDES",
    "REGEX MATCH",
    "NOT REGEX MATCH",
    "GREATER THAN",
    "IS TRUE",
    "IS FALSE",
  ])("a clause %s on a null or empty value is false", (operator) => {
    for (const empty of [null, "", [] as string[]]) {
      const clause = evaluateScope(one(operator, ["x"]), () => empty).filters[0]!.clauses[0]!;
      expect(clause.held).toBe(false);
      expect(clause.note).toMatch(/no value/);
    }
  });

  it("does not evaluate a multi-valued attribute, but reads a one-item list as its value", () => {
    expect(holds("EQUALS", ["Sales", "Marketing"], ["Sales"])).toBe(false);
    expect(holds("EQUALS", ["Sales"], ["Sales"])).toBe(true);
  });
});

describe("evaluateScope: AND within a filter, OR between filters", () => {
  const attributes: Record<string, string | null> = { department: "Sales", country: "Germany", title: null };
  const read = (name: string) => attributes[name] ?? null;
  const clause = (attribute: string, value: string) => ({
    operatorName: "EQUALS",
    sourceOperandName: attribute,
    targetOperand: { values: [value] },
  });

  it("a filter holds only when all its clauses hold", () => {
    const evaluation = evaluateScope(
      {
        groups: [
          { name: "German sales", clauses: [clause("department", "Sales"), clause("country", "France")] },
        ],
      },
      read,
    );
    expect(evaluation.inScope).toBe(false);
    expect(evaluation.filters[0]!.clauses.map((c) => c.held)).toEqual([true, false]);
  });

  it("one filter that holds is enough, and every clause is still evaluated", () => {
    const evaluation = evaluateScope(
      {
        groups: [
          { name: "Marketing", clauses: [clause("department", "Marketing")] },
          { name: "Germany", clauses: [clause("country", "Germany")] },
        ],
      },
      read,
    );
    expect(evaluation.inScope).toBe(true);
    expect(evaluation.filters.map((f) => [f.name, f.held])).toEqual([
      ["Marketing", false],
      ["Germany", true],
    ]);
  });

  it("no filter at all puts every object in scope; input filters must pass as well", () => {
    expect(evaluateScope(null, read).inScope).toBe(true);
    expect(evaluateScope({ groups: [], inputFilterGroups: [] }, read).inScope).toBe(true);
    const withInput = evaluateScope(
      {
        groups: [{ name: "Sales", clauses: [clause("department", "Sales")] }],
        inputFilterGroups: [
          { name: "Title set", clauses: [{ operatorName: "IS NOT NULL", sourceOperandName: "title" }] },
        ],
      },
      read,
    );
    expect(withInput).toMatchObject({
      inScope: false,
      filters: [{ held: true }],
      inputFilters: [{ held: false }],
    });
  });
});

describe("evaluateScope agrees with the demo tenant's engine", () => {
  const values: ScopeValue[] = [null, "", "Sales", "sales", "10", "6", "True", "False", ["A"], ["A", "B"]];
  const targets = [["Sales"], ["10"], ["2"], ["^S"], ["a", "Sales"]];
  it("on every operator, value and target tried", () => {
    let compared = 0;
    for (const operator of SCOPING_OPERATORS)
      for (const value of values)
        for (const target of targets) {
          const filter = one(operator, target);
          const ours = evaluateScope(filter, () => value).inScope;
          const engine = evaluateScopingFilter(
            { groups: filter.groups as never, inputFilterGroups: [], categoryFilterGroups: [] },
            () => (value === null ? null : Array.isArray(value) ? [...value] : (value as string)),
          ).inScope;
          expect(ours, `${operator} ${JSON.stringify(value)} ${JSON.stringify(target)}`).toBe(engine);
          compared++;
        }
    expect(compared).toBe(SCOPING_OPERATORS.length * values.length * targets.length);
  });
});
