import { describe, expect, it } from "vitest";
import { attributeChange, attributeChangedText } from "./attribute-change";

describe("attributeChange", () => {
  it("sets the attribute to the trimmed value", () => {
    expect(attributeChange("department", "  Engineering ")).toEqual({
      changes: { department: "Engineering" },
      problem: null,
    });
  });

  it("clears an optional attribute when the value is empty", () => {
    expect(attributeChange("jobTitle", "   ").changes).toEqual({ jobTitle: null });
  });

  it("refuses an empty display name, naming it", () => {
    expect(attributeChange("displayName", "").problem).toBe("Display name cannot be empty.");
  });

  it("refuses mail that is not an address", () => {
    expect(attributeChange("mail", "adele").problem).toMatch(/name@domain/);
    expect(attributeChange("mail", "adele@contoso.com").changes).toEqual({ mail: "adele@contoso.com" });
  });
});

describe("attributeChangedText", () => {
  it("says what the attribute is now, or that it was cleared", () => {
    expect(attributeChangedText("Adele Vance", "jobTitle", "Buyer")).toBe(
      'Adele Vance\'s job title is now "Buyer".',
    );
    expect(attributeChangedText("Adele Vance", "employeeId", null)).toBe(
      "Cleared Adele Vance's employee id.",
    );
  });
});
