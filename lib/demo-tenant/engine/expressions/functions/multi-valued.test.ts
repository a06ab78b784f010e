import { describe, expect, it } from "vitest";

import { attributeReaderOf, evaluateExpression, type ExpressionValue } from "../index";

const evaluate = (text: string, attributes: Record<string, ExpressionValue> = {}) =>
  evaluateExpression(text, attributeReaderOf(attributes));

describe("Join", () => {
  it('skips null and empty values (docs: "Doe, John")', () => {
    expect(evaluate('Join(", ", "", [surname], [givenName])', { givenName: "John", surname: "Doe" })).toBe(
      "Doe, John",
    );
    expect(
      evaluate('Join(" ", [givenName], [middleName], [surname])', { givenName: "Ann", surname: "Lee" }),
    ).toBe("Ann Lee");
  });
  it("flattens multi-valued sources", () => {
    expect(
      evaluate('Join(";", [proxyAddresses], [mail])', {
        proxyAddresses: ["smtp:a@x", "SMTP:b@x"],
        mail: "c@x",
      }),
    ).toBe("smtp:a@x;SMTP:b@x;c@x");
  });
  it("joins with no separator, and gives null when nothing is left", () => {
    expect(evaluate('Join("", 1000, [id])', { id: "42" })).toBe("100042");
    expect(evaluate('Join(".", [a], [b])')).toBeNull();
  });
});

describe("Item", () => {
  const proxies = { proxyAddresses: ["SMTP:ann@contoso.com", "smtp:ann@fabrikam.com"] };
  it("is 1-based", () => {
    expect(evaluate("Item([proxyAddresses], 1)", proxies)).toBe("SMTP:ann@contoso.com");
    expect(evaluate("Item([proxyAddresses], 2)", proxies)).toBe("smtp:ann@fabrikam.com");
  });
  it("gives null out of range, for index 0 and for null", () => {
    expect(evaluate("Item([proxyAddresses], 3)", proxies)).toBeNull();
    expect(evaluate("Item([proxyAddresses], 0)", proxies)).toBeNull();
    expect(evaluate("Item([missing], 1)")).toBeNull();
  });
  it("treats a single value as a list of one", () => {
    expect(evaluate("Item([mail], 1)", { mail: "a@x" })).toBe("a@x");
  });
  it("rejects an index that is not an integer", () => {
    expect(() => evaluate('Item([proxyAddresses], "first")', proxies)).toThrow(/index must be an integer/);
  });
});

describe("Count", () => {
  it("counts values", () => {
    expect(evaluate("Count([p])", { p: ["a", "b", "c"] })).toBe("3");
    expect(evaluate("Count([p])", { p: "a" })).toBe("1");
    expect(evaluate("Count([missing])")).toBe("0");
  });
});

describe("RemoveDuplicates", () => {
  it("keeps the first of each value, in order", () => {
    expect(evaluate("RemoveDuplicates([p])", { p: ["a", "b", "a", "c", "b"] })).toEqual(["a", "b", "c"]);
    expect(evaluate("RemoveDuplicates([p])", { p: "a" })).toBe("a");
    expect(evaluate("RemoveDuplicates([missing])")).toBeNull();
  });
});
