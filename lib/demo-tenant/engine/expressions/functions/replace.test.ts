import { describe, expect, it } from "vitest";

import { attributeReaderOf, evaluateExpression, type ExpressionValue } from "../index";

const evaluate = (text: string, attributes: Record<string, ExpressionValue> = {}) =>
  evaluateExpression(text, attributeReaderOf(attributes));

describe("Replace, literal form", () => {
  it("replaces every occurrence (Graph's parseExpression example)", () => {
    expect(evaluate('Replace([preferredLanguage], "-", , , "_", , )', { preferredLanguage: "EN-US" })).toBe(
      "EN_US",
    );
    expect(evaluate('Replace([x], "-", , , "_", , )', { x: "a-b-c" })).toBe("a_b_c");
  });
  it("is case-sensitive", () => {
    expect(
      evaluate('Replace([t], "product developer", , , "Engineer", , )', { t: "Product Developer" }),
    ).toBe("Product Developer");
    expect(
      evaluate('Replace([t],"Product Developer", , , "Software Engineer", , )', { t: "Product Developer" }),
    ).toBe("Software Engineer");
  });
  it("replaces with an empty string (docs: strip a known domain)", () => {
    expect(evaluate('Replace([mail], "@contoso.com", , ,"", ,)', { mail: "john.doe@contoso.com" })).toBe(
      "john.doe",
    );
  });
  it("keeps null as null and treats each value of a multi-valued source", () => {
    expect(evaluate('Replace([missing], "-", , , "_", , )')).toBeNull();
    expect(evaluate('Replace([x], "-", , , "_", , )', { x: ["a-b", "c-d"] })).toEqual(["a_b", "c_d"]);
  });
  it("rejects an empty oldValue", () => {
    expect(() => evaluate('Replace([x], "", , , "_", , )', { x: "a" })).toThrow(/oldValue must not be empty/);
  });
});

describe("Replace, template form", () => {
  it("puts the source into the template (docs example 2)", () => {
    expect(
      evaluate('Replace([UserID],"<username>", , , , , "<username>@contoso.com")', { UserID: "jsmith" }),
    ).toBe("jsmith@contoso.com");
  });
});

describe("Replace, regex forms", () => {
  it("builds the replacement from named groups (docs example 3)", () => {
    const text =
      'Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", , "${phoneNumber}", , )';
    expect(evaluate(text, { telephoneNumber: "+91 9998887777" })).toBe("9998887777");
  });
  it("removes what the pattern matches", () => {
    expect(evaluate('Replace([mobile], , "[()\\\\s-]+", , "", , )', { mobile: "+1 (999) 888-7777" })).toBe(
      "+19998887777",
    );
    expect(
      evaluate('Replace([mailNickname], , "[a-zA-Z_]*", , "", , )', { mailNickname: "john_doe72" }),
    ).toBe("72");
  });
  it("supports numbered groups and the whole match", () => {
    expect(
      evaluate('Replace([x], , "(\\\\w+)@(\\\\w+)", , "$2 at ${1} ($0)", , )', { x: "ann@contoso" }),
    ).toBe("contoso at ann (ann@contoso)");
  });
  it("replaces only a named group's span (docs example 4)", () => {
    expect(
      evaluate('Replace([AddressLineData], ,"(?<streetNumber>^\\\\d*)","streetNumber", "888", , )', {
        AddressLineData: "545 Tremont Street",
      }),
    ).toBe("888 Tremont Street");
    expect(
      evaluate('Replace([userPrincipalName], , "(?<Suffix>@(.)*)", "Suffix", "", , )', {
        userPrincipalName: "jsmith@contoso.com",
      }),
    ).toBe("jsmith");
  });
  it("falls back to another attribute when the source is empty (docs example 5)", () => {
    const text =
      'Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", "phoneNumber" , , [mobile], )';
    expect(evaluate(text, { telephoneNumber: "", mobile: "+91 8887779999" })).toBe("8887779999");
    expect(evaluate(text, { mobile: "+91 8887779999" })).toBe("8887779999");
    expect(evaluate(text, { telephoneNumber: "+1 425 555 0100", mobile: "+91 8887779999" })).toBe(
      "+1 425 555 0100",
    );
    expect(evaluate(text, { mobile: "no digits" })).toBeNull();
  });
  it("names what is wrong with a bad call", () => {
    expect(() => evaluate('Replace([x], , "(unclosed", , "", , )', { x: "a" })).toThrow(
      /invalid regexPattern "\(unclosed"/,
    );
    expect(() => evaluate('Replace([x], , "(?<a>b)", "c", "", , )', { x: "b" })).toThrow(
      /no group named "c"/,
    );
    expect(() => evaluate("Replace([x])", { x: "a" })).toThrow(/needs either an oldValue or a regexPattern/);
    expect(() => evaluate('Replace([x], "a")', { x: "a" })).toThrow(/needs a replacementValue or a template/);
  });
});
