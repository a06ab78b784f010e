import { describe, expect, it } from "vitest";
import { parseClauseText } from "./scope-facts";

describe("parseClauseText", () => {
  it("reads filter, attribute, operator and value as the Scoping step writes them", () => {
    expect(parseClauseText("Marketing department filter.department EQUALS 'Marketing'")).toEqual({
      filter: "Marketing department filter",
      attribute: "department",
      operator: "EQUALS",
      values: ["Marketing"],
      text: "Marketing department filter.department EQUALS 'Marketing'",
    });
  });

  it("tells NOT EQUALS from EQUALS and IS NOT NULL from IS NULL", () => {
    expect(parseClauseText("F.title NOT EQUALS 'Intern'")).toMatchObject({ operator: "NOT EQUALS" });
    expect(parseClauseText("F.mail IS NOT NULL")).toMatchObject({ operator: "IS NOT NULL", values: [] });
  });

  it("keeps dots in a filter's name and reads several values", () => {
    expect(parseClauseText("v2.0 users.employeeType EQUALS 'A', 'B'")).toMatchObject({
      filter: "v2.0 users",
      attribute: "employeeType",
      values: ["A", "B"],
    });
  });

  it("keeps a clause it cannot read as its text", () => {
    expect(parseClauseText("something else")).toMatchObject({ operator: null, text: "something else" });
  });
});
